import { randomBytes } from 'node:crypto';
import request from 'supertest';
import type { Express } from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../domain/roles.js';
import { cancelRectificationSignal } from '../../workflows/rectification/rectification-contract.js';
import { bearer, createTestApp } from '../support/api-harness.js';
import { createObjectionWorld, type ObjectionWorld } from '../support/objection-fixtures.js';
import { startRealWorker, workersByTimeScale } from '../support/real-worker.js';
import { eventuallyEvent, startRectification } from '../support/rectification-fixtures.js';
import { getTestEnv, uniqueId } from '../support/test-env.js';

const env = await getTestEnv();
const taskQueue = uniqueId('rectifications-api');
let stopWorker: () => Promise<void>;
let app: Express;
let world: ObjectionWorld;

beforeAll(async () => {
  ({ stop: stopWorker } = await startRealWorker(taskQueue));
  world = await createObjectionWorld(env.prisma);
  app = await createTestApp({ taskQueue });
});
afterAll(async () => {
  await stopWorker?.();
});

const start = (overrides: Parameters<typeof startRectification>[4] = {}, queue = taskQueue) =>
  startRectification(env.prisma, env.temporalClient, queue, world, overrides);
/** Workers whose working day lasts a second, for cases that must run late within a test. */
const queueFor = workersByTimeScale('rectifications-api-fast');

async function post(actor: Actor, path: string, body: object, idempotencyKey?: string) {
  const req = request(app).post(path).set('Authorization', await bearer(actor));
  return (idempotencyKey ? req.set('Idempotency-Key', idempotencyKey) : req).send(body);
}

async function get(actor: Actor, path: string) {
  return request(app).get(path).set('Authorization', await bearer(actor));
}

function expectProblem(res: request.Response, status: number) {
  expect(res.status).toBe(status);
  expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
  expect(res.body).toMatchObject({ status, type: expect.any(String), title: expect.any(String), detail: expect.any(String), requestId: expect.any(String) });
}

const explanation = { explanation: '预算未及时安排', plan: '本季度内完成支付' };
const completion = { summary: '已全部支付', evidence: [{ title: '转账凭证' }] };

