import { proxyActivities } from '@temporalio/workflow';
import type { Activities } from '../../activities/index.js';
import { EscalationLevel, higherEscalation, RectificationEventType } from '../../domain/rectification/rectification-types.js';
import { SYSTEM_ACTOR } from '../shared/case-event.js';
import type { HumanStepHooks, HumanStepState } from '../shared/human-step.js';
import type { RectificationState, RectificationStep } from './rectification-contract.js';
import type { RectificationRecorder } from './rectification-recorder.js';
import { STANDARD_ACTIVITY_OPTIONS } from '../shared/activity-options.js';

const { computeStepDeadline } = proxyActivities<Activities>(STANDARD_ACTIVITY_OPTIONS);

type StepState = HumanStepState<RectificationStep>;

const isBodyStep = (step: StepState) => step.assigneeRole === 'APPLICANT';

/**
 * Side effects of the case's steps. A step of the body that runs late gets 督办 at its deadline and, still unmet
 * after the criticism period, 通报批评 with a 问责 referral; the step stays open. A late review goes to a supervisor.
 */
export function rectificationStepHooks(
  state: RectificationState,
  recorder: RectificationRecorder,
  onWaiting: () => void,
): HumanStepHooks<RectificationStep> {
  async function bodyOverdue(step: StepState, level: number): Promise<void> {
    const data = { step: step.step, dueAt: step.deadline?.dueAt, level };
    if (level === 1) {
      state.escalationLevel = higherEscalation(state.escalationLevel, EscalationLevel.SUPERVISION);
      await recorder.record(RectificationEventType.SUPERVISION_NOTICE, SYSTEM_ACTOR, { data, recordStatus: 'OVERDUE' });
      return;
    }
    state.escalationLevel = EscalationLevel.CRITICISM;
    await recorder.record(RectificationEventType.PUBLIC_CRITICISM, SYSTEM_ACTOR, { data });
    await recorder.record(RectificationEventType.ACCOUNTABILITY_REFERRAL, SYSTEM_ACTOR, {
      data: { ...data, referred: 'PRINCIPAL_RESPONSIBLE_PERSON' },
    });
  }

  return {
    computeDeadline: (request) => computeStepDeadline(request),
    opened: (step) =>
      recorder.record(RectificationEventType.STEP_OPENED, SYSTEM_ACTOR, {
        data: { step: step.step, assigneeRole: step.assigneeRole, workingDays: step.workingDays, deadline: step.deadline },
      }),
    reminded: (step) =>
      recorder.record(RectificationEventType.REMINDER_SENT, SYSTEM_ACTOR, {
        data: { step: step.step, assigneeRole: step.assigneeRole, dueAt: step.deadline?.dueAt },
      }),
    overdue: async (step, level) => {
      if (isBodyStep(step)) return bodyOverdue(step, level);
      await recorder.record(RectificationEventType.ESCALATED, SYSTEM_ACTOR, {
        data: { step: step.step, escalatedTo: 'SUPERVISOR', dueAt: step.deadline?.dueAt },
      });
    },
    rescheduled: (step, previous) =>
      recorder.record(RectificationEventType.DEADLINE_RECOMPUTED, SYSTEM_ACTOR, {
        data: { step: step.step, previous, deadline: step.deadline },
        // A deadline moved into the future makes the body no longer overdue.
        recordStatus: isBodyStep(step) ? (step.escalated ? 'OVERDUE' : 'PENDING') : undefined,
      }),
    waiting: onWaiting,
  };
}
