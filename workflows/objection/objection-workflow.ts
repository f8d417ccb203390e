import {
  allHandlersFinished,
  condition,
  proxyActivities,
  setHandler,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import type { Activities } from '../../activities/index.js';
import type { ObjectionReadModelPatch, RecordEffect } from '../../activities/objection-transition.js';
import type { Deadline } from '../../domain/calendar/deadline.js';
import {
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
import { StepClaims } from '../shared/step-claims.js';
import {
  AssigneeRoleKey,
  CaseDueAtKey,
  CaseStatusKey,
  CaseTypeKey,
  EscalatedKey,
  RecordIdKey,
  SubjectIdKey,
} from '../shared/search-attributes.js';
import {
  acceptObjectionUpdate,
  declineObjectionUpdate,
  decideObjectionUpdate,
  decideSecondReviewUpdate,
  extendVerificationUpdate,
  OBJECTION_CASE_TYPE,
  objectionStateQuery,
  recomputeDeadlinesSignal,
  requestSecondReviewUpdate,
  withdrawObjectionUpdate,
  type ObjectionResult,
  type ObjectionState,
  type ObjectionWorkflowInput,
} from './objection-contract.js';
import { reject, requireApplicant, requireStaff, requireStatus, requireText } from './objection-validators.js';
import { STANDARD_ACTIVITY_OPTIONS } from '../shared/activity-options.js';

const { computeStepDeadline, recordObjectionTransition } = proxyActivities<Activities>(STANDARD_ACTIVITY_OPTIONS);

const STAFF: readonly Role[] = ['REVIEWER', 'SUPERVISOR'];
const OPEN_FOR_WITHDRAWAL: readonly ObjectionStatus[] = ['FILED', 'UNDER_VERIFICATION', 'UNDER_SECOND_REVIEW'];
const CLOSED: readonly ObjectionStatus[] = ['NOT_ACCEPTED', 'WITHDRAWN', 'DECIDED'];

interface TransitionDetails {
  reason?: string | null | undefined;
  data?: Record<string, unknown>;
  recordEffect?: RecordEffect;
}

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
  let activeStep: HumanStep<ObjectionStep> | null = null;
  const claims = new StepClaims({
    authorityId: input.authorityId,
    currentStep: () => state.step,
    excludedActorIds: () => [input.applicantId],
    holder: state,
  });
  let sequence = 0;
  // Writes go through one chain so the read model sees transitions in the order the workflow made them.
  let writes: Promise<unknown> = Promise.resolve();
  // Counts how often the main loop settled into waiting; an action returns once the next step is open.
  let settledCount = 0;
  let finished = false;

  const eventKeyPrefix = `${workflowInfo().workflowId}/${workflowInfo().firstExecutionRunId}`;

  function readModel(): ObjectionReadModelPatch {
    const step = activeStep?.state ?? null;
    const deadline: Deadline | null = step?.deadline ?? null;
    return {
      status: state.status,
      outcome: state.outcome,
      decidedById: state.decidedById,
      currentStep: step?.step ?? null,
      assigneeRole: step ? (step.escalated && step.assigneeRole !== 'APPLICANT' ? 'SUPERVISOR' : step.assigneeRole) : null,
      dueAt: deadline?.dueAt ?? null,
      dueProvisional: deadline?.provisional ?? false,
      calendarVersion: deadline?.calendarVersion ?? null,
      escalated: step?.escalated ?? false,
      extendedWorkingDays: state.extendedWorkingDays,
      claimedById: state.claimedById,
      ...(CLOSED.includes(state.status) ? { closedAt: new Date().toISOString() } : {}),
    };
  }

  function syncSearchAttributes(patch: ObjectionReadModelPatch): void {
    upsertSearchAttributes([
      { key: CaseTypeKey, value: OBJECTION_CASE_TYPE },
      { key: SubjectIdKey, value: input.subjectId },
      { key: RecordIdKey, value: input.recordId },
      { key: CaseStatusKey, value: state.status },
      { key: AssigneeRoleKey, value: patch.assigneeRole ?? null },
      { key: CaseDueAtKey, value: patch.dueAt ? new Date(patch.dueAt) : null },
      { key: EscalatedKey, value: patch.escalated ?? false },
      ...claims.searchAttributes(),
    ]);
  }

  /** Records a transition made just now (state already changed); resolves when it is in the database. */
  function transition(type: ObjectionEventType | ClaimEventType, actor: Actor, details: TransitionDetails = {}): Promise<void> {
    const patch = { ...readModel(), ...(type === 'DECIDED' || type === 'SECOND_REVIEW_DECIDED' ? { decisionReasons: details.reason ?? null } : {}) };
    syncSearchAttributes(patch);
    const event = {
      eventKey: `${eventKeyPrefix}/${++sequence}`,
      caseId: input.caseId,
      caseType: OBJECTION_CASE_TYPE,
      type,
      actorId: actor.id,
      actorRole: actor.role,
      reason: details.reason ?? null,
      data: details.data ?? null,
      occurredAt: new Date().toISOString(),
    };
    const write = writes.then(() => recordObjectionTransition({ event, readModel: patch, recordEffect: details.recordEffect }));
    writes = write;
    return write.then(() => undefined);
  }

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
        secondsPerWorkingDay: policy.secondsPerWorkingDay,
        onOverdue,
      },
      stepHooks,
    );
    claims.clear();
    activeStep = humanStep;
    state.step = humanStep.state;
    const result = await humanStep.run(isDone);
    return result;
  }

  /** Ends the current step as a person's action closes it. */
  function closeStep(): void {
    activeStep = null;
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
  setHandler(recomputeDeadlinesSignal, () => activeStep?.recomputeIfProvisional());

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
      activeStep?.extend(workingDays);
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
  await writes;
  return { status: state.status, outcome: state.outcome };
}
