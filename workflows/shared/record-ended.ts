/** The notice a record's lifecycle sends to its open cases (repair, objection) when the record is deleted, revoked or removed from its list. */
import { defineSignal } from '@temporalio/workflow';

export interface RecordEndedNotice {
  cause: 'DELETED' | 'REVOKED' | 'REMOVED_FROM_LIST';
  /** The case that ended the record: the deciding objection, or the record itself for a revocation. */
  caseId: string;
  reason: string | null;
}

/** An open case of the record ends with the stated cause; a closed one ignores it. */
export const recordEndedSignal = defineSignal<[RecordEndedNotice]>('recordEnded');
