import type { CaseEventInput } from '../shared/case-event.js';
import type { ComplaintStatus, ProposedRecord } from './complaint-contract.js';
import type { PolicyArea } from '../../domain/records/record-types.js';

export interface ComplaintReadModelPatch {
  status?: ComplaintStatus;
  currentStep?: string | null;
  assigneeRole?: string | null;
  dueAt?: string | null;
  dueProvisional?: boolean;
  escalated?: boolean;
  claimedById?: string | null;
  /** The competent authority, once forwarded (its staff then see the case). */
  authorityId?: string;
  finding?: string | null;
  findingReasons?: string | null;
  findingEvidence?: unknown;
  findingById?: string | null;
  reply?: string | null;
  repliedAt?: string | null;
  proposalId?: string | null;
  closedAt?: string | null;
}

/** A confirmed finding proposes a record (lib/record-proposals), in the transition's transaction. */
export interface ComplaintRecordProposalEffect {
  kind: 'PROPOSE_RECORD';
  subjectId: string;
  authorityId: string;
  policyArea: PolicyArea;
  proposal: ProposedRecord;
  /** The office's zone: the record's decision date is the finding's calendar day there. */
  timeZone: string;
  proposedBy: { id: string; role: string };
}

export interface ComplaintTransition {
  event: CaseEventInput;
  readModel: ComplaintReadModelPatch;
  effect?: ComplaintRecordProposalEffect | undefined;
}
