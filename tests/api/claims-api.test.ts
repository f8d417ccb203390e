import request from 'supertest';
import type { Express } from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ClaimedByKey } from '../../workflows/shared/search-attributes.js';
import { bearer, createTestApp } from '../support/api-harness.js';
import { createObjectionWorld, type ObjectionWorld } from '../support/objection-fixtures.js';
import { eventually } from '../support/eventually.js';
import { startRealWorker } from '../support/real-worker.js';
import { startRectification } from '../support/rectification-fixtures.js';
import { getTestEnv, uniqueId } from '../support/test-env.js';

const env = await getTestEnv();
const taskQueue = uniqueId('claims-api');
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

type Who = keyof ObjectionWorld['actors'];

async function post(who: Who, path: string, body: object = {}) {
  return request(app).post(path).set('Authorization', await bearer(world.actors[who])).send(body);
}

async function fileObjection(): Promise<string> {
  const recordId = await world.createRecord();
  const res = await post('applicant', '/objections', { recordId, grounds: 'INACCURATE_OR_INCOMPLETE', statement: '金额错误' });
  expect(res.status).toBe(201);
  const caseId = res.body.id as string;
  // Filing answers before the workflow has opened its first step; a claim needs that step.
  await eventually(async () => ((await env.prisma.objection.findUniqueOrThrow({ where: { id: caseId } })).currentStep ? true : undefined));
  return caseId;
}

/** The ClaimedBy search attribute of a workflow (describe() reads it from the execution, not the eventual index). */
async function claimedByAttribute(workflowId: string): Promise<string | undefined> {
  const description = await env.temporalClient.workflow.getHandle(workflowId).describe();
  return description.typedSearchAttributes.get(ClaimedByKey);
}

describe('task claims on objection cases', () => {
  it('a reviewer claims the open step: the case, its timeline and the ClaimedBy search attribute show it', async () => {
    const caseId = await fileObjection();
    const claimed = await post('reviewer', `/objections/${caseId}/claim`, { note: '我来处理' });
    expect(claimed.status).toBe(200);
    expect(claimed.body).toMatchObject({ currentStep: 'ACCEPTANCE', claimedById: world.actors.reviewer.id });
    expect(claimed.body.timeline.map((e: { type: string }) => e.type)).toContain('STEP_CLAIMED');
    expect(await claimedByAttribute(claimed.body.workflowId)).toBe(world.actors.reviewer.id);

    // Only the claimer (or a supervisor) decides a claimed step; the claimer's decision ends the step and its claim.
    expect((await post('reviewer2', `/objections/${caseId}/accept`)).status).toBe(403);
    const accepted = await post('reviewer', `/objections/${caseId}/accept`);
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ status: 'UNDER_VERIFICATION', currentStep: 'VERIFICATION', claimedById: null });
    expect(await claimedByAttribute(accepted.body.workflowId)).toBeUndefined();
  });

  it('of two concurrent claims exactly one wins; the other is a 409 problem', async () => {
    const caseId = await fileObjection();
    const [a, b] = await Promise.all([post('reviewer', `/objections/${caseId}/claim`), post('reviewer2', `/objections/${caseId}/claim`)]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const [winner, loser] = a.status === 200 ? [a, b] : [b, a];
    expect(loser.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(loser.body.detail).toMatch(/already claimed/);
    const row = await env.prisma.objection.findUniqueOrThrow({ where: { id: caseId } });
    expect(row.claimedById).toBe(winner.body.claimedById);
    const claims = await env.prisma.caseEvent.count({ where: { caseId, type: 'STEP_CLAIMED' } });
    expect(claims).toBe(1);
  });

  it('the claimer or an administrator releases a claim; anyone else is refused', async () => {
    const caseId = await fileObjection();
    expect((await post('reviewer', `/objections/${caseId}/release`)).status).toBe(409); // nothing claimed yet
    expect((await post('reviewer', `/objections/${caseId}/claim`)).status).toBe(200);
    expect((await post('reviewer', `/objections/${caseId}/claim`)).status).toBe(409); // already theirs
    expect((await post('reviewer2', `/objections/${caseId}/release`)).status).toBe(403);
    const released = await post('reviewer', `/objections/${caseId}/release`, { reason: '休假' });
    expect(released.status).toBe(200);
    expect(released.body.claimedById).toBeNull();
    expect(await claimedByAttribute(released.body.workflowId)).toBeUndefined();

    expect((await post('reviewer2', `/objections/${caseId}/claim`)).status).toBe(200);
    const byAdmin = await post('admin', `/objections/${caseId}/release`);
    expect(byAdmin.status).toBe(200);
    expect(byAdmin.body.claimedById).toBeNull();
  });

  it('an administrator reassigns a step to a named reviewer of the case’s authority, but cannot claim or decide', async () => {
    const caseId = await fileObjection();
    expect((await post('reviewer', `/objections/${caseId}/claim`)).status).toBe(200);
    expect((await post('admin', `/objections/${caseId}/claim`)).status).toBe(403);
    expect((await post('reviewer', `/objections/${caseId}/assignment`, { assigneeId: world.actors.reviewer2.id })).status).toBe(403);
    const foreign = await post('admin', `/objections/${caseId}/assignment`, { assigneeId: world.actors.foreignReviewer.id });
    expect(foreign.status).toBe(400);
    expect((await post('admin', `/objections/${caseId}/assignment`, { assigneeId: 'nobody-at-all' })).status).toBe(400);

    const reassigned = await post('admin', `/objections/${caseId}/assignment`, { assigneeId: world.actors.reviewer2.id, reason: '工作调整' });
    expect(reassigned.status).toBe(200);
    expect(reassigned.body.claimedById).toBe(world.actors.reviewer2.id);
    const event = reassigned.body.timeline.find((e: { type: string }) => e.type === 'STEP_REASSIGNED');
    expect(event).toMatchObject({ actorId: world.actors.admin.id, data: { previousId: world.actors.reviewer.id, claimedById: world.actors.reviewer2.id } });
    expect(await claimedByAttribute(reassigned.body.workflowId)).toBe(world.actors.reviewer2.id);

    expect((await post('admin', `/objections/${caseId}/accept`)).status).toBe(403);
    expect((await post('reviewer', `/objections/${caseId}/accept`)).status).toBe(403);
    // A supervisor may act on a step someone else claimed.
    const bySupervisor = await post('supervisor', `/objections/${caseId}/accept`);
    expect(bySupervisor.status).toBe(200);
    expect(bySupervisor.body.claimedById).toBeNull();
  });

  it('claims are for staff of the case’s authority, on a step that staff work on', async () => {
    const caseId = await fileObjection();
    expect((await post('applicant', `/objections/${caseId}/claim`)).status).toBe(403);
    expect((await post('foreignReviewer', `/objections/${caseId}/claim`)).status).toBe(404);
    // An unclaimed step stays open to every reviewer of the authority.
    expect((await post('reviewer2', `/objections/${caseId}/accept`)).status).toBe(200);
    const withdrawn = await post('applicant', `/objections/${caseId}/withdraw`, {});
    expect(withdrawn.status).toBe(200);
    const closed = await post('reviewer', `/objections/${caseId}/claim`);
    expect(closed.status).toBe(409);
  });
});

