/**
 * Fault (d): the product's PostgreSQL crashes (an immediate stop of a private server of the test's own, never the
 * shared one) while decisions are in flight, and starts again. The API's readiness goes not-ready (database down)
 * and ready again; the worker's activities fail meanwhile and are retried by Temporal; the worker and API processes
 * survive; callers retry with their Idempotency-Key; nothing is lost and nothing is done twice.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFaultStack, type FaultStack } from './harness/fault-stack.js';
import { expectDecidedOnce, sendDecisions } from './harness/fault-checks.js';
import { decidedCount } from './harness/fault-world.js';
import { until } from './harness/ports.js';
import { startPrivatePostgres, type PrivatePostgres } from './harness/private-postgres.js';
import { readiness } from './harness/product-processes.js';

const CASES = 20;
const OUTAGE_MS = 5_000;
let postgres: PrivatePostgres;
let stack: FaultStack;

beforeAll(async () => {
  const started = Date.now();
  postgres = await startPrivatePostgres();
  const postgresMs = Date.now() - started;
  stack = await startFaultStack({ name: 'fault-postgres', databaseServerUrl: postgres.url });
  console.log(`[fault-postgres] private PostgreSQL on :${postgres.port} up in ${postgresMs} ms; ${stack.temporal.kind}, worker and API up in ${stack.startedInMs} ms`);
}, 600_000);
afterAll(async () => {
  await stack?.dispose();
  await postgres?.dispose();
});

describe('the product database crashing mid-run', () => {
  it('makes the API not ready, then ready again, and loses or repeats no decision', async () => {
    const { prisma } = stack.database;
    const decisions = await sendDecisions(stack, CASES);

    await until('the first decision to land', async () => ((await decidedCount(prisma, decisions.caseIds)) > 0 ? true : undefined), 120_000, 25);
    const crashedAt = new Date();
    await postgres.crash();
    const notReady = await until(
      'the API to report the database down',
      async () => {
        const ready = await readiness(stack.apiUrl);
        return ready.status === 503 && ready.checks.database === 'down' ? ready : undefined;
      },
      60_000,
    );
    expect(notReady.status).toBe(503);
    await new Promise((resolve) => setTimeout(resolve, OUTAGE_MS));

    const restartedAt = Date.now();
    await postgres.start();
    await until('the API to be ready again', async () => ((await readiness(stack.apiUrl)).status === 200 ? true : undefined), 120_000, 500);
    const readyAgainMs = Date.now() - restartedAt;

    // Only a notification the worker was sending when the database went away may arrive twice (same key).
    const decidedBeforeCrash = await prisma.caseEvent.count({ where: { caseId: { in: decisions.caseIds }, type: 'DECIDED', recordedAt: { lte: crashedAt } } });
    const report = await expectDecidedOnce(stack, decisions, { mayRedeliver: decidedBeforeCrash });
    expect(stack.worker.starts).toBe(1);
    expect(stack.api.starts).toBe(1);
    const failedActivities = stack.worker.output().split('\n').filter((line) => line.includes('"msg":"Activity failed"')).length;
    console.log(
      `[fault-postgres] ${stack.temporal.kind}: database crashed with ${decidedBeforeCrash}/${CASES} decided, down ${OUTAGE_MS} ms; ` +
        `API ready ${readyAgainMs} ms after the restart; ${failedActivities} activity attempts failed and were retried; ` +
        `worker and API never restarted; ${report.summary}`,
    );
  }, 600_000);
});
