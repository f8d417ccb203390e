import { setHandler } from '@temporalio/workflow';
import { EscalationLevel, RectificationEventType } from '../../domain/rectification/rectification-types.js';
import type { Role } from '../../domain/roles.js';
import { SYSTEM_ACTOR } from '../shared/case-event.js';
import { CaseRuntime } from '../shared/case-runtime.js';
import {
  CLOSED_RECTIFICATION_STATUSES,
  RECTIFICATION_CASE_TYPE,
  RectificationCaseStatus,
  rectificationStateQuery,
  RectificationStep,
  rectificationWorkflowId,
  type RectificationResult,
  type RectificationState,
  type RectificationWorkflowInput,
} from './rectification-contract.js';
import { registerRectificationActions, type RectificationCase } from './rectification-actions.js';
import { escalateBodyStep, isBodyStep } from './rectification-escalation.js';
import { storeRectificationTransition, type RectificationTransitionDetails } from './rectification-projection.js';

/**
 * 限期整改 of a government body's record, started by the record's lifecycle workflow: the body explains the cause
 * and its plan, rectifies by the deadline (reporting progress), and the authority reviews the completion (accept,
 * or return with a new deadline). Missed deadlines escalate (督办, then 通报批评 and 问责) without closing the case.
 * Every state change is written, with its audit event and the record's rectificationStatus, by one activity.
 */
export async function rectificationWorkflow(input: RectificationWorkflowInput): Promise<RectificationResult> {
  const policy = input.policy.params;
  const state: RectificationState = {
    rectificationId: input.rectificationId,
    status: RectificationCaseStatus.EXPLANATION_DUE,
    step: null,
    escalationLevel: EscalationLevel.NONE,
    returnedCount: 0,
    claimedById: null,
  };
  // People who acted for the body; none of them may review its rectification.
  const bodyActorIds: string[] = [];
  const runtime: RectificationCase['runtime'] = new CaseRuntime<RectificationState, RectificationTransitionDetails>({
    ...input,
    caseId: input.rectificationId,
    caseType: RECTIFICATION_CASE_TYPE,
    state,
    closedStatuses: CLOSED_RECTIFICATION_STATUSES,
    excludedActorIds: () => bodyActorIds,
    reminderWorkingDaysBefore: 0,
    store: storeRectificationTransition(state),
    escalated: () => state.escalationLevel !== EscalationLevel.NONE,
    overdue: (step, level, escalate) => (isBodyStep(step) ? escalateBodyStep(runtime, step, level) : escalate()),
    // A deadline moved into the future makes the body no longer overdue.
    rescheduled: (step) => ({ recordStatus: isBodyStep(step) ? (step.escalated ? 'OVERDUE' : 'PENDING') : undefined }),
  });
  const kase: RectificationCase = { input, policy, state, runtime, bodyActorIds, rectificationWorkingDays: policy.rectificationWorkingDays };
  setHandler(rectificationStateQuery, () => state);
  registerRectificationActions(kase);

  /** Reminders at each configured distance before the deadline that falls inside the step, earliest first. */
  function remindersFor(workingDays: number): number[] {
    return [...new Set(policy.reminderWorkingDaysBefore)].filter((days) => days < workingDays).sort((a, b) => b - a);
  }

  async function runStep(step: RectificationStep, workingDays: number, openedAt: string, status: RectificationCaseStatus): Promise<void> {
    if (state.status !== status) return;
    const assigneeRole: Role = step === RectificationStep.REVIEW ? 'REVIEWER' : 'APPLICANT';
    const [firstReminder = 0, ...moreReminders] = remindersFor(workingDays);
    await runtime.runStep(
      {
        step,
        assigneeRole,
        openedAt,
        workingDays,
        reminderWorkingDaysBefore: firstReminder,
        extraReminderWorkingDaysBefore: moreReminders,
        followUpWorkingDaysAfter: assigneeRole === 'APPLICANT' ? [policy.criticismAfterWorkingDays] : undefined,
        onOverdue: 'escalate',
      },
      () => state.status !== status,
    );
  }

  await runtime.record(RectificationEventType.OPENED, SYSTEM_ACTOR, {
    opening: { workflowId: rectificationWorkflowId(input.recordId), recordId: input.recordId, subjectId: input.subjectId, policy: input.policy, openedAt: input.openedAt },
    recordStatus: 'PENDING',
    data: { authorityId: input.authorityId, policy: { id: input.policy.id, version: input.policy.version } },
  });

  await runStep(RectificationStep.EXPLANATION, policy.explanationWorkingDays, input.openedAt, RectificationCaseStatus.EXPLANATION_DUE);
  while (!runtime.isClosed()) {
    const now = new Date().toISOString();
    if (state.status === RectificationCaseStatus.RECTIFYING) {
      await runStep(RectificationStep.RECTIFICATION, kase.rectificationWorkingDays, now, RectificationCaseStatus.RECTIFYING);
    } else if (state.status === RectificationCaseStatus.UNDER_REVIEW) {
      await runStep(RectificationStep.REVIEW, policy.reviewWorkingDays, now, RectificationCaseStatus.UNDER_REVIEW);
    }
  }

  await runtime.finish();
  return { status: state.status === 'RECTIFIED' ? 'RECTIFIED' : 'CANCELLED' };
}
