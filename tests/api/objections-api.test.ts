import request from 'supertest';
import type { Express } from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueToken } from '../../lib/auth-tokens.js';
import { bearer, createTestApp, TEST_TOKENS } from '../support/api-harness.js';
import { createObjectionWorld, type ObjectionWorld } from '../support/objection-fixtures.js';
import { startRealWorker } from '../support/real-worker.js';
import { getTestEnv, uniqueId } from '../support/test-env.js';
import { mountedRoutes, routeKey } from '../support/mounted-routes.js';

const env = await getTestEnv();
const taskQueue = uniqueId('objections-api');
let stopWorker: () => Promise<void>;
let app: Express;
let world: ObjectionWorld;

beforeAll(async () => {
  ({ stop: stopWorker } = await startRealWorker(taskQueue));
  world = await createObjectionWorld(env.prisma, { secondReviewAllowed: false });
  app = await createTestApp({ taskQueue, objectionPolicyId: world.policyId });
});
afterAll(async () => {
  await stopWorker?.();
});

async function fileObjection(recordId?: string) {
  const id = recordId ?? (await world.createRecord());
  const res = await request(app)
    .post('/objections')
    .set('Authorization', await bearer(world.actors.applicant))
    .send({ recordId: id, grounds: 'INACCURATE_OR_INCOMPLETE', statement: '金额错误', evidence: [{ title: '付款凭证' }] });
  expect(res.status).toBe(201);
  return { recordId: id, caseId: res.body.id as string, body: res.body };
}

function expectProblem(res: request.Response, status: number) {
  expect(res.status).toBe(status);
  expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
  expect(res.body).toMatchObject({ status, type: expect.any(String), title: expect.any(String), detail: expect.any(String), requestId: expect.any(String) });
  expect(JSON.stringify(res.body)).not.toMatch(/at .*\.ts:\d+|prisma|SELECT /i);
}

