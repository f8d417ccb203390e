import type { CheckOutcome } from '../../domain/commitment/commitment-types.js';
import type { CaseEventInput } from '../shared/case-event.js';
import type { CommitmentStatus } from './commitment-contract.js';

/** Fields of the commitment read model that a transition sets. */
export interface CommitmentReadModelPatch {
  status: CommitmentStatus;
  currentStep: string | null;
  assigneeRole: string | null;
  dueAt: string | null;
  dueProvisional: boolean;
  escalated: boolean;
  claimedById?: string | null;
  period: number;
  dueDate: string;
  recordProposalId?: string | null;
  closedAt?: string | null;
}

/** One check's finding, stored so kept, late and broken commitments can be counted for the body later. */
export interface CommitmentCheckWrite {
  period: number;
  dueDate: string;
  outcome: CheckOutcome;
  reasons: string;
  evidence: { title: string; fileId?: string | undefined }[];
  checkedById: string;
  checkedAt: string;
}

/** One step of a commitment: its audit event, the read model and a check's finding, written together. */
export interface CommitmentTransition {
  event: CaseEventInput;
  readModel: CommitmentReadModelPatch;
  check?: CommitmentCheckWrite | undefined;
}
