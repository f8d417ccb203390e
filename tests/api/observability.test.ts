import request from 'supertest';
import type { Express } from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkReadiness } from '../../api/observability/readiness.js';
import { caseOfRequest, paramsOf } from '../../api/observability/request-log.js';
import { createPrismaClient } from '../../lib/prisma.js';
import { bearer, createTestApp, TEST_METRICS_TOKEN } from '../support/api-harness.js';
import { createObjectionWorld, type ObjectionWorld } from '../support/objection-fixtures.js';
import { startRealWorker } from '../support/real-worker.js';
import { getTestEnv, uniqueId } from '../support/test-env.js';

const env = await getTestEnv();
const taskQueue = uniqueId('observability');
let stopWorker: () => Promise<void>;
let app: Express;
let world: ObjectionWorld;

beforeAll(async () => {
  ({ stop: stopWorker } = await startRealWorker(taskQueue));
  world = await createObjectionWorld(env.prisma);
  app = await createTestApp({ taskQueue, objectionPolicyId: world.policyId });
});
afterAll(async () => {
  await stopWorker?.();
});

const scrape = (target: Express = app) => request(target).get('/metrics').set('Authorization', `Bearer ${TEST_METRICS_TOKEN}`);

/** The value of one sample line of the exposition, e.g. credit_cases{type="OBJECTION",status="FILED"}; 0 if absent. */
function sample(text: string, name: string, labels: Record<string, string>): number {
  const wanted = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  const line = text.split('\n').find((l) => l.startsWith(`${name}{`) && wanted.every((w) => l.includes(w)));
  return line ? Number(line.split(' ').pop()) : 0;
}

function sum(text: string, name: string, labels: Record<string, string>): number {
  const wanted = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  return text
    .split('\n')
    .filter((l) => l.startsWith(`${name}{`) && wanted.every((w) => l.includes(w)))
    .reduce((total, l) => total + Number(l.split(' ').pop()), 0);
}

async function fileObjection(): Promise<string> {
  const res = await request(app)
    .post('/objections')
    .set('Authorization', await bearer(world.actors.applicant))
    .send({ recordId: await world.createRecord(), grounds: 'INACCURATE_OR_INCOMPLETE', statement: '金额错误' });
  expect(res.status).toBe(201);
  return res.body.id as string;
}

describe('health', () => {
  it('is live without checking anything', async () => {
    const res = await request(app).get('/health/live');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'live' });
  });

  it('is ready when the database and Temporal answer and a worker polls the task queue', async () => {
    const res = await request(app).get('/health/ready');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ready', checks: { database: 'up', temporal: 'up', worker: 'up' } });
  });

  it('is not ready (503 problem naming the worker) when no worker polls the task queue', async () => {
    const lonely = await createTestApp({ taskQueue: uniqueId('no-worker-here') });
    const res = await request(lonely).get('/health/ready');
    expect(res.status).toBe(503);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body).toMatchObject({ status: 503, detail: 'Not ready: worker down', checks: { database: 'up', temporal: 'up', worker: 'down' } });
  });

  it('reports the database down when it does not answer', async () => {
    const unreachable = createPrismaClient('postgresql://postgres@127.0.0.1:1/nowhere');
    try {
      const readiness = await checkReadiness({ prisma: unreachable, temporal: env.temporalClient, taskQueue });
      expect(readiness).toEqual({ ready: false, checks: { database: 'down', temporal: 'up', worker: 'up' } });
    } finally {
      await unreachable.$disconnect();
    }
  });
});

