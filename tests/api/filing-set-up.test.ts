import request from 'supertest';
import { afterAll, describe, expect, it } from 'vitest';
import { bearer, createTestApp } from '../support/api-harness.js';
import { createObjectionWorld } from '../support/objection-fixtures.js';
import { startRealWorker } from '../support/real-worker.js';
import { eventually } from '../support/eventually.js';
import { getTestEnv, uniqueId } from '../support/test-env.js';

const env = await getTestEnv();
const stops: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const stop of stops) await stop();
});

describe("a filing's answer and its workflow's first step", () => {
  it('with no worker running, the filing is answered after the set-up wait, committed and started, and the step opens once a worker runs it', async () => {
    const taskQueue = uniqueId('filing-set-up');
    const world = await createObjectionWorld(env.prisma, { secondReviewAllowed: false });
    const app = await createTestApp({ taskQueue, objectionPolicyId: world.policyId, caseSetUpWaitMs: 1_500 });
    const recordId = await world.createRecord();

    const started = performance.now();
    const res = await request(app)
      .post('/objections')
      .set('Authorization', await bearer(world.actors.applicant))
      .send({ recordId, grounds: 'INACCURATE_OR_INCOMPLETE', statement: '金额错误' });
    const waited = performance.now() - started;

    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: 'FILED', currentStep: null, dueAt: null });
    expect(waited).toBeGreaterThanOrEqual(1_400);
    const caseId = res.body.id as string;
    const description = await env.temporalClient.workflow.getHandle(res.body.workflowId as string).describe();
    expect(description.status.name).toBe('RUNNING');

    const worker = await startRealWorker(taskQueue);
    stops.push(worker.stop);
    const opened = await eventually(async () => {
      const row = await env.prisma.objection.findUniqueOrThrow({ where: { id: caseId } });
      return row.currentStep === 'ACCEPTANCE' && row.dueAt ? row : undefined;
    });
    expect(opened.assigneeRole).toBe('REVIEWER');
  });
});
