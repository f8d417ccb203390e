import { setHandler } from '@temporalio/workflow';
import { CaseRuntime } from '../shared/case-runtime.js';
import {
  CLOSED_COMPLAINT_STATUSES,
  COMPLAINT_CASE_TYPE,
  complaintStateQuery,
  ComplaintStatus,
  ComplaintStep,
  type ComplaintResult,
  type ComplaintState,
  type ComplaintWorkflowInput,
} from './complaint-contract.js';
import { registerComplaintActions } from './complaint-actions.js';
import { storeComplaintTransition, type ComplaintTransitionDetails } from './complaint-projection.js';

/**
 * 投诉举报: intake by the credit office (scope check; forward, or refuse as out of scope) → verification by the
 * competent authority (the body's superior department) with a finding (unfounded / confirmed / partly confirmed;
 * a confirmed one proposes a record) → the credit office's reply to the reporter. Every step has its working-day
 * deadline, reminder and escalation (HumanStep).
 */
export async function complaintWorkflow(input: ComplaintWorkflowInput): Promise<ComplaintResult> {
  const policy = input.policy.params;
  const state: ComplaintState = {
    complaintId: input.complaintId,
    status: ComplaintStatus.FILED,
    step: null,
    claimedById: null,
    competentAuthorityId: null,
    finding: null,
    findingById: null,
    proposalId: null,
  };
  const runtime = new CaseRuntime<ComplaintState, ComplaintTransitionDetails>({
    caseType: COMPLAINT_CASE_TYPE,
    caseId: input.complaintId,
    subjectId: input.subjectId,
    recordId: null,
    // Intake and reply belong to the credit office; verification to the competent authority.
    get authorityId() {
      return state.status === ComplaintStatus.UNDER_VERIFICATION && state.competentAuthorityId ? state.competentAuthorityId : input.intakeAuthorityId;
    },
    state,
    closedStatuses: CLOSED_COMPLAINT_STATUSES,
    excludedActorIds: () => [],
    reminderWorkingDaysBefore: policy.reminderWorkingDaysBefore,
    store: storeComplaintTransition(state),
  });
  setHandler(complaintStateQuery, () => state);
  registerComplaintActions({ input, state, runtime });

  const status = (): ComplaintStatus => state.status;
  const until = (s: ComplaintStatus) => () => status() !== s;

  await runtime.runStep({ step: ComplaintStep.INTAKE, assigneeRole: 'REVIEWER', workingDays: policy.intakeWorkingDays, onOverdue: 'escalate' }, until('FILED'));
  if (status() === ComplaintStatus.UNDER_VERIFICATION) {
    await runtime.runStep(
      { step: ComplaintStep.VERIFICATION, assigneeRole: 'REVIEWER', workingDays: policy.verificationWorkingDays, onOverdue: 'escalate' },
      until('UNDER_VERIFICATION'),
    );
  }
  if (status() === ComplaintStatus.AWAITING_REPLY) {
    await runtime.runStep({ step: ComplaintStep.REPLY, assigneeRole: 'REVIEWER', workingDays: policy.replyWorkingDays, onOverdue: 'escalate' }, until('AWAITING_REPLY'));
  }

  await runtime.finish();
  return { status: state.status, finding: state.finding };
}