describe('rectification API', () => {
  it('runs a rectification through HTTP: explanation, progress, completion and review, with the timeline', async () => {
    const { recordId, rectificationId } = await start();
    const path = `/rectifications/${rectificationId}`;
    const opened = await get(world.actors.applicant, path);
    expect(opened.status).toBe(200);
    expect(opened.body).toMatchObject({ id: rectificationId, recordId, status: 'EXPLANATION_DUE', overdue: false, escalationLevel: 'NONE' });

    const explained = await post(world.actors.applicant, `${path}/explanation`, explanation);
    expect(explained.status).toBe(200);
    expect(explained.body).toMatchObject({ status: 'RECTIFYING', currentStep: 'RECTIFICATION', plan: explanation.plan });

    const progress = () => post(world.actors.applicant, `${path}/progress`, { note: '已支付一半', evidence: [{ title: '部分付款凭证' }] }, `progress-${rectificationId}`);
    expect((await progress()).status).toBe(200);
    const retried = await progress();
    expect(retried.status).toBe(200);
    expect(retried.body.timeline.filter((e: { type: string }) => e.type === 'PROGRESS_REPORTED')).toHaveLength(1);

    expect((await post(world.actors.applicant, `${path}/completion`, completion)).body.status).toBe('UNDER_REVIEW');
    const reviewed = await post(world.actors.reviewer, `${path}/review`, { accept: true, reasons: '整改到位' });
    expect(reviewed.status).toBe(200);
    expect(reviewed.body).toMatchObject({ status: 'RECTIFIED', currentStep: null });
    expect(reviewed.body.timeline.map((e: { type: string }) => e.type)).toEqual(
      expect.arrayContaining(['OPENED', 'EXPLANATION_SUBMITTED', 'PROGRESS_REPORTED', 'COMPLETION_SUBMITTED', 'RECTIFIED']),
    );
    expect((await env.prisma.dishonestyRecord.findUniqueOrThrow({ where: { id: recordId } })).rectificationStatus).toBe('RECTIFIED');
    expectProblem(await post(world.actors.applicant, `${path}/progress`, { note: '结案后' }), 409);
  });

  it('refuses the wrong role with 403 and an action in the wrong state with 409', async () => {
    const { rectificationId, handle } = await start();
    const path = `/rectifications/${rectificationId}`;
    expectProblem(await post(world.actors.reviewer, `${path}/explanation`, explanation), 403);
    expectProblem(await post(world.actors.applicant, `${path}/review`, { accept: true, reasons: '自评' }), 403);
    expectProblem(await post(world.actors.reviewer, `${path}/extension`, { workingDays: 5, reason: '延期' }), 403);

    const early = await post(world.actors.applicant, `${path}/completion`, completion);
    expectProblem(early, 409);
    expect(early.body.detail).toMatch(/EXPLANATION_DUE/);
    expectProblem(await post(world.actors.supervisor, `${path}/extension`, { workingDays: 5, reason: '未到整改阶段' }), 409);
    await handle.signal(cancelRectificationSignal, { cause: 'TEST_DONE' });
  });

  it('rejects invalid input with 400 problem details that name the fields', async () => {
    const { rectificationId, handle } = await start();
    const path = `/rectifications/${rectificationId}`;
    const missing = await post(world.actors.applicant, `${path}/explanation`, { explanation: '' });
    expectProblem(missing, 400);
    expect(missing.body.errors.map((e: { path: string }) => e.path)).toEqual(expect.arrayContaining(['explanation', 'plan']));
    expectProblem(await post(world.actors.applicant, `${path}/explanation`, { ...explanation, admin: true }), 400);
    expectProblem(await post(world.actors.applicant, `${path}/explanation`, { ...explanation, plan: 'x'.repeat(5001) }), 400);
    const returned = await post(world.actors.reviewer, `${path}/review`, { accept: false, reasons: '不合格' });
    expectProblem(returned, 400);
    expect(returned.body.errors.map((e: { path: string }) => e.path)).toContain('newDeadlineWorkingDays');
    expectProblem(await post(world.actors.supervisor, `${path}/extension`, { workingDays: 121, reason: '过长' }), 400);
    expectProblem(await post(world.actors.applicant, `${path}/completion`, { summary: '完成', evidence: [] }), 400);
    expectProblem(await get(world.actors.admin, '/rectifications?pageSize=1000'), 400);
    expectProblem(await get(world.actors.admin, '/rectifications?status=NOPE'), 400);
    await handle.signal(cancelRectificationSignal, { cause: 'TEST_DONE' });
  });

  it("refuses another subject's evidence file in progress and completion reports with 400", async () => {
    const fileOf = async (uploader: Actor) => {
      const id = `evd-${randomBytes(6).toString('hex')}`;
      await env.prisma.evidenceFile.create({
        data: { id, caseType: 'RECTIFICATION', caseId: 'RECT-OTHER', uploadedById: uploader.id, fileName: 'x.pdf', mediaType: 'application/pdf', size: 1, sha256: '0'.repeat(64), storageKey: id },
      });
      return id;
    };
    const foreign = await fileOf(world.actors.otherApplicant);
    const own = await fileOf(world.actors.applicant);
    const { rectificationId, handle } = await start();
    const path = `/rectifications/${rectificationId}`;
    expect((await post(world.actors.applicant, `${path}/explanation`, explanation)).status).toBe(200);
    const progress = await post(world.actors.applicant, `${path}/progress`, { note: '已支付一半', evidence: [{ title: '凭证', fileId: foreign }] });
    expectProblem(progress, 400);
    expect(progress.body.errors[0].path).toBe('evidence.0.fileId');
    expectProblem(await post(world.actors.applicant, `${path}/completion`, { summary: '完成', evidence: [{ title: '凭证', fileId: own }, { title: '他人', fileId: foreign }] }), 400);
    expect((await post(world.actors.applicant, `${path}/progress`, { note: '已支付一半', evidence: [{ title: '凭证', fileId: own }] })).status).toBe(200);
    await handle.signal(cancelRectificationSignal, { cause: 'TEST_DONE' });
  });

  it('answers unknown or invisible rectifications with 404', async () => {
    const { rectificationId, handle } = await start();
    const path = `/rectifications/${rectificationId}`;
    expectProblem(await get(world.actors.applicant, '/rectifications/RECT-nope'), 404);
    expectProblem(await post(world.actors.applicant, '/rectifications/RECT-nope/explanation', explanation), 404);
    expectProblem(await get(world.actors.otherApplicant, path), 404);
    expectProblem(await get(world.actors.foreignReviewer, path), 404);
    expectProblem(await post(world.actors.otherApplicant, `${path}/explanation`, explanation), 404);
    expect((await get(world.actors.reviewer, path)).status).toBe(200);
    await handle.signal(cancelRectificationSignal, { cause: 'TEST_DONE' });
  });

  it('lists rectifications with filters (overdue, escalated, status), pagination and visibility', async () => {
    const late = await start({ explanationWorkingDays: 1, criticismAfterWorkingDays: 60 }, await queueFor({ secondsPerWorkingDay: 1 }));
    const onTime = await start();
    await eventuallyEvent(env.prisma, late.rectificationId, 'SUPERVISION_NOTICE');
    const ids = (res: request.Response) => res.body.items.map((item: { id: string }) => item.id as string);
    const list = (actor: Actor, query: string) => get(actor, `/rectifications?subjectId=${world.subjectId}&${query}`);

    const overdue = await list(world.actors.admin, 'overdue=true');
    expect(overdue.status).toBe(200);
    expect(ids(overdue)).toContain(late.rectificationId);
    expect(ids(overdue)).not.toContain(onTime.rectificationId);
    expect(overdue.body.items.find((item: { id: string }) => item.id === late.rectificationId)).toMatchObject({ overdue: true, escalationLevel: 'SUPERVISION' });
    expect(ids(await list(world.actors.reviewer, 'overdue=false'))).toContain(onTime.rectificationId);
    expect(ids(await list(world.actors.reviewer, 'escalated=true'))).toEqual(expect.arrayContaining([late.rectificationId]));
    expect(ids(await list(world.actors.reviewer, 'escalated=true'))).not.toContain(onTime.rectificationId);
    expect(ids(await list(world.actors.applicant, 'status=EXPLANATION_DUE'))).toEqual(expect.arrayContaining([late.rectificationId, onTime.rectificationId]));

    const page = await list(world.actors.admin, 'pageSize=1&page=2');
    expect(page.body).toMatchObject({ page: 2, pageSize: 1 });
    expect(page.body.items).toHaveLength(1);
    expect(page.body.total).toBeGreaterThanOrEqual(2);

    expect(ids(await list(world.actors.foreignReviewer, 'status=EXPLANATION_DUE'))).toEqual([]);
    expect(ids(await list(world.actors.otherApplicant, 'status=EXPLANATION_DUE'))).toEqual([]);
    for (const { handle } of [late, onTime]) await handle.signal(cancelRectificationSignal, { cause: 'TEST_DONE' });
  });
});
