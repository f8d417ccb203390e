/**
 * Messages every case workflow answers to, whatever its type: the API sends them without knowing the case's type.
 * Imports only @temporalio/workflow and types.
 */
import { defineSignal } from '@temporalio/workflow';
import type { RecomputeDeadlinesNotice } from './human-step.js';

/** The working-day calendar changed (a year published or corrected): open steps recompute the times that depend on it. */
export const recomputeDeadlinesSignal = defineSignal<[RecomputeDeadlinesNotice?]>('recomputeDeadlines');

/** Timeline events of a case's human steps, written by the case runtime for every case type. */
export const StepEventType = {
  STEP_OPENED: 'STEP_OPENED',
  REMINDER_SENT: 'REMINDER_SENT',
  ESCALATED: 'ESCALATED',
  DEADLINE_RECOMPUTED: 'DEADLINE_RECOMPUTED',
} as const;
export type StepEventType = (typeof StepEventType)[keyof typeof StepEventType];
