/**
 * Messages every case workflow answers to, whatever its type: the API sends them without knowing the case's type.
 * Imports only @temporalio/workflow and types.
 */
import { defineSignal, defineUpdate } from '@temporalio/workflow';
import type { RecomputeDeadlinesNotice } from './human-step.js';

/** The working-day calendar changed (a year published or corrected): open steps recompute the times that depend on it. */
export const recomputeDeadlinesSignal = defineSignal<[RecomputeDeadlinesNotice?]>('recomputeDeadlines');

/**
 * Answers once the case has set itself up (its first step open with its deadline, every write of it done) or ended:
 * the filing's answer waits for it (api/cases/await-case-set-up.ts), so it shows the first step and its due date, and
 * an action right after the filing does not queue behind the first workflow task. No arguments, no effect.
 */
export const caseSetUpUpdate = defineUpdate<void, []>('caseSetUp');

/** Timeline events of a case's human steps, written by the case runtime for every case type. */
export const StepEventType = {
  STEP_OPENED: 'STEP_OPENED',
  REMINDER_SENT: 'REMINDER_SENT',
  ESCALATED: 'ESCALATED',
  DEADLINE_RECOMPUTED: 'DEADLINE_RECOMPUTED',
} as const;
export type StepEventType = (typeof StepEventType)[keyof typeof StepEventType];
