import type { CaseEventInput } from '../shared/case-event.js';

/** Fields of a dishonesty record that its lifecycle workflow changes. */
export interface RecordPatch {
  status?: 'ACTIVE' | 'DELETED' | 'REPAIRED' | 'REVOKED' | 'REMOVED';
  publicationStatus?: 'PUBLISHED' | 'STOPPED';
  publishedFrom?: string;
  publishedUntil?: string;
  minPublishedUntil?: string;
  sanctionsActive?: boolean;
  leniency?: string;
  revokedAt?: string;
  workflowId?: string;
}

export interface LeniencyWrite {
  id: string;
  recordId: string;
  kind: string;
  reasons: string;
  proposedById: string;
  proposedAt: string;
  status: 'PROPOSED' | 'APPROVED' | 'REJECTED';
  decidedById?: string;
  decidedAt?: string;
  decisionReasons?: string;
}

/** One step of a record's lifecycle: its audit event, the record and a leniency decision, written together. */
export interface RecordTransition {
  event: CaseEventInput;
  record: RecordPatch;
  leniency?: LeniencyWrite | undefined;
}
