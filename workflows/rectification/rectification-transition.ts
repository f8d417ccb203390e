import type { PolicySnapshot } from '../../domain/policies/policy-snapshot.js';
import type { RectificationStatus } from '../../domain/records/record-types.js';
import type { RectificationPolicy } from '../../domain/rectification/rectification-policy.js';
import type { CaseEventInput } from '../shared/case-event.js';
import type { EscalationLevel } from '../../domain/rectification/rectification-types.js';
import type { RectificationCaseStatus } from './rectification-contract.js';

/** Fields of the rectification read model that a transition sets. */
export interface RectificationReadModelPatch {
  status: RectificationCaseStatus;
  explanation?: string;
  plan?: string;
  currentStep: string | null;
  assigneeRole: string | null;
  dueAt: string | null;
  dueProvisional: boolean;
  escalationLevel: EscalationLevel;
  returnedCount: number;
  /** The claimer of the current step; null when unclaimed (a step's end clears it). */
  claimedById?: string | null;
  closedAt?: string | null;
}

/** What the first transition needs to create the read-model row. */
export interface RectificationOpening {
  workflowId: string;
  recordId: string;
  subjectId: string;
  policy: PolicySnapshot<RectificationPolicy>;
  openedAt: string;
}

/** One step of a rectification case: its audit event, the read model and the record's status, written together. */
export interface RectificationTransition {
  event: CaseEventInput;
  readModel: RectificationReadModelPatch;
  /** On the first transition only: the row is created (or found) by id. */
  opening?: RectificationOpening | undefined;
  /** The record's rectificationStatus after this transition, when it changes. */
  recordStatus?: RectificationStatus | undefined;
}
