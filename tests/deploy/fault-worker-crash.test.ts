/**
 * Fault (a): the worker process is killed with SIGKILL while 30 human decisions (workflow Updates sent through the
 * API) are in flight, and started again. Real processes: a Temporal server, the worker (worker/main.ts) and the API
 * (api/server.ts), each its own OS process; the test is only a client of the API and a reader of the database.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startFaultStack, type FaultStack } from './harness/fault-stack.js';
import { expectDecidedOnce, sendDecisions } from './harness/fault-checks.js';
import { decidedCount } from './harness/fault-world.js';
import { until } from './harness/ports.js';
import { startWorker } from './harness/product-processes.js';

const CASES = 30;
let stack: FaultStack;

beforeAll(async () => {
  stack = await startFaultStack({ name: 'fault-worker', databaseServerUrl: inject('databaseUrl') });
  console.log(`[fault-worker] ${stack.temporal.kind}, worker and API up in ${stack.startedInMs} ms`);
}, 600_000);
afterAll(() => stack?.dispose());

describe('a worker killed with SIGKILL during 30 concurrent decisions', () => {
  it('lands every decision exactly once after the worker is started again', async () => {
    const { prisma } = stack.database;
    const decisions = await sendDecisions(stack, CASES);

    // Mid-flight: the first decision is written, most are not.
    await until('the first decision to land', async () => ((await decidedCount(prisma, decisions.caseIds)) > 0 ? true : undefined), 120_000, 25);
    await stack.worker.kill9();
    const decidedAtKill = await decidedCount(prisma, decisions.caseIds);
    expect(decidedAtKill).toBeLessThan(CASES);

    // With no worker nothing more is decided, and the callers keep waiting.
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    expect(await decidedCount(prisma, decisions.caseIds)).toBe(decidedAtKill);
    await startWorker(stack.worker);

    const report = await expectDecidedOnce(stack, decisions, { mayRedeliver: decidedAtKill });
    console.log(
      `[fault-worker] ${stack.temporal.kind}: worker killed with ${decidedAtKill}/${CASES} decided; ${report.summary}; worker started ${stack.worker.starts} times`,
    );
  }, 600_000);
});
