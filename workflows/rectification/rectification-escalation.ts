import { EscalationLevel, higherEscalation, RectificationEventType } from '../../domain/rectification/rectification-types.js';
import { SYSTEM_ACTOR } from '../shared/case-event.js';
import type { CaseRuntime } from '../shared/case-runtime.js';
import type { HumanStepState } from '../shared/human-step.js';
import type { RectificationState } from './rectification-contract.js';
import type { RectificationTransitionDetails } from './rectification-projection.js';

/** The body's own steps (explanation, rectification); the review is the authority's. */
export const isBodyStep = (step: HumanStepState) => step.assigneeRole === 'APPLICANT';

/**
 * A step of the body that runs late gets 督办 at its deadline and, still unmet after the criticism period, 通报批评
 * with a 问责 referral; the step stays open.
 */
export async function escalateBodyStep(
  runtime: CaseRuntime<RectificationState, RectificationTransitionDetails>,
  step: HumanStepState,
  level: number,
): Promise<void> {
  const { state } = runtime;
  const data = { step: step.step, dueAt: step.deadline?.dueAt, level };
  if (level === 1) {
    state.escalationLevel = higherEscalation(state.escalationLevel, EscalationLevel.SUPERVISION);
    await runtime.record(RectificationEventType.SUPERVISION_NOTICE, SYSTEM_ACTOR, { data, recordStatus: 'OVERDUE' });
    return;
  }
  state.escalationLevel = EscalationLevel.CRITICISM;
  await runtime.record(RectificationEventType.PUBLIC_CRITICISM, SYSTEM_ACTOR, { data });
  await runtime.record(RectificationEventType.ACCOUNTABILITY_REFERRAL, SYSTEM_ACTOR, { data: { ...data, referred: 'PRINCIPAL_RESPONSIBLE_PERSON' } });
}
