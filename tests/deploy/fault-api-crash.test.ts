/**
 * Fault (b): the API process is killed with SIGKILL while decisions are running in it, then started again, and the
 * callers retry with the same Idempotency-Key (as a client whose connection dropped does). Each decision takes
 * effect once, and each retry gets the decision's answer: the key of a request whose process died is released when
 * its lease lapses (api/middleware/idempotency.ts), it does not answer 409 "in progress" forever.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startFaultStack, type FaultStack } from './harness/fault-stack.js';
import { expectDecidedOnce, sendDecisions } from './harness/fault-checks.js';
import { decidedCount } from './harness/fault-world.js';
import { until } from './harness/ports.js';
import { startApi } from './harness/product-processes.js';

const CASES = 10;
const IN_PROGRESS = 0;
let stack: FaultStack;

beforeAll(async () => {
  stack = await startFaultStack({ name: 'fault-api', databaseServerUrl: inject('databaseUrl') });
  console.log(`[fault-api] ${stack.temporal.kind}, worker and API up in ${stack.startedInMs} ms`);
}, 600_000);
afterAll(() => stack?.dispose());

describe('an API process killed with SIGKILL mid-request', () => {
  it('answers the retries with the same Idempotency-Key from a restarted API, each decision taking effect once', async () => {
    const { prisma } = stack.database;
    const reviewer = stack.world.actors.reviewer2.id;
    const decisions = await sendDecisions(stack, CASES);

    // Mid-request: one decision is written, and other requests still hold their keys.
    await until('the first decision to land', async () => ((await decidedCount(prisma, decisions.caseIds)) > 0 ? true : undefined), 120_000, 25);
    await stack.api.kill9();
    const heldAtKill = await prisma.idempotentRequest.count({ where: { actorId: reviewer, status: IN_PROGRESS } });
    expect(heldAtKill).toBeGreaterThan(0);
    const decidedAtKill = await decidedCount(prisma, decisions.caseIds);

    const restartedAt = Date.now();
    await startApi(stack.api, stack.apiUrl);
    const restartMs = Date.now() - restartedAt;
    const report = await expectDecidedOnce(stack, decisions);
    // Every retry that found its key held by the dead process was answered, none with a lasting 409.
    const cutOff = report.answers.filter((answer) => answer.statuses.includes(0));
    expect(cutOff.length).toBeGreaterThan(0);
    expect(await prisma.idempotentRequest.count({ where: { actorId: reviewer, status: IN_PROGRESS } })).toBe(0);
    console.log(
      `[fault-api] ${stack.temporal.kind}: API killed with ${decidedAtKill}/${CASES} decided and ${heldAtKill} keys held; ` +
        `restarted and ready in ${restartMs} ms; ${cutOff.length} requests cut off and retried; ${report.summary}`,
    );
  }, 600_000);
});
