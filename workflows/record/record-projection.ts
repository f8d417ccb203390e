import type { Activities } from '../../activities/index.js';
import { proxyCaseStepActivities } from '../shared/activity-options.js';
import type { CaseEventDetails, CaseEventInput } from '../shared/case-event.js';
import { CaseLog } from '../shared/case-log.js';
import { CaseStatusKey, CaseTypeKey, RecordIdKey, SubjectIdKey } from '../shared/search-attributes.js';
import { RECORD_CASE_TYPE, type RecordLifecycleInput, type RecordLifecycleState } from './record-contract.js';
import type { LeniencyWrite, RecordPatch } from './record-transition.js';

const { recordRecordTransition } = proxyCaseStepActivities<Activities>();

export interface RecordTransitionDetails extends CaseEventDetails {
  record?: RecordPatch;
  leniency?: LeniencyWrite;
}

/** The record's write chain: each transition writes its audit event, the record's fields and a leniency decision. */
export function recordLog(input: RecordLifecycleInput, state: RecordLifecycleState): CaseLog<RecordTransitionDetails> {
  return new CaseLog<RecordTransitionDetails>({
    caseType: RECORD_CASE_TYPE,
    caseId: input.recordId,
    prepare: (event: CaseEventInput, details) => ({
      searchAttributes: [
        { key: CaseTypeKey, value: RECORD_CASE_TYPE },
        { key: CaseStatusKey, value: state.phase },
        { key: SubjectIdKey, value: input.subjectId },
        { key: RecordIdKey, value: input.recordId },
      ],
      store: () => recordRecordTransition({ event, record: details.record ?? {}, leniency: details.leniency }),
    }),
  });
}
