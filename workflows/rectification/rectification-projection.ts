import type { Activities } from '../../activities/index.js';
import type { RectificationStatus } from '../../domain/records/record-types.js';
import { proxyCaseStepActivities } from '../shared/activity-options.js';
import type { CaseEventDetails, CaseEventInput } from '../shared/case-event.js';
import { commonReadModel, type CaseStepView } from '../shared/case-runtime.js';
import type { RectificationState } from './rectification-contract.js';
import type { RectificationOpening, RectificationReadModelPatch } from './rectification-transition.js';

const { recordRectificationTransition } = proxyCaseStepActivities<Activities>();

export interface RectificationTransitionDetails extends CaseEventDetails {
  readModel?: Partial<Pick<RectificationReadModelPatch, 'explanation' | 'plan'>>;
  /** The record's rectificationStatus after this transition. */
  recordStatus?: RectificationStatus | undefined;
  /** On the first transition only: what creates the read-model row. */
  opening?: RectificationOpening;
}

/** The rectification's read model and the record's rectificationStatus (written only when it changes), stored together. */
export function storeRectificationTransition(state: RectificationState) {
  let recordStatus: RectificationStatus | null = null;
  return (event: CaseEventInput, view: CaseStepView, details: RectificationTransitionDetails) => {
    const readModel: RectificationReadModelPatch = {
      ...commonReadModel(view),
      status: state.status,
      escalationLevel: state.escalationLevel,
      returnedCount: state.returnedCount,
      ...details.readModel,
    };
    const changed = details.recordStatus !== recordStatus ? details.recordStatus : undefined;
    if (details.recordStatus) recordStatus = details.recordStatus;
    return () => recordRectificationTransition({ event, readModel, opening: details.opening, recordStatus: changed });
  };
}
