import { allHandlersFinished, condition, proxyActivities, setHandler } from '@temporalio/workflow';
import type { Activities } from '../../activities/index.js';
import {
  CLOSED_OBJECTION_STATUSES,
  ObjectionEventType,
  ObjectionStatus,
  ObjectionStep,
  type FactChanges,
  type ObjectionOutcome,
} from '../../domain/objection/objection-types.js';
import type { Actor, Role } from '../../domain/roles.js';
import { SYSTEM_ACTOR } from '../shared/case-event.js';
import type { ClaimEventType } from '../shared/claim-contract.js';
import { FailureType } from '../shared/failure-types.js';
import { HumanStep, type HumanStepHooks } from '../shared/human-step.js';
import { recordEndedSignal } from '../shared/record-ended.js';
import { StepClaims } from '../shared/step-claims.js';
import {
  acceptObjectionUpdate,
  declineObjectionUpdate,
  decideObjectionUpdate,
  decideSecondReviewUpdate,
  extendVerificationUpdate,
  objectionStateQuery,
  recomputeDeadlinesSignal,
  requestSecondReviewUpdate,
  withdrawObjectionUpdate,
  type ObjectionResult,
  type ObjectionState,
  type ObjectionWorkflowInput,
} from './objection-contract.js';
import { ObjectionRecorder, type ObjectionTransitionDetails } from './objection-recorder.js';
import { reject, requireApplicant, requireStaff, requireStatus, requireText } from './objection-validators.js';
import { STANDARD_ACTIVITY_OPTIONS } from '../shared/activity-options.js';

const { computeStepDeadline } = proxyActivities<Activities>(STANDARD_ACTIVITY_OPTIONS);

