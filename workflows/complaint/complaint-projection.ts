import { proxyActivities } from '@temporalio/workflow';
import type { Activities } from '../../activities/index.js';
import { STANDARD_ACTIVITY_OPTIONS } from '../shared/activity-options.js';
import type { CaseEventDetails, CaseEventInput } from '../shared/case-event.js';
import { commonReadModel, type CaseStepView } from '../shared/case-runtime.js';
import type { ComplaintState } from './complaint-contract.js';
import type { ComplaintReadModelPatch, ComplaintRecordProposalEffect } from './complaint-transition.js';

const { recordComplaintTransition } = proxyActivities<Activities>(STANDARD_ACTIVITY_OPTIONS);

export interface ComplaintTransitionDetails extends CaseEventDetails {
  readModel?: Partial<ComplaintReadModelPatch>;
  effect?: ComplaintRecordProposalEffect;
}

/** The complaint's read model (and, on a confirmed finding, its record proposal) for one transition, stored together. */
export function storeComplaintTransition(state: ComplaintState) {
  return (event: CaseEventInput, view: CaseStepView, details: ComplaintTransitionDetails) => {
    const readModel: ComplaintReadModelPatch = {
      ...commonReadModel(view),
      status: state.status,
      escalated: view.escalated,
      ...(state.competentAuthorityId ? { authorityId: state.competentAuthorityId } : {}),
      ...details.readModel,
    };
    return () => recordComplaintTransition({ event, readModel, effect: details.effect });
  };
}
