import { setHandler } from '@temporalio/workflow';
import { CLOSED_OBJECTION_STATUSES, ObjectionEventType, ObjectionStatus, ObjectionStep } from '../../domain/objection/objection-types.js';
import type { Role } from '../../domain/roles.js';
import { SYSTEM_ACTOR } from '../shared/case-event.js';
import { CaseRuntime } from '../shared/case-runtime.js';
import { OBJECTION_CASE_TYPE, objectionStateQuery, type ObjectionResult, type ObjectionState, type ObjectionWorkflowInput } from './objection-contract.js';
import { registerObjectionActions } from './objection-actions.js';
import { storeObjectionTransition, type ObjectionTransitionDetails } from './objection-projection.js';

/**
 * 异议 process: acceptance → verification by the issuing authority (record marked 异议标注) → decision,
 * optionally one second review (复核) after a rejection. Every human step has a working-day deadline,
 * a reminder and an escalation; every state change is written, with its audit event, by an activity.
 */
export async function objectionWorkflow(input: ObjectionWorkflowInput): Promise<ObjectionResult> {
  const policy = input.policy.params;
  const state: ObjectionState = {
    caseId: input.caseId,
    status: ObjectionStatus.FILED,
    outcome: null,
    step: null,
    acceptedById: null,
    decidedById: null,
    extendedWorkingDays: 0,
    secondReviewRequested: false,
    policyId: input.policy.id,
    claimedById: null,
  };
  const runtime = new CaseRuntime<ObjectionState, ObjectionTransitionDetails>({
    ...input,
    caseType: OBJECTION_CASE_TYPE,
    state,
    closedStatuses: CLOSED_OBJECTION_STATUSES,
    excludedActorIds: () => [input.applicantId],
    reminderWorkingDaysBefore: policy.reminderWorkingDaysBefore,
    store: storeObjectionTransition(input, state),
  });
  setHandler(objectionStateQuery, () => state);
  registerObjectionActions({ input, state, runtime });

  const staffStep = (step: ObjectionStep, assigneeRole: Role, workingDays: number, status: ObjectionStatus) =>
    runtime.runStep({ step, assigneeRole, workingDays, onOverdue: 'escalate' }, () => state.status !== status);

  await staffStep(ObjectionStep.ACCEPTANCE, 'REVIEWER', policy.acceptWorkingDays, ObjectionStatus.FILED);
  if (state.status === ObjectionStatus.UNDER_VERIFICATION) {
    await staffStep(ObjectionStep.VERIFICATION, 'REVIEWER', policy.verifyWorkingDays, ObjectionStatus.UNDER_VERIFICATION);
  }
  if (state.status === ObjectionStatus.REJECTED_REVIEWABLE) {
    const window = await runtime.runStep(
      { step: ObjectionStep.SECOND_REVIEW_REQUEST, assigneeRole: 'APPLICANT', workingDays: policy.secondReviewRequestWorkingDays, onOverdue: 'lapse' },
      () => state.status !== ObjectionStatus.REJECTED_REVIEWABLE,
    );
    if (window === 'lapsed') {
      runtime.moveTo(ObjectionStatus.DECIDED);
      await runtime.record(ObjectionEventType.SECOND_REVIEW_WINDOW_CLOSED, SYSTEM_ACTOR);
    }
  }
  if (state.status === ObjectionStatus.UNDER_SECOND_REVIEW) {
    await staffStep(ObjectionStep.SECOND_REVIEW, 'SUPERVISOR', policy.secondReviewWorkingDays, ObjectionStatus.UNDER_SECOND_REVIEW);
  }

  await runtime.finish();
  return { status: state.status, outcome: state.outcome };
}
