import type { FactChanges, ObjectionOutcome, ObjectionStatus, RecordCorrections } from '../../domain/objection/objection-types.js';
import type { CaseEventInput } from '../shared/case-event.js';

/** Fields of the objection read model that a transition may set. */
export interface ObjectionReadModelPatch {
  status?: ObjectionStatus;
  outcome?: ObjectionOutcome | null;
  decisionReasons?: string | null;
  decidedById?: string | null;
  currentStep?: string | null;
  assigneeRole?: string | null;
  dueAt?: string | null;
  dueProvisional?: boolean;
  calendarVersion?: string | null;
  escalated?: boolean;
  extendedWorkingDays?: number;
  clockPaused?: boolean;
  clockStopCause?: string | null;
  pausedWorkingDays?: number;
  /** The claimer of the current step; null when unclaimed (a step's end clears it). */
  claimedById?: string | null;
  closedAt?: string | null;
}

/** What a transition does to the dishonesty record. */
export type RecordEffect =
  | { kind: 'MARK' }
  | { kind: 'UNMARK' }
  | { kind: 'APPLY_OUTCOME'; outcome: ObjectionOutcome; reasons: string; changes?: FactChanges | undefined; corrections?: RecordCorrections | undefined };

/** A message for the applicant about a decision, delivered through the outbox (same transaction). */
export interface ObjectionNotification {
  topic: string;
  recipientId: string;
  payload: Record<string, unknown>;
}

/** One step of an objection case: its audit event, the read model, the record and the outbox, written together. */
export interface ObjectionTransition {
  event: CaseEventInput;
  readModel: ObjectionReadModelPatch;
  recordEffect?: RecordEffect | undefined;
  notification?: ObjectionNotification | undefined;
}
