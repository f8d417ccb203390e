import { allHandlersFinished, condition, setHandler } from '@temporalio/workflow';
import { EscalationLevel, RectificationEventType } from '../../domain/rectification/rectification-types.js';
import type { Role } from '../../domain/roles.js';
import { SYSTEM_ACTOR } from '../shared/case-event.js';
import { FailureType } from '../shared/failure-types.js';
import { HumanStep } from '../shared/human-step.js';
import { StepClaims } from '../shared/step-claims.js';
import { reject, requireIntegerIn, requireText } from '../shared/validators.js';
import {
  cancelRectificationSignal,
  CLOSED_RECTIFICATION_STATUSES,
  extendRectificationUpdate,
  recomputeRectificationDeadlinesSignal,
  RectificationCaseStatus,
  rectificationStateQuery,
  RectificationStep,
  rectificationWorkflowId,
  reviewRectificationUpdate,
  submitCompletionUpdate,
  submitExplanationUpdate,
  submitProgressUpdate,
  type RectificationResult,
  type RectificationState,
  type RectificationWorkflowInput,
} from './rectification-contract.js';
import { RectificationRecorder } from './rectification-recorder.js';
import { rectificationStepHooks } from './rectification-step-hooks.js';
import { requireAuthorityStaff, requireBody, requireEvidence, requireStatus } from './rectification-validators.js';

