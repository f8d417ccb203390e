import request from 'supertest';
import type { Express } from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ClaimedByKey } from '../../workflows/shared/search-attributes.js';
import { bearer, createTestApp } from '../support/api-harness.js';
import { startRealWorker } from '../support/real-worker.js';
import { createRepairWorld, FULL_MATERIALS, repairableRecord, type RepairWorld } from '../support/repair-fixtures.js';
import { getTestEnv, uniqueId } from '../support/test-env.js';
import { eventually } from '../support/eventually.js';

const env = await getTestEnv();
const taskQueue = uniqueId('repair-claims');
let stopWorker: () => Promise<void>;
let app: Express;
let world: RepairWorld;

beforeAll(async () => {
  ({ stop: stopWorker } = await startRealWorker(taskQueue));
  world = await createRepairWorld(env.prisma);
  app = await createTestApp({
    taskQueue,
    publicationPolicyId: world.publicationPolicyId,
    rectificationPolicyId: world.rectificationPolicyId,
    repairPolicyId: world.repairPolicyId,
  });
});
afterAll(async () => {
  await stopWorker?.();
});

type Who = keyof RepairWorld['actors'];

async function post(who: Who, path: string, body: object = {}) {
  return request(app).post(path).set('Authorization', await bearer(world.actors[who])).send(body);
}

async function fileRepair(): Promise<{ id: string; workflowId: string }> {
  const record = await repairableRecord(env.prisma, env.temporalClient, taskQueue, world);
  const filed = await post('applicant', '/repairs', { recordId: record.id, materials: FULL_MATERIALS });
  expect(filed.status).toBe(201);
  const id = filed.body.id as string;
  // Filing answers before the workflow has opened its first step; a claim needs that step.
  await eventually(async () => ((await env.prisma.repairApplication.findUniqueOrThrow({ where: { id } })).currentStep ? true : undefined));
  return { id, workflowId: filed.body.workflowId as string };
}

/** The ClaimedBy search attribute of a workflow (describe() reads it from the execution, not the eventual index). */
async function claimedByAttribute(workflowId: string): Promise<string | undefined> {
  const description = await env.temporalClient.workflow.getHandle(workflowId).describe();
  return description.typedSearchAttributes.get(ClaimedByKey);
}

describe('task claims on repair applications', () => {
  it('one of two concurrent claims wins; release, reassignment, and only the claimer (or a supervisor) decides', async () => {
    const { id, workflowId } = await fileRepair();
    const base = `/repairs/${id}`;

    const [a, b] = await Promise.all([post('reviewer', `${base}/claim`, { note: '我来受理' }), post('reviewer2', `${base}/claim`)]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const [won, lost] = a.status === 200 ? [a, b] : [b, a];
    const claimer: Who = a.status === 200 ? 'reviewer' : 'reviewer2';
    const other: Who = claimer === 'reviewer' ? 'reviewer2' : 'reviewer';
    expect(lost.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(lost.body.detail).toMatch(/already claimed/);
    expect(won.body).toMatchObject({ currentStep: 'ACCEPTANCE', claimedById: world.actors[claimer].id });
    expect(await env.prisma.caseEvent.count({ where: { caseId: id, type: 'STEP_CLAIMED' } })).toBe(1);
    expect(await claimedByAttribute(workflowId)).toBe(world.actors[claimer].id);

    // Someone else's acceptance of a claimed step is refused; releasing is the claimer's (or an administrator's).
    expect((await post(other, `${base}/acceptance`)).status).toBe(403);
    expect((await post(other, `${base}/release`)).status).toBe(403);
    const released = await post(claimer, `${base}/release`, { reason: '休假' });
    expect(released.status).toBe(200);
    expect(released.body.claimedById).toBeNull();
    expect(await claimedByAttribute(workflowId)).toBeUndefined();

    // An administrator hands the step to another reviewer of the authority (never to staff of another one).
    expect((await post('admin', `${base}/assignment`, { assigneeId: world.actors.foreignReviewer.id })).status).toBe(400);
    const reassigned = await post('admin', `${base}/assignment`, { assigneeId: world.actors[other].id, reason: '工作调整' });
    expect(reassigned.status).toBe(200);
    expect(reassigned.body.claimedById).toBe(world.actors[other].id);
    expect(reassigned.body.timeline.find((e: { type: string }) => e.type === 'STEP_REASSIGNED')).toMatchObject({
      actorId: world.actors.admin.id,
      data: { previousId: null, claimedById: world.actors[other].id },
    });
    expect(await claimedByAttribute(workflowId)).toBe(world.actors[other].id);

    // Now the former claimer is the other reviewer: refused; the new claimer accepts, which ends the step and its claim.
    expect((await post(claimer, `${base}/acceptance`)).status).toBe(403);
    const accepted = await post(other, `${base}/acceptance`, { note: '受理' });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ status: 'UNDER_REVIEW', currentStep: 'REVIEW', claimedById: null });
    expect(await claimedByAttribute(workflowId)).toBeUndefined();
  });

  it('the applicant’s steps cannot be claimed, the approval step is a supervisor’s, and four-eyes still holds', async () => {
    const { id } = await fileRepair();
    const base = `/repairs/${id}`;
    expect((await post('applicant', `${base}/claim`)).status).toBe(403);
    expect((await post('foreignReviewer', `${base}/claim`)).status).toBe(404);

    // 补正: the correction window is the applicant's.
    expect((await post('reviewer', `${base}/correction-request`, { missing: ['CREDIT_COMMITMENT'], reason: '缺少承诺书' })).status).toBe(200);
    const early = await post('reviewer', `${base}/claim`);
    expect(early.status).toBe(409);
    expect(early.body.detail).toMatch(/applicant/);
    expect((await post('applicant', `${base}/materials`, { materials: [{ kind: 'CREDIT_COMMITMENT', title: '信用承诺书' }] })).status).toBe(200);

    expect((await post('reviewer', `${base}/acceptance`)).status).toBe(200);
    // The supervisor claims the review and reviews it; a supervisor may not then approve their own review.
    expect((await post('supervisor', `${base}/claim`)).status).toBe(200);
    expect((await post('reviewer', `${base}/review`, { recommendation: 'APPROVE', reasons: '符合条件' })).status).toBe(403);
    const reviewed = await post('supervisor', `${base}/review`, { recommendation: 'APPROVE', reasons: '符合条件' });
    expect(reviewed.status).toBe(200);
    expect(reviewed.body).toMatchObject({ status: 'AWAITING_APPROVAL', currentStep: 'APPROVAL', claimedById: null });

    expect((await post('reviewer', `${base}/claim`)).status).toBe(403); // a supervisor's step
    expect((await post('supervisor', `${base}/claim`)).status).toBe(403); // the reviewer may not hold the approval
    expect((await post('admin', `${base}/assignment`, { assigneeId: world.actors.reviewer.id })).status).toBe(400);
    expect((await post('supervisor2', `${base}/claim`)).status).toBe(200);
    expect((await post('supervisor', `${base}/decision`, { approve: true, reasons: '同意' })).status).toBe(403);
    const approved = await post('supervisor2', `${base}/decision`, { approve: true, reasons: '同意' });
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ status: 'APPROVED', claimedById: null, decidedById: world.actors.supervisor2.id });
  });
});
