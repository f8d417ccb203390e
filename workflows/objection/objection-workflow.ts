import { condition, setHandler } from '@temporalio/workflow';
import { CLOSED_OBJECTION_STATUSES, ObjectionEventType, ObjectionStatus, ObjectionStep } from '../../domain/objection/objection-types.js';
import type { Role } from '../../domain/roles.js';
import { SYSTEM_ACTOR } from '../shared/case-event.js';
import { CaseRuntime } from '../shared/case-runtime.js';
import { OBJECTION_CASE_TYPE, objectionStateQuery, type ObjectionResult, type ObjectionState, type ObjectionWorkflowInput } from './objection-contract.js';
import { registerObjectionActions } from './objection-actions.js';
import { registerObjectionClockActions } from './objection-clock-actions.js';
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
  // Cases filed under a policy with 补正 and clock stops (older snapshots lack them and keep the old process).
  if ((policy as Partial<typeof policy>).correctionWorkingDays !== undefined) {
    Object.assign(state, { correctionRequested: false, clockStopped: null, pausedWorkingDays: { acceptance: 0, verification: 0 } });
  }
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
  registerObjectionClockActions({ input, state, runtime });

  /** A staff step; `openedAt` reopens a step whose clock stood still, counted from its first opening. */
  const staffStep = (step: ObjectionStep, assigneeRole: Role, workingDays: number, status: ObjectionStatus, openedAt?: string) =>
    runtime.runStep({ step, assigneeRole, workingDays, onOverdue: 'escalate', ...(openedAt ? { openedAt } : {}) }, () => state.status !== status);
  const status = (): ObjectionStatus => state.status;

  // Acceptance; 补正 stops its clock until the materials arrive (or the applicant's window lapses).
  const acceptanceOpenedAt = new Date().toISOString();
  let reopenAcceptance: { days: number; openedAt?: string } | null = null;
  for (;;) {
    if (!reopenAcceptance) await staffStep(ObjectionStep.ACCEPTANCE, 'REVIEWER', policy.acceptWorkingDays, ObjectionStatus.FILED);
    else await staffStep(ObjectionStep.ACCEPTANCE, 'REVIEWER', reopenAcceptance.days, ObjectionStatus.FILED, reopenAcceptance.openedAt);
    if (status() !== ObjectionStatus.NEEDS_CORRECTION) break;
    const window = await runtime.runStep(
      { step: ObjectionStep.CORRECTION, assigneeRole: 'APPLICANT', workingDays: policy.correctionWorkingDays, onOverdue: 'lapse' },
      () => status() !== ObjectionStatus.NEEDS_CORRECTION,
    );
    if (window === 'lapsed') {
      state.clockStopped = null;
      runtime.moveTo(ObjectionStatus.NOT_ACCEPTED);
      await runtime.record(ObjectionEventType.CORRECTION_LAPSED, SYSTEM_ACTOR, { reason: 'the missing material was not provided in time' });
      break;
    }
    if (status() !== ObjectionStatus.FILED) break;
    reopenAcceptance = policy.correctionRestartsClock
      ? { days: policy.acceptWorkingDays }
      : { days: policy.acceptWorkingDays + (state.pausedWorkingDays?.acceptance ?? 0), openedAt: acceptanceOpenedAt };
  }

  // Verification; a clock stop (appraisal, expert review) adds the working days it stood still to the deadline.
  if (status() === ObjectionStatus.UNDER_VERIFICATION) {
    const verificationOpenedAt = new Date().toISOString();
    let resumed = false;
    for (;;) {
      if (!resumed) await staffStep(ObjectionStep.VERIFICATION, 'REVIEWER', policy.verifyWorkingDays, ObjectionStatus.UNDER_VERIFICATION);
      else {
        const days = policy.verifyWorkingDays + state.extendedWorkingDays + (state.pausedWorkingDays?.verification ?? 0);
        await staffStep(ObjectionStep.VERIFICATION, 'REVIEWER', days, ObjectionStatus.UNDER_VERIFICATION, verificationOpenedAt);
      }
      if (status() !== ObjectionStatus.VERIFICATION_PAUSED) break;
      runtime.settling.settled();
      await condition(() => status() !== ObjectionStatus.VERIFICATION_PAUSED);
      if (status() !== ObjectionStatus.UNDER_VERIFICATION) break;
      resumed = true;
    }
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
