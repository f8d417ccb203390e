import type { CaseEventInput } from '../shared/case-event.js';
import type { RepairStatus } from './repair-contract.js';

export interface RepairReadModelPatch {
  status?: RepairStatus;
  materials?: unknown;
  currentStep?: string | null;
  assigneeRole?: string | null;
  dueAt?: string | null;
  dueProvisional?: boolean;
  escalated?: boolean;
  clockPaused?: boolean;
  claimedById?: string | null;
  reviewedById?: string | null;
  decidedById?: string | null;
  decisionReasons?: string | null;
  reapplyFrom?: string | null;
  closedAt?: string | null;
}

/** What a repair decision does to the record. */
export type RepairEffect = { kind: 'REPAIRED' } | { kind: 'REINSTATED'; barUntil: string; reason: string };

/** A message for the applicant, delivered through the outbox. */
export interface RepairNotification {
  topic: string;
  recipientId: string;
  payload: Record<string, unknown>;
}

export interface RepairTransition {
  event: CaseEventInput;
  readModel: RepairReadModelPatch;
  effect?: RepairEffect | undefined;
  notification?: RepairNotification | undefined;
}
