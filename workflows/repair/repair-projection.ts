import type { Activities } from '../../activities/index.js';
import { proxyCaseStepActivities } from '../shared/activity-options.js';
import type { CaseEventDetails, CaseEventInput } from '../shared/case-event.js';
import { commonReadModel, type CaseStepView } from '../shared/case-runtime.js';
import type { RepairState, RepairWorkflowInput } from './repair-contract.js';
import type { RepairEffect, RepairReadModelPatch } from './repair-transition.js';

const { recordRepairTransition } = proxyCaseStepActivities<Activities>();

export interface RepairTransitionDetails extends CaseEventDetails {
  readModel?: Partial<RepairReadModelPatch>;
  effect?: RepairEffect;
  /** Tell the applicant (outbox). */
  notify?: { topic: string; payload: Record<string, unknown> };
}

/** The application's read model, the record effect and the applicant's notice for one transition, stored together. */
export function storeRepairTransition(input: RepairWorkflowInput, state: RepairState) {
  return (event: CaseEventInput, view: CaseStepView, details: RepairTransitionDetails) => {
    const readModel: RepairReadModelPatch = {
      ...commonReadModel(view),
      status: state.status,
      escalated: view.escalated,
      clockPaused: state.status === 'NEEDS_CORRECTION',
      reviewedById: state.reviewedById,
      decidedById: state.decidedById,
      ...details.readModel,
    };
    const notification = details.notify
      ? {
          topic: details.notify.topic,
          recipientId: input.applicantId,
          payload: { applicationId: input.applicationId, recordId: input.recordId, ...details.notify.payload },
        }
      : undefined;
    return () => recordRepairTransition({ event, readModel, effect: details.effect, notification });
  };
}