describe('objection API', () => {
  it('files, accepts, decides and shows the timeline and the record', async () => {
    const { recordId, caseId, body } = await fileObjection();
    expect(body).toMatchObject({ status: 'FILED', recordId, policy: { id: world.policyId, version: 1 } });
    // The answer waited for the workflow to open the first step: the filer sees who acts next and by when.
    expect(body).toMatchObject({ currentStep: 'ACCEPTANCE', assigneeRole: 'REVIEWER', dueAt: expect.any(String) });
    expect(body.timeline.map((e: { type: string }) => e.type)).toEqual(['FILED', 'STEP_OPENED']);

    const accepted = await request(app).post(`/objections/${caseId}/accept`).set('Authorization', await bearer(world.actors.reviewer)).send({});
    expect(accepted.status).toBe(200);
    expect(accepted.body.status).toBe('UNDER_VERIFICATION');

    const marked = await request(app).get(`/records/${recordId}`).set('Authorization', await bearer(world.actors.applicant));
    expect(marked.body).toMatchObject({ underObjection: true, objectionCaseId: caseId });

    const decided = await request(app)
      .post(`/objections/${caseId}/decision`)
      .set('Authorization', await bearer(world.actors.reviewer2))
      .send({ outcome: 'CORRECT', reasons: '金额更正', changes: { amountOwedYuan: 1000 } });
    expect(decided.status).toBe(200);
    expect(decided.body).toMatchObject({ status: 'DECIDED', outcome: 'CORRECT' });

    const read = await request(app).get(`/objections/${caseId}`).set('Authorization', await bearer(world.actors.applicant));
    expect(read.body.timeline.map((e: { type: string }) => e.type)).toEqual(expect.arrayContaining(['FILED', 'ACCEPTED', 'DECIDED']));
    const record = await request(app).get(`/records/${recordId}`).set('Authorization', await bearer(world.actors.applicant));
    expect(record.body).toMatchObject({ underObjection: false, version: 2, facts: { amountOwedYuan: 1000 } });
    expect(record.body.versions).toHaveLength(2);
  });

  it('answers a retried filing with the same Idempotency-Key with the first case', async () => {
    const recordId = await world.createRecord();
    const send = async () =>
      request(app)
        .post('/objections')
        .set('Authorization', await bearer(world.actors.applicant))
        .set('Idempotency-Key', `file-${recordId}`)
        .send({ recordId, grounds: 'PUBLISHED_PAST_PERIOD', statement: '超期公示' });
    const first = await send();
    const second = await send();
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(second.body.id).toBe(first.body.id);
  });

  it('refuses the wrong role with 403', async () => {
    const recordId = await world.createRecord();
    const asReviewer = await request(app)
      .post('/objections')
      .set('Authorization', await bearer(world.actors.reviewer))
      .send({ recordId, grounds: 'PUBLISHED_PAST_PERIOD', statement: 'x' });
    expectProblem(asReviewer, 403);
    const { caseId } = await fileObjection(recordId);
    expectProblem(await request(app).post(`/objections/${caseId}/accept`).set('Authorization', await bearer(world.actors.applicant)).send({}), 403);
    expectProblem(
      await request(app).post(`/objections/${caseId}/extension`).set('Authorization', await bearer(world.actors.reviewer)).send({ workingDays: 2, reason: 'x' }),
      403,
    );
  });

  it('answers an action in the wrong state with 409', async () => {
    const { caseId } = await fileObjection();
    const res = await request(app)
      .post(`/objections/${caseId}/decision`)
      .set('Authorization', await bearer(world.actors.reviewer))
      .send({ outcome: 'DELETE', reasons: '未受理即决定' });
    expectProblem(res, 409);
    expect(res.body.detail).toMatch(/FILED/);
  });

  it('rejects invalid input with 400 problem details that name the fields', async () => {
    const token = await bearer(world.actors.applicant);
    const missing = await request(app).post('/objections').set('Authorization', token).send({ grounds: 'NOPE' });
    expectProblem(missing, 400);
    expect(missing.body.errors.map((e: { path: string }) => e.path)).toEqual(expect.arrayContaining(['recordId', 'grounds', 'statement']));
    const badJson = await request(app).post('/objections').set('Authorization', token).set('Content-Type', 'application/json').send('{"recordId":');
    expectProblem(badJson, 400);
    const extra = await request(app).post('/objections').set('Authorization', token).send({ recordId: 'r', grounds: 'PUBLISHED_PAST_PERIOD', statement: 's', admin: true });
    expectProblem(extra, 400);
    const badQuery = await request(app).get('/objections?pageSize=1000').set('Authorization', token);
    expectProblem(badQuery, 400);
    const correctionWithoutChanges = await request(app)
      .post(`/objections/${(await fileObjection()).caseId}/decision`)
      .set('Authorization', await bearer(world.actors.reviewer))
      .send({ outcome: 'CORRECT', reasons: 'x' });
    expect([400, 409]).toContain(correctionWithoutChanges.status);
  });

  it('answers unknown or invisible ids with 404', async () => {
    const token = await bearer(world.actors.applicant);
    expectProblem(await request(app).get('/objections/OBJ-NOPE').set('Authorization', token), 404);
    expectProblem(await request(app).get('/records/rec-nope').set('Authorization', token), 404);
    expectProblem(
      await request(app).post('/objections').set('Authorization', token).send({ recordId: 'rec-nope', grounds: 'PUBLISHED_PAST_PERIOD', statement: 'x' }),
      404,
    );
    const { caseId } = await fileObjection();
    expectProblem(await request(app).get(`/objections/${caseId}`).set('Authorization', await bearer(world.actors.otherApplicant)), 404);
    expectProblem(await request(app).get(`/objections/${caseId}`).set('Authorization', await bearer(world.actors.foreignReviewer)), 404);
    expectProblem(await request(app).get('/no-such-route').set('Authorization', token), 404);
  });

  it('requires a valid, unexpired token', async () => {
    expectProblem(await request(app).get('/objections'), 401);
    expectProblem(await request(app).get('/objections').set('Authorization', 'Bearer not-a-token'), 401);
    const expired = await issueToken(TEST_TOKENS, world.actors.applicant, '-1m');
    const res = await request(app).get('/objections').set('Authorization', `Bearer ${expired}`);
    expectProblem(res, 401);
    expect(res.body.detail).toMatch(/expired/);
    const foreign = await issueToken({ ...TEST_TOKENS, secret: 'another-secret-another-secret-0123456789' }, world.actors.admin);
    expectProblem(await request(app).get('/objections').set('Authorization', `Bearer ${foreign}`), 401);
  });

  it('lists cases with filters and pagination', async () => {
    const a = await fileObjection();
    const b = await fileObjection();
    const token = await bearer(world.actors.admin);
    const page1 = await request(app).get(`/objections?subjectId=${world.subjectId}&status=FILED&pageSize=1&page=1`).set('Authorization', token);
    expect(page1.status).toBe(200);
    expect(page1.body.items).toHaveLength(1);
    expect(page1.body.total).toBeGreaterThanOrEqual(2);
    const byRecord = await request(app).get(`/objections?recordId=${a.recordId}`).set('Authorization', token);
    expect(byRecord.body.items.map((c: { id: string }) => c.id)).toEqual([a.caseId]);
    const overdue = await request(app).get(`/objections?subjectId=${world.subjectId}&overdue=true`).set('Authorization', token);
    expect(overdue.body.items.map((c: { id: string }) => c.id)).not.toContain(b.caseId);
  });

  it('serves an OpenAPI document that describes every mounted route', async () => {
    const res = await request(app).get('/openapi.json');
    expect(res.status).toBe(200);
    const documented = new Set<string>();
    for (const [path, methods] of Object.entries(res.body.paths as Record<string, object>)) {
      for (const method of Object.keys(methods)) documented.add(`${method.toUpperCase()} ${path}`);
    }
    const mounted = mountedRoutes(app).map(routeKey).filter((r) => !['GET /health', 'GET /openapi.json'].includes(r));
    expect(mounted.length).toBeGreaterThan(10);
    expect(mounted.filter((r) => !documented.has(r))).toEqual([]);
    expect([...documented].filter((r) => !mounted.includes(r))).toEqual([]);
  });
});