const STAFF: readonly Role[] = ['REVIEWER', 'SUPERVISOR'];
const OPEN_FOR_WITHDRAWAL: readonly ObjectionStatus[] = ['FILED', 'UNDER_VERIFICATION', 'UNDER_SECOND_REVIEW'];


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
  const claims = new StepClaims({
    authorityId: input.authorityId,
    currentStep: () => state.step,
    excludedActorIds: () => [input.applicantId],
    holder: state,
  });
  // Counts how often the main loop settled into waiting; an action returns once the next step is open.
  let settledCount = 0;
  let finished = false;

  const recorder = new ObjectionRecorder(input, state, claims);
  const transition = (type: ObjectionEventType | ClaimEventType, actor: Actor, details?: ObjectionTransitionDetails) =>
    recorder.record(type, actor, details);

  const stepHooks: HumanStepHooks<ObjectionStep> = {
    computeDeadline: (request) => computeStepDeadline(request),
    opened: (step) =>
      transition(ObjectionEventType.STEP_OPENED, SYSTEM_ACTOR, {
        data: { step: step.step, assigneeRole: step.assigneeRole, workingDays: step.workingDays, deadline: step.deadline },
      }),
    reminded: (step) =>
      transition(ObjectionEventType.REMINDER_SENT, SYSTEM_ACTOR, {
        data: { step: step.step, assigneeRole: step.assigneeRole, dueAt: step.deadline?.dueAt },
      }),
    overdue: async (step) => {
      if (step.assigneeRole === 'APPLICANT') return; // an applicant's window lapses; the workflow closes it
      await transition(ObjectionEventType.ESCALATED, SYSTEM_ACTOR, {
        data: { step: step.step, escalatedTo: 'SUPERVISOR', dueAt: step.deadline?.dueAt },
      });
    },
    rescheduled: (step, previous) =>
      transition(ObjectionEventType.DEADLINE_RECOMPUTED, SYSTEM_ACTOR, {
        data: { step: step.step, previous, deadline: step.deadline },
      }),
    waiting: () => {
      settledCount++;
    },
  };

  /** Lets an update return the case as it stands after the workflow reacted (next step open, or closed). */
  async function settledAfter(mark: number): Promise<ObjectionState> {
    await condition(() => settledCount > mark || finished);
    return state;
  }

  async function runStep(
    step: ObjectionStep,
    assigneeRole: Role,
    workingDays: number,
    onOverdue: 'escalate' | 'lapse',
    isDone: () => boolean,
  ): Promise<'done' | 'lapsed'> {
    const humanStep = new HumanStep<ObjectionStep>(
      {
        step,
        assigneeRole,
        openedAt: new Date().toISOString(),
        workingDays,
        reminderWorkingDaysBefore: policy.reminderWorkingDaysBefore,
        onOverdue,
      },
      stepHooks,
    );
    claims.clear();
    recorder.activeStep = humanStep;
    state.step = humanStep.state;
    const result = await humanStep.run(isDone);
    return result;
  }

  /** Ends the current step as a person's action closes it. */
  function closeStep(): void {
    recorder.activeStep = null;
    state.step = null;
    claims.clear();
  }

  function decide(actor: Actor, outcome: ObjectionOutcome, reasons: string, changes: FactChanges | undefined, type: ObjectionEventType) {
    const reviewable = outcome === 'REJECT' && policy.secondReviewAllowed && !state.secondReviewRequested;
    state.status = reviewable ? ObjectionStatus.REJECTED_REVIEWABLE : ObjectionStatus.DECIDED;
    state.outcome = outcome;
    state.decidedById = actor.id;
    closeStep();
    return transition(type, actor, {
      reason: reasons,
      data: { outcome, changes: changes ?? null, secondReviewAvailable: reviewable },
      recordEffect: { kind: 'APPLY_OUTCOME', outcome, reasons, changes },
    });
  }

  function requireOutcomeChanges(outcome: ObjectionOutcome, changes: FactChanges | undefined): void {
    const needsChanges = outcome === 'CORRECT' || outcome === 'SUPPLEMENT';
    const hasChanges = changes !== undefined && Object.keys(changes).length > 0;
    if (needsChanges && !hasChanges) reject(FailureType.VALIDATION, `changes are required for outcome ${outcome}`);
    if (!needsChanges && hasChanges) reject(FailureType.VALIDATION, `changes are only allowed for CORRECT or SUPPLEMENT`);
  }

  setHandler(objectionStateQuery, () => state);
  // Claims on the current step (claimStep, releaseStep, reassignStep): written like every other transition.
  claims.register((type, actor, { reason, data }) => transition(type, actor, { reason, data }));
  setHandler(recomputeDeadlinesSignal, (notice) => recorder.activeStep?.recomputeAfterCalendarChange(notice));
  // The record was revoked (or deleted by another case): there is nothing left to object to; the case ends, saying why.
  setHandler(recordEndedSignal, async ({ cause, caseId, reason }) => {
    if (CLOSED_OBJECTION_STATUSES.includes(state.status)) return;
    const marked = state.status !== ObjectionStatus.FILED;
    state.status = ObjectionStatus.RECORD_ENDED;
    closeStep();
    await transition(ObjectionEventType.CLOSED_RECORD_ENDED, SYSTEM_ACTOR, {
      reason: reason ?? `record ${cause.toLowerCase()} by ${caseId}`,
      data: { cause, caseId },
      ...(marked ? { recordEffect: { kind: 'UNMARK' } as const } : {}),
    });
  });

  setHandler(
    acceptObjectionUpdate,
    async ({ actor, note }) => {
      const mark = settledCount;
      state.status = ObjectionStatus.UNDER_VERIFICATION;
      state.acceptedById = actor.id;
      closeStep();
      await transition(ObjectionEventType.ACCEPTED, actor, { reason: note ?? null, recordEffect: { kind: 'MARK' } });
      return settledAfter(mark);
    },
    {
      validator: ({ actor }) => {
        requireStatus(state.status, ['FILED'], 'accept the objection');
        requireStaff(input, actor, STAFF, 'accept the objection');
        claims.requireClaimerOrSupervisor(actor, 'accept the objection');
      },
    },
  );

  setHandler(
    declineObjectionUpdate,
    async ({ actor, reason }) => {
      const mark = settledCount;
      state.status = ObjectionStatus.NOT_ACCEPTED;
      state.decidedById = actor.id;
      closeStep();
      await transition(ObjectionEventType.NOT_ACCEPTED, actor, { reason });
      return settledAfter(mark);
    },
    {
      validator: ({ actor, reason }) => {
        requireStatus(state.status, ['FILED'], 'decline the objection');
        requireStaff(input, actor, STAFF, 'decline the objection');
        claims.requireClaimerOrSupervisor(actor, 'decline the objection');
        requireText(reason, 'reason');
      },
    },
  );

  setHandler(
    decideObjectionUpdate,
    async ({ actor, outcome, reasons, changes }) => {
      const mark = settledCount;
      await decide(actor, outcome, reasons, changes, ObjectionEventType.DECIDED);
      return settledAfter(mark);
    },
    {
      validator: ({ actor, outcome, reasons, changes }) => {
        requireStatus(state.status, ['UNDER_VERIFICATION'], 'decide the objection');
        requireStaff(input, actor, STAFF, 'decide the objection');
        claims.requireClaimerOrSupervisor(actor, 'decide the objection');
        requireText(reasons, 'reasons');
        requireOutcomeChanges(outcome, changes);
      },
    },
  );

  setHandler(
    extendVerificationUpdate,
    async ({ actor, workingDays, reason }) => {
      const mark = settledCount;
      state.extendedWorkingDays += workingDays;
      recorder.activeStep?.extend(workingDays);
      await transition(ObjectionEventType.DEADLINE_EXTENDED, actor, {
        reason,
        data: { workingDays, totalWorkingDays: policy.verifyWorkingDays + state.extendedWorkingDays },
      });
      return settledAfter(mark);
    },
    {
      validator: ({ actor, workingDays, reason }) => {
        requireStatus(state.status, ['UNDER_VERIFICATION'], 'extend verification');
        requireStaff(input, actor, ['SUPERVISOR'], 'approve an extension');
        requireText(reason, 'reason');
        if (!Number.isInteger(workingDays) || workingDays < 1) reject(FailureType.VALIDATION, 'workingDays must be a positive integer');
        const total = policy.verifyWorkingDays + state.extendedWorkingDays + workingDays;
        if (total > policy.verifyMaxTotalWorkingDays) {
          reject(
            FailureType.VALIDATION,
            `Verification may last at most ${policy.verifyMaxTotalWorkingDays} working days in total; this extension would make it ${total}`,
          );
        }
      },
    },
  );

  setHandler(
    requestSecondReviewUpdate,
    async ({ actor, reason }) => {
      const mark = settledCount;
      state.status = ObjectionStatus.UNDER_SECOND_REVIEW;
      state.secondReviewRequested = true;
      closeStep();
      await transition(ObjectionEventType.SECOND_REVIEW_REQUESTED, actor, { reason, recordEffect: { kind: 'MARK' } });
      return settledAfter(mark);
    },
    {
      validator: ({ actor, reason }) => {
        requireStatus(state.status, ['REJECTED_REVIEWABLE'], 'request a second review');
        requireApplicant(input, actor, 'request a second review');
        requireText(reason, 'reason');
      },
    },
  );

  setHandler(
    decideSecondReviewUpdate,
    async ({ actor, upholdRejection, outcome, reasons, changes }) => {
      const mark = settledCount;
      await decide(actor, upholdRejection ? 'REJECT' : (outcome ?? 'REJECT'), reasons, changes, ObjectionEventType.SECOND_REVIEW_DECIDED);
      return settledAfter(mark);
    },
    {
      validator: ({ actor, upholdRejection, outcome, reasons, changes }) => {
        requireStatus(state.status, ['UNDER_SECOND_REVIEW'], 'decide the second review');
        requireStaff(input, actor, ['SUPERVISOR'], 'decide a second review');
        if (actor.id === state.decidedById) reject(FailureType.FORBIDDEN, 'The second review must be decided by someone other than the first decider');
        requireText(reasons, 'reasons');
        if (upholdRejection) {
          if (outcome !== undefined && outcome !== 'REJECT') reject(FailureType.VALIDATION, 'An upheld rejection takes no other outcome');
          requireOutcomeChanges('REJECT', changes);
        } else {
          if (!outcome || outcome === 'REJECT') reject(FailureType.VALIDATION, 'outcome (other than REJECT) is required when the rejection is overturned');
          requireOutcomeChanges(outcome, changes);
        }
      },
    },
  );

  setHandler(
    withdrawObjectionUpdate,
    async ({ actor, reason }) => {
      const mark = settledCount;
      const marked = state.status !== ObjectionStatus.FILED;
      state.status = ObjectionStatus.WITHDRAWN;
      closeStep();
      await transition(ObjectionEventType.WITHDRAWN, actor, {
        reason: reason ?? null,
        ...(marked ? { recordEffect: { kind: 'UNMARK' } as const } : {}),
      });
      return settledAfter(mark);
    },
    {
      validator: ({ actor }) => {
        requireStatus(state.status, OPEN_FOR_WITHDRAWAL, 'withdraw the objection');
        requireApplicant(input, actor, 'withdraw the objection');
      },
    },
  );

  await runStep(ObjectionStep.ACCEPTANCE, 'REVIEWER', policy.acceptWorkingDays, 'escalate', () => state.status !== 'FILED');

  if (state.status === ObjectionStatus.UNDER_VERIFICATION) {
    await runStep(ObjectionStep.VERIFICATION, 'REVIEWER', policy.verifyWorkingDays, 'escalate', () => state.status !== 'UNDER_VERIFICATION');
  }

  if (state.status === ObjectionStatus.REJECTED_REVIEWABLE) {
    const window = await runStep(
      ObjectionStep.SECOND_REVIEW_REQUEST,
      'APPLICANT',
      policy.secondReviewRequestWorkingDays,
      'lapse',
      () => state.status !== 'REJECTED_REVIEWABLE',
    );
    if (window === 'lapsed') {
      state.status = ObjectionStatus.DECIDED;
      closeStep();
      await transition(ObjectionEventType.SECOND_REVIEW_WINDOW_CLOSED, SYSTEM_ACTOR);
    }
  }

  if (state.status === ObjectionStatus.UNDER_SECOND_REVIEW) {
    await runStep(ObjectionStep.SECOND_REVIEW, 'SUPERVISOR', policy.secondReviewWorkingDays, 'escalate', () => state.status !== 'UNDER_SECOND_REVIEW');
  }

  finished = true;
  await condition(allHandlersFinished);
  await recorder.drained();
  return { status: state.status, outcome: state.outcome };
}
