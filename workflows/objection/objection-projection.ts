import type { Activities } from '../../activities/index.js';
import { ObjectionEventType } from '../../domain/objection/objection-types.js';
import { proxyCaseStepActivities } from '../shared/activity-options.js';
import type { CaseEventDetails, CaseEventInput } from '../shared/case-event.js';
import type { CaseStepView } from '../shared/case-runtime.js';
import type { ObjectionState, ObjectionWorkflowInput } from './objection-contract.js';
import type { RecordEffect } from './objection-transition.js';

const { recordObjectionTransition } = proxyCaseStepActivities<Activities>();

export interface ObjectionTransitionDetails extends CaseEventDetails {
  recordEffect?: RecordEffect;
}

/** Transitions that answer the applicant, and the outbox topic that tells them. */
const NOTIFIED: Partial<Record<string, string>> = {
  [ObjectionEventType.DECIDED]: 'objection.decided',
  [ObjectionEventType.SECOND_REVIEW_DECIDED]: 'objection.decided',
  [ObjectionEventType.NOT_ACCEPTED]: 'objection.not-accepted',
  [ObjectionEventType.CLOSED_RECORD_ENDED]: 'objection.closed',
  [ObjectionEventType.CORRECTION_REQUESTED]: 'objection.correction-requested',
  [ObjectionEventType.CORRECTION_LAPSED]: 'objection.not-accepted',
};
const DECISIONS: readonly string[] = [ObjectionEventType.DECIDED, ObjectionEventType.SECOND_REVIEW_DECIDED];

/** The objection's read model, record effect and notice for one transition, stored together by one activity. */
export function storeObjectionTransition(input: ObjectionWorkflowInput, state: ObjectionState) {
  return (event: CaseEventInput, view: CaseStepView, details: ObjectionTransitionDetails) => {
    const readModel = {
      ...view,
      status: state.status,
      outcome: state.outcome,
      decidedById: state.decidedById,
      extendedWorkingDays: state.extendedWorkingDays,
      // Cases filed before 补正 and clock stops existed write nothing new.
      ...(state.pausedWorkingDays
        ? {
            clockPaused: Boolean(state.clockStopped),
            clockStopCause: state.clockStopped && state.clockStopped.cause !== 'CORRECTION' ? state.clockStopped.cause : null,
            pausedWorkingDays: state.pausedWorkingDays.acceptance + state.pausedWorkingDays.verification,
          }
        : {}),
      ...(DECISIONS.includes(event.type) ? { decisionReasons: details.reason ?? null } : {}),
    };
    const topic = NOTIFIED[event.type];
    const notification = topic
      ? {
          topic,
          recipientId: input.applicantId,
          payload: { caseId: input.caseId, recordId: input.recordId, status: state.status, outcome: state.outcome, reasons: details.reason ?? null, ...details.data },
        }
      : undefined;
    return () => recordObjectionTransition({ event, readModel, recordEffect: details.recordEffect, notification });
  };
}