describe('task claims on rectification cases', () => {
  it('the review step is claimed, decided only by its claimer or a supervisor, and cleared when it ends', async () => {
    const { rectificationId, workflowId } = await startRectification(env.prisma, env.temporalClient, taskQueue, world);
    const base = `/rectifications/${rectificationId}`;
    // The body's own steps are not for staff to claim.
    const early = await post('reviewer', `${base}/claim`);
    expect(early.status).toBe(409);
    expect(early.body.detail).toMatch(/applicant/);

    expect((await post('applicant', `${base}/explanation`, { explanation: '原因说明', plan: '整改方案' })).status).toBe(200);
    const completed = await post('applicant', `${base}/completion`, { summary: '已整改', evidence: [{ title: '整改报告' }] });
    expect(completed.status).toBe(200);
    await eventually(async () => ((await env.prisma.rectification.findUnique({ where: { id: rectificationId } }))?.currentStep === 'REVIEW' ? true : undefined));

    const [a, b] = await Promise.all([post('reviewer', `${base}/claim`), post('reviewer2', `${base}/claim`)]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const claimer = a.status === 200 ? 'reviewer' : 'reviewer2';
    const other = claimer === 'reviewer' ? 'reviewer2' : 'reviewer';
    expect((a.status === 200 ? a : b).body).toMatchObject({ currentStep: 'REVIEW', claimedById: world.actors[claimer].id });
    expect(await claimedByAttribute(workflowId)).toBe(world.actors[claimer].id);

    expect((await post(other, `${base}/review`, { accept: true, reasons: '整改到位' })).status).toBe(403);
    const reviewed = await post(claimer, `${base}/review`, { accept: true, reasons: '整改到位' });
    expect(reviewed.status).toBe(200);
    expect(reviewed.body).toMatchObject({ status: 'RECTIFIED', claimedById: null });
    expect(reviewed.body.timeline.map((e: { type: string }) => e.type)).toEqual(expect.arrayContaining(['STEP_CLAIMED', 'RECTIFIED']));
  });
});
