import type { Activities } from '../../activities/index.js';
import { proxyCaseStepActivities } from '../shared/activity-options.js';
import type { CaseEventDetails, CaseEventInput } from '../shared/case-event.js';
import { commonReadModel, type CaseStepView } from '../shared/case-runtime.js';
import type { CommitmentState } from './commitment-contract.js';
import type { CommitmentCheckWrite, CommitmentReadModelPatch } from './commitment-transition.js';

const { recordCommitmentTransition } = proxyCaseStepActivities<Activities>();

export interface CommitmentTransitionDetails extends CaseEventDetails {
  /** On a CHECKED transition: the finding, stored as a check row. */
  check?: CommitmentCheckWrite;
}

/** The commitment's read model and, on a check, its finding, stored together. */
export function storeCommitmentTransition(state: CommitmentState) {
  return (event: CaseEventInput, view: CaseStepView, details: CommitmentTransitionDetails) => {
    const readModel: CommitmentReadModelPatch = {
      ...commonReadModel(view),
      status: state.status,
      escalated: view.escalated,
      period: state.period,
      dueDate: state.dueDate,
      recordProposalId: state.recordProposalId,
    };
    return () => recordCommitmentTransition({ event, readModel, check: details.check });
  };
}
