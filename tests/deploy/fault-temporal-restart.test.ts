/**
 * Fault (c): the Temporal server is killed with SIGKILL while decisions are in flight and started again on its
 * persisted state. The worker and the API keep running and reconnect by themselves; the API's readiness says
 * Temporal is down meanwhile; callers retry with their Idempotency-Key; every case continues and is decided once.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startFaultStack, type FaultStack } from './harness/fault-stack.js';
import { expectDecidedOnce, sendDecisions } from './harness/fault-checks.js';
import { decidedCount } from './harness/fault-world.js';
import { until } from './harness/ports.js';
import { readiness } from './harness/product-processes.js';

const CASES = 20;
let stack: FaultStack;

beforeAll(async () => {
  stack = await startFaultStack({ name: 'fault-temporal', databaseServerUrl: inject('databaseUrl') });
  console.log(`[fault-temporal] ${stack.temporal.kind}, worker and API up in ${stack.startedInMs} ms`);
}, 600_000);
afterAll(() => stack?.dispose());

describe('a Temporal server killed with SIGKILL mid-run', () => {
  it('lets the in-flight cases continue once it is started again, each decided once', async () => {
    const { prisma } = stack.database;
    const decisions = await sendDecisions(stack, CASES);

    await until('the first decision to land', async () => ((await decidedCount(prisma, decisions.caseIds)) > 0 ? true : undefined), 120_000, 25);
    await stack.temporal.process.kill9();
    const decidedAtKill = await decidedCount(prisma, decisions.caseIds);
    await until('the API to report Temporal down', async () => ((await readiness(stack.apiUrl)).checks.temporal === 'down' ? true : undefined), 60_000);

    const restartedAt = Date.now();
    await stack.temporal.start();
    const serverRestartMs = Date.now() - restartedAt;
    await until('the API to be ready again', async () => ((await readiness(stack.apiUrl)).status === 200 ? true : undefined), 180_000, 500);
    const readyAgainMs = Date.now() - restartedAt;

    const report = await expectDecidedOnce(stack, decisions);
    expect(stack.worker.starts).toBe(1);
    expect(stack.api.starts).toBe(1);
    console.log(
      `[fault-temporal] ${stack.temporal.kind}: server killed with ${decidedAtKill}/${CASES} decided; serving again after ${serverRestartMs} ms, ` +
        `API ready after ${readyAgainMs} ms; worker and API never restarted; ${report.summary}`,
    );
  }, 600_000);
});