describe('metrics', () => {
  it('needs the metrics token: none, a wrong one or a user token is a 401 problem', async () => {
    for (const authorization of [undefined, 'Bearer wrong-token-wrong-token', await bearer(world.actors.admin)]) {
      const req = request(app).get('/metrics');
      const res = authorization ? await req.set('Authorization', authorization) : await req;
      expect(res.status).toBe(401);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    }
  });

  it('is off (404) when no metrics token is configured', async () => {
    const unmetered = await createTestApp({ taskQueue, metricsToken: null });
    expect((await request(unmetered).get('/metrics').set('Authorization', `Bearer ${TEST_METRICS_TOKEN}`)).status).toBe(404);
  });

  it('times requests by route template and status, never by concrete path', async () => {
    const caseId = await fileObjection();
    await request(app).get(`/objections/${caseId}`).set('Authorization', await bearer(world.actors.applicant));
    await request(app).get('/objections/OBJ-NOSUCH').set('Authorization', await bearer(world.actors.applicant));
    const res = await scrape();
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/plain/);
    const bucket = 'http_request_duration_seconds_count';
    expect(sample(res.text, bucket, { method: 'GET', route: '/objections/:caseId', status: '200' })).toBeGreaterThanOrEqual(1);
    expect(sample(res.text, bucket, { method: 'GET', route: '/objections/:caseId', status: '404' })).toBe(1);
    expect(sample(res.text, bucket, { method: 'POST', route: '/objections', status: '201' })).toBeGreaterThanOrEqual(1);
    expect(res.text).not.toContain(caseId);
  });

  it('counts cases by type and status, overdue and escalated cases, and outbox messages', async () => {
    const before = await scrape();
    const objectionsBefore = sum(before.text, 'credit_cases', { type: 'OBJECTION' });
    // A read-model row of its own (the gauges read the read models): open, past its due date, escalated.
    const caseId = uniqueId('OBJ-METRICS');
    await env.prisma.objection.create({
      data: {
        id: caseId,
        workflowId: `objection-${caseId}`,
        recordId: await world.createRecord(),
        subjectId: world.subjectId,
        authorityId: world.authorityId,
        applicantId: world.actors.applicant.id,
        grounds: 'INACCURATE_OR_INCOMPLETE',
        statement: '金额错误',
        evidence: [],
        status: 'UNDER_VERIFICATION',
        dueAt: new Date(Date.now() - 60_000),
        escalated: true,
        policyId: world.policyId,
        policyVersion: 1,
        policy: {},
        filedAt: new Date(),
      },
    });
    await new Promise((resolve) => setTimeout(resolve, 2_100)); // past the scrape cache
    const after = await scrape();
    expect(sum(after.text, 'credit_cases', { type: 'OBJECTION' })).toBeGreaterThanOrEqual(objectionsBefore + 1);
    expect(sample(after.text, 'credit_cases_overdue', { type: 'OBJECTION' })).toBeGreaterThanOrEqual(1);
    expect(sample(after.text, 'credit_cases_escalated', { type: 'OBJECTION' })).toBeGreaterThanOrEqual(1);
    for (const type of ['RECTIFICATION', 'REPAIR']) expect(after.text).toMatch(new RegExp(`credit_cases_overdue\\{type="${type}"\\} \\d+`));
    expect(after.text).toMatch(/credit_outbox_messages\{status="PENDING"\} \d+/);
    expect(after.text).toMatch(/credit_outbox_messages\{status="DEAD"\} \d+/);
    expect(after.text).toMatch(/process_cpu_seconds_total/);
  });
});

describe('request logs', () => {
  it('name the case and its workflow from the route, even after an error cleared the parameters', () => {
    expect(caseOfRequest(paramsOf('/objections/:caseId/accept', '/objections/OBJ-1/accept'))).toEqual({ caseId: 'OBJ-1', workflowId: 'objection-OBJ-1' });
    expect(caseOfRequest(paramsOf('/repairs/:applicationId', '/repairs/REP-1'))).toEqual({ caseId: 'REP-1', workflowId: 'repair-REP-1' });
    expect(caseOfRequest(paramsOf('/rectifications/:rectificationId', '/rectifications/RECT-1'))).toEqual({ caseId: 'RECT-1' });
    expect(caseOfRequest(paramsOf('/cases/:caseType/:caseId/evidence', '/cases/record/rec-1/evidence'))).toEqual({ caseId: 'rec-1' });
  });
});