const STAFF: readonly Role[] = ['REVIEWER', 'SUPERVISOR'];
const MAX_RETURN_WORKING_DAYS = 250;
const MAX_EXTENSION_WORKING_DAYS = 120;

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
  const claims = new StepClaims({
    authorityId: input.authorityId,
    currentStep: () => state.step,
    excludedActorIds: () => bodyActorIds,
    holder: state,
  });
  const recorder = new RectificationRecorder(input, state, claims);
  let activeStep: HumanStep<RectificationStep> | null = null;
  let rectificationWorkingDays = policy.rectificationWorkingDays;
  // Counts how often the main loop settled into waiting; an action returns once the next step is open.
  let settledCount = 0;
  let finished = false;
  const stepHooks = rectificationStepHooks(state, recorder, () => {
    settledCount++;
  });

  /** Lets an update return the case as it stands after the workflow reacted (next step open, or closed). */
  async function settledAfter(mark: number): Promise<RectificationState> {
    await condition(() => settledCount > mark || finished);
    return state;
  }

  function noteBodyActor(actorId: string): void {
    if (!bodyActorIds.includes(actorId)) bodyActorIds.push(actorId);
  }

  function closeStep(): void {
    activeStep = null;
    state.step = null;
    claims.clear();
  }

  /** Reminders at each configured distance before the deadline that falls inside the step, earliest first. */
  function remindersFor(workingDays: number): number[] {
    return [...new Set(policy.reminderWorkingDaysBefore)].filter((days) => days < workingDays).sort((a, b) => b - a);
  }

  async function runStep(step: RectificationStep, workingDays: number, openedAt: string, isDone: () => boolean): Promise<void> {
    if (isDone()) return;
    const assigneeRole: Role = step === RectificationStep.REVIEW ? 'REVIEWER' : 'APPLICANT';
    const [firstReminder = 0, ...moreReminders] = remindersFor(workingDays);
    const humanStep = new HumanStep<RectificationStep>(
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
      stepHooks,
    );
    claims.clear();
    activeStep = humanStep;
    state.step = humanStep.state;
    await humanStep.run(isDone);
  }

  setHandler(rectificationStateQuery, () => state);
  // Claims on the review step (claimStep, releaseStep, reassignStep): written like every other transition.
  claims.register((type, actor, { reason, data }) => recorder.record(type, actor, { reason, data }));
  setHandler(recomputeRectificationDeadlinesSignal, (notice) => activeStep?.recomputeAfterCalendarChange(notice));

  setHandler(cancelRectificationSignal, ({ cause }) => {
    if (CLOSED_RECTIFICATION_STATUSES.includes(state.status)) return;
    state.status = RectificationCaseStatus.CANCELLED;
    closeStep();
    void recorder.record(RectificationEventType.CANCELLED, SYSTEM_ACTOR, { reason: cause, data: { cause }, recordStatus: 'CANCELLED' });
  });

  setHandler(
    submitExplanationUpdate,
    async ({ actor, explanation, plan }) => {
      const mark = settledCount;
      state.status = RectificationCaseStatus.RECTIFYING;
      noteBodyActor(actor.id);
      closeStep();
      await recorder.record(RectificationEventType.EXPLANATION_SUBMITTED, actor, { readModel: { explanation, plan }, recordStatus: 'PENDING' });
      return settledAfter(mark);
    },
    {
      validator: ({ actor, explanation, plan }) => {
        requireStatus(state.status, ['EXPLANATION_DUE'], 'submit the explanation');
        requireBody(input, actor, 'submit the explanation');
        requireText(explanation, 'explanation');
        requireText(plan, 'plan');
      },
    },
  );

  setHandler(
    submitProgressUpdate,
    async ({ actor, note, evidence }) => {
      noteBodyActor(actor.id);
      await recorder.record(RectificationEventType.PROGRESS_REPORTED, actor, { data: { note, evidence: evidence ?? [] } });
      return state;
    },
    {
      validator: ({ actor, note, evidence }) => {
        requireStatus(state.status, ['RECTIFYING'], 'report progress');
        requireBody(input, actor, 'report progress');
        requireText(note, 'note');
        requireEvidence(evidence, false);
      },
    },
  );

  setHandler(
    submitCompletionUpdate,
    async ({ actor, summary, evidence }) => {
      const mark = settledCount;
      state.status = RectificationCaseStatus.UNDER_REVIEW;
      noteBodyActor(actor.id);
      closeStep();
      await recorder.record(RectificationEventType.COMPLETION_SUBMITTED, actor, { data: { summary, evidence }, recordStatus: 'PENDING' });
      return settledAfter(mark);
    },
    {
      validator: ({ actor, summary, evidence }) => {
        requireStatus(state.status, ['RECTIFYING'], 'submit the completion');
        requireBody(input, actor, 'submit the completion');
        requireText(summary, 'summary');
        requireEvidence(evidence, true);
      },
    },
  );

  setHandler(
    reviewRectificationUpdate,
    async ({ actor, accept, reasons, newDeadlineWorkingDays }) => {
      const mark = settledCount;
      closeStep();
      if (accept) {
        state.status = RectificationCaseStatus.RECTIFIED;
        await recorder.record(RectificationEventType.RECTIFIED, actor, { reason: reasons, recordStatus: 'RECTIFIED' });
      } else {
        state.status = RectificationCaseStatus.RECTIFYING;
        state.returnedCount++;
        rectificationWorkingDays = newDeadlineWorkingDays ?? policy.rectificationWorkingDays;
        await recorder.record(RectificationEventType.RETURNED, actor, {
          reason: reasons,
          data: { newDeadlineWorkingDays: rectificationWorkingDays, returnedCount: state.returnedCount },
          recordStatus: 'PENDING',
        });
      }
      return settledAfter(mark);
    },
    {
      validator: ({ actor, accept, reasons, newDeadlineWorkingDays }) => {
        requireStatus(state.status, ['UNDER_REVIEW'], 'review the rectification');
        requireAuthorityStaff(input, actor, STAFF, 'review the rectification', bodyActorIds);
        claims.requireClaimerOrSupervisor(actor, 'review the rectification');
        requireText(reasons, 'reasons');
        if (accept && newDeadlineWorkingDays !== undefined) {
          reject(FailureType.VALIDATION, 'newDeadlineWorkingDays is only allowed when the rectification is returned');
        }
        if (!accept) requireIntegerIn(newDeadlineWorkingDays, 1, MAX_RETURN_WORKING_DAYS, 'newDeadlineWorkingDays');
      },
    },
  );

  setHandler(
    extendRectificationUpdate,
    async ({ actor, workingDays, reason }) => {
      // Right after an explanation or a return the new period may still be being set up.
      await condition(() => activeStep?.state.step === RectificationStep.RECTIFICATION || state.status !== 'RECTIFYING');
      if (state.status !== 'RECTIFYING') return state;
      const mark = settledCount;
      activeStep?.extend(workingDays);
      await recorder.record(RectificationEventType.DEADLINE_EXTENDED, actor, {
        reason,
        data: { workingDays, totalWorkingDays: activeStep?.state.workingDays, approvedById: actor.id },
      });
      return settledAfter(mark);
    },
    {
      validator: ({ actor, workingDays, reason }) => {
        requireStatus(state.status, ['RECTIFYING'], 'extend the rectification deadline');
        requireAuthorityStaff(input, actor, ['SUPERVISOR'], 'approve an extension', bodyActorIds);
        requireText(reason, 'reason');
        requireIntegerIn(workingDays, 1, MAX_EXTENSION_WORKING_DAYS, 'workingDays');
      },
    },
  );

  await recorder.record(RectificationEventType.OPENED, SYSTEM_ACTOR, {
    opening: {
      workflowId: rectificationWorkflowId(input.recordId),
      recordId: input.recordId,
      subjectId: input.subjectId,
      policy: input.policy,
      openedAt: input.openedAt,
    },
    recordStatus: 'PENDING',
    data: { authorityId: input.authorityId, policy: { id: input.policy.id, version: input.policy.version } },
  });

  await runStep(RectificationStep.EXPLANATION, policy.explanationWorkingDays, input.openedAt, () => state.status !== 'EXPLANATION_DUE');
  while (!CLOSED_RECTIFICATION_STATUSES.includes(state.status)) {
    const now = new Date().toISOString();
    if (state.status === RectificationCaseStatus.RECTIFYING) {
      await runStep(RectificationStep.RECTIFICATION, rectificationWorkingDays, now, () => state.status !== 'RECTIFYING');
    } else if (state.status === RectificationCaseStatus.UNDER_REVIEW) {
      await runStep(RectificationStep.REVIEW, policy.reviewWorkingDays, now, () => state.status !== 'UNDER_REVIEW');
    }
  }

  finished = true;
  await condition(allHandlersFinished);
  await recorder.drained();
  return { status: state.status === 'RECTIFIED' ? 'RECTIFIED' : 'CANCELLED' };
}
