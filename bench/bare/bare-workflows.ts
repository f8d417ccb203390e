/**
 * Bench-only workflows: the bare shape of one product case (a record lifecycle that reports to a per-subject
 * workflow by signal-with-start, and a case with two Updates), with no-op steps as ordinary activities or, for the
 * floor, as local activities. The step counts mirror the product (see bench/README section in the README).
 */
import { allHandlersFinished, condition, defineSignal, defineUpdate, proxyActivities, proxyLocalActivities, setHandler } from '@temporalio/workflow';
import type { BareActivities } from './bare-activities.js';

export interface BareInput {
  subjectId: string;
  /** Steps as local activities (the floor) instead of ordinary ones. */
  local: boolean;
}

/** Steps per phase, as the product runs them (activities in sequence). */
export const BARE_STEPS = { record: 2, file: 2, accept: 3, decide: 2, subjectSave: 1 } as const;

export const bareAcceptUpdate = defineUpdate<void>('accept');
export const bareDecideUpdate = defineUpdate<void>('decide');
export const bareChangedSignal = defineSignal<[string]>('recordChanged');

const ordinary = proxyActivities<BareActivities>({ startToCloseTimeout: '30s' });
const local = proxyLocalActivities<BareActivities>({ startToCloseTimeout: '30s' });
const steps = (input: BareInput) => (input.local ? local : ordinary);

async function run(input: BareInput, count: number): Promise<void> {
  for (let i = 0; i < count; i++) await steps(input).noop();
}

/** The record lifecycle: its steps, then the subject's workflow told by signal-with-start; then it stays open. */
export async function bareRecordWorkflow(input: BareInput): Promise<void> {
  await run(input, BARE_STEPS.record);
  await steps(input).signalSubject(input.subjectId, input.local);
  await condition(() => false, '1 day');
}

/** The per-subject workflow: one save per change it is told about. */
export async function bareSubjectWorkflow(input: BareInput): Promise<void> {
  const pending: string[] = [];
  setHandler(bareChangedSignal, (recordId) => void pending.push(recordId));
  for (;;) {
    await condition(() => pending.length > 0, '1 day');
    while (pending.length > 0) {
      pending.shift();
      await run(input, BARE_STEPS.subjectSave);
    }
  }
}

/** The case: steps on filing, an accept Update and a decide Update that answer once their steps are done. */
export async function bareCaseWorkflow(input: BareInput): Promise<void> {
  let decided = false;
  setHandler(bareAcceptUpdate, async () => run(input, BARE_STEPS.accept));
  setHandler(bareDecideUpdate, async () => {
    await run(input, BARE_STEPS.decide);
    decided = true;
  });
  await run(input, BARE_STEPS.file);
  await condition(() => decided);
  await condition(allHandlersFinished);
}
