/**
 * Issue 11: 转办 (hand a step to a colleague), 委派 (delegate it; it comes back), 催办 (a supervisor urges an overdue
 * step) and bulk claims/reassignments with a result per case — on real Temporal and PostgreSQL.
 */
import request from 'supertest';
import type { Express } from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestApp } from '../support/api-harness.js';
import { createObjectionWorld, type ObjectionWorld } from '../support/objection-fixtures.js';
import { eventually } from '../support/eventually.js';
import { startRealWorker } from '../support/real-worker.js';
import { startRectification } from '../support/rectification-fixtures.js';
import { getTestEnv, uniqueId } from '../support/test-env.js';

const env = await getTestEnv();
const taskQueue = uniqueId('step-handover');
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
async function get(who: Who, path: string) {
  return request(app).get(path).set('Authorization', await bearer(world.actors[who]));
}

/** The cases of 我已认领 (scope=mine) of someone. */
async function mineOf(who: Who): Promise<string[]> {
  const res = await get(who, '/work-items?scope=mine&caseType=OBJECTION&pageSize=100');
  expect(res.status).toBe(200);
  return (res.body.items as { id: string }[]).map((i) => i.id);
}

async function fileObjection(): Promise<string> {
  const recordId = await world.createRecord();
  const res = await post('applicant', '/objections', { recordId, grounds: 'INACCURATE_OR_INCOMPLETE', statement: '金额错误' });
  expect(res.status).toBe(201);
  const caseId = res.body.id as string;
  await eventually(async () => ((await env.prisma.objection.findUniqueOrThrow({ where: { id: caseId } })).currentStep ? true : undefined));
  return caseId;
}

async function claimedObjection(who: Who = 'reviewer'): Promise<string> {
  const caseId = await fileObjection();
  expect((await post(who, `/objections/${caseId}/claim`)).status).toBe(200);
  return caseId;
}

const types = (body: { timeline: { type: string }[] }) => body.timeline.map((e) => e.type);

/** The 转办/委派 notices of a case in the outbox, oldest first. */
async function noticesOf(caseId: string) {
  const rows = await env.prisma.outboxMessage.findMany({
    where: { topic: { startsWith: 'step.' }, NOT: { topic: 'step.urged' }, payload: { path: ['caseId'], equals: caseId } },
    orderBy: { createdAt: 'asc' },
    select: { topic: true, recipientId: true, payload: true },
  });
  return rows;
}

describe('转办: the claimer hands the step to a colleague', () => {
  it('the colleague becomes the claimer and may decide; the timeline keeps the note and who passed it', async () => {
    const caseId = await claimedObjection();
    const handed = await post('reviewer', `/objections/${caseId}/handover`, { colleagueId: world.actors.reviewer2.id, note: '本人出差，转同事办理' });
    expect(handed.status).toBe(200);
    expect(handed.body.claimedById).toBe(world.actors.reviewer2.id);
    const event = handed.body.timeline.find((e: { type: string }) => e.type === 'STEP_HANDED_OVER');
    expect(event).toMatchObject({ actorId: world.actors.reviewer.id, reason: '本人出差，转同事办理', data: { claimedById: world.actors.reviewer2.id, previousId: world.actors.reviewer.id } });
    // The audit trail has it too (one writer, the case's chain).
    expect(await env.prisma.caseEvent.count({ where: { caseId, type: 'STEP_HANDED_OVER' } })).toBe(1);
    // The colleague is told, through the outbox, in the event's transaction: one message.
    expect(await noticesOf(caseId)).toEqual([
      {
        topic: 'step.handed-over',
        recipientId: world.actors.reviewer2.id,
        payload: { caseType: 'OBJECTION', caseId, step: expect.any(String), fromId: world.actors.reviewer.id, note: '本人出差，转同事办理' },
      },
    ]);

    expect((await post('reviewer', `/objections/${caseId}/accept`)).status).toBe(403);
    expect((await post('reviewer2', `/objections/${caseId}/accept`)).status).toBe(200);
  });

  it('is refused without a note, to someone who may not work on the step, and to anyone but the claimer', async () => {
    const caseId = await claimedObjection();
    const noNote = await post('reviewer', `/objections/${caseId}/handover`, { colleagueId: world.actors.reviewer2.id, note: '  ' });
    expect(noNote.status).toBe(400);
    const foreign = await post('reviewer', `/objections/${caseId}/handover`, { colleagueId: world.actors.foreignReviewer.id, note: '转办' });
    expect(foreign.status).toBe(400);
    expect(foreign.body.detail).toMatch(/colleague must be a reviewer or supervisor of the authority/);
    const toApplicant = await post('reviewer', `/objections/${caseId}/handover`, { colleagueId: world.actors.applicant.id, note: '转办' });
    expect(toApplicant.status).toBe(400);
    const unknown = await post('reviewer', `/objections/${caseId}/handover`, { colleagueId: 'no-such-user', note: '转办' });
    expect(unknown.status).toBe(400);
    const notClaimer = await post('reviewer2', `/objections/${caseId}/handover`, { colleagueId: world.actors.supervisor.id, note: '转办' });
    expect(notClaimer.status).toBe(403);
    expect(notClaimer.body.detail).toMatch(/who claimed the step/);
    const unclaimed = await fileObjection();
    expect((await post('reviewer', `/objections/${unclaimed}/handover`, { colleagueId: world.actors.reviewer2.id, note: '转办' })).status).toBe(409);
    // Nothing of the refusals reached the case.
    expect(await env.prisma.caseEvent.count({ where: { caseId, type: 'STEP_HANDED_OVER' } })).toBe(0);
    expect((await env.prisma.objection.findUniqueOrThrow({ where: { id: caseId } })).claimedById).toBe(world.actors.reviewer.id);
  });

  it('every case type has it: a rectification under review is handed over the same way', async () => {
    const { rectificationId } = await startRectification(env.prisma, env.temporalClient, taskQueue, world);
    const base = `/rectifications/${rectificationId}`;
    expect((await post('applicant', `${base}/explanation`, { explanation: '原因', plan: '方案' })).status).toBe(200);
    expect((await post('applicant', `${base}/completion`, { summary: '完成', evidence: [{ title: '报告' }] })).status).toBe(200);
    await eventually(async () => ((await env.prisma.rectification.findUniqueOrThrow({ where: { id: rectificationId } })).currentStep === 'REVIEW' ? true : undefined));
    expect((await post('reviewer', `${base}/claim`)).status).toBe(200);
    const handed = await post('reviewer', `${base}/handover`, { colleagueId: world.actors.supervisor.id, note: '请负责人审核' });
    expect(handed.status).toBe(200);
    expect(handed.body.claimedById).toBe(world.actors.supervisor.id);
    expect(types(handed.body)).toContain('STEP_HANDED_OVER');
    expect(await noticesOf(rectificationId)).toEqual([
      { topic: 'step.handed-over', recipientId: world.actors.supervisor.id, payload: expect.objectContaining({ caseType: 'RECTIFICATION', caseId: rectificationId, step: 'REVIEW' }) },
    ]);
  });
});

describe('委派: the claimer delegates; the step comes back when the delegate is done', () => {
  it('the delegate holds the step but may not decide it; they return it with a note and the delegator decides', async () => {
    const caseId = await claimedObjection();
    const delegated = await post('reviewer', `/objections/${caseId}/delegation`, { colleagueId: world.actors.reviewer2.id, note: '请核实执行情况' });
    expect(delegated.status).toBe(200);
    expect(delegated.body.claimedById).toBe(world.actors.reviewer2.id);
    expect(delegated.body.timeline.find((e: { type: string }) => e.type === 'STEP_DELEGATED')).toMatchObject({
      actorId: world.actors.reviewer.id,
      reason: '请核实执行情况',
      data: { delegatedById: world.actors.reviewer.id, claimedById: world.actors.reviewer2.id },
    });

    // 我已认领: the delegate holds it, and the delegator still finds it in their list while it is out.
    expect(await mineOf('reviewer2')).toContain(caseId);
    expect(await mineOf('reviewer')).toContain(caseId);
    expect(await mineOf('supervisor')).not.toContain(caseId);

    const delegateDecides = await post('reviewer2', `/objections/${caseId}/accept`);
    expect(delegateDecides.status).toBe(403);
    expect(delegateDecides.body.detail).toMatch(/delegated to you by/);
    expect((await post('reviewer', `/objections/${caseId}/accept`)).status).toBe(403);
    // A delegate neither hands the step on nor delegates it further; only they return it.
    expect((await post('reviewer2', `/objections/${caseId}/handover`, { colleagueId: world.actors.supervisor.id, note: '再转' })).status).toBe(409);
    expect((await post('reviewer', `/objections/${caseId}/delegation/return`, { note: '收回' })).status).toBe(403);
    expect((await post('reviewer2', `/objections/${caseId}/delegation/return`, {})).status).toBe(400);

    const returned = await post('reviewer2', `/objections/${caseId}/delegation/return`, { note: '已核实：判决已履行' });
    expect(returned.status).toBe(200);
    expect(returned.body.claimedById).toBe(world.actors.reviewer.id);
    expect(await mineOf('reviewer')).toContain(caseId);
    expect(await mineOf('reviewer2')).not.toContain(caseId);
    expect(returned.body.timeline.find((e: { type: string }) => e.type === 'STEP_DELEGATION_RETURNED')).toMatchObject({
      actorId: world.actors.reviewer2.id,
      reason: '已核实：判决已履行',
    });
    expect((await post('reviewer2', `/objections/${caseId}/delegation/return`, { note: '再交回' })).status).toBe(409);
    // The delegate was told when it came to them, the delegator when it came back.
    expect(await noticesOf(caseId)).toEqual([
      { topic: 'step.delegated', recipientId: world.actors.reviewer2.id, payload: expect.objectContaining({ fromId: world.actors.reviewer.id, note: '请核实执行情况' }) },
      { topic: 'step.delegation-returned', recipientId: world.actors.reviewer.id, payload: expect.objectContaining({ fromId: world.actors.reviewer2.id, note: '已核实：判决已履行' }) },
    ]);
    expect((await post('reviewer', `/objections/${caseId}/accept`)).status).toBe(200);
  });

  it('an administrator’s reassignment ends a delegation: the assignee decides', async () => {
    const caseId = await claimedObjection();
    expect((await post('reviewer', `/objections/${caseId}/delegation`, { colleagueId: world.actors.reviewer2.id, note: '请协助' })).status).toBe(200);
    expect((await post('admin', `/objections/${caseId}/assignment`, { assigneeId: world.actors.reviewer2.id, reason: '调整分工' })).status).toBe(200);
    // The delegation ended: the former delegator no longer finds it in 我已认领.
    expect(await mineOf('reviewer')).not.toContain(caseId);
    expect((await post('reviewer2', `/objections/${caseId}/delegation/return`, { note: '交回' })).status).toBe(409);
    expect((await post('reviewer2', `/objections/${caseId}/accept`)).status).toBe(200);
  });
});

describe('the colleague picker', () => {
  it('lists the staff of the case’s authority who may take the step, without the caller, the claimer or other authorities', async () => {
    const caseId = await claimedObjection();
    const res = await get('reviewer', `/work-items/OBJECTION/${caseId}/colleagues`);
    expect(res.status).toBe(200);
    const ids = res.body.items.map((u: { id: string }) => u.id);
    expect(res.body.step).toBe('ACCEPTANCE');
    expect(ids).toEqual(expect.arrayContaining([world.actors.reviewer2.id, world.actors.supervisor.id]));
    expect(ids).not.toContain(world.actors.reviewer.id);
    expect(ids).not.toContain(world.actors.foreignReviewer.id);
    expect(ids).not.toContain(world.actors.applicant.id);
    expect((await get('foreignReviewer', `/work-items/OBJECTION/${caseId}/colleagues`)).status).toBe(404);
  });
});

describe('催办: a supervisor urges an overdue step', () => {
  async function makeOverdue(caseId: string) {
    await env.prisma.objection.update({ where: { id: caseId }, data: { dueAt: new Date(Date.now() - 86_400_000) } });
  }

  it('is recorded on the timeline, notifies the claimer and lists the step among the supervisor’s reminders', async () => {
    const caseId = await claimedObjection();
    const early = await post('supervisor', `/work-items/OBJECTION/${caseId}/urge`, { note: '请尽快办理' });
    expect(early.status).toBe(409);
    expect(early.body.detail).toMatch(/not overdue/);
    await makeOverdue(caseId);

    const reminders = await get('supervisor', '/work-items?scope=urgeable&pageSize=100');
    expect(reminders.status).toBe(200);
    expect(reminders.body.items.map((i: { id: string }) => i.id)).toContain(caseId);
    expect((await get('reviewer', '/work-items?scope=urgeable')).body.total).toBe(0);

    expect((await post('supervisor', `/work-items/OBJECTION/${caseId}/urge`, {})).status).toBe(400);
    expect((await post('reviewer', `/work-items/OBJECTION/${caseId}/urge`, { note: '催' })).status).toBe(403);
    const urged = await post('supervisor', `/work-items/OBJECTION/${caseId}/urge`, { note: '请尽快办理' });
    expect(urged.status).toBe(200);
    expect(urged.body).toMatchObject({ caseType: 'OBJECTION', caseId, step: 'ACCEPTANCE', notified: [world.actors.reviewer.id] });

    const view = await get('reviewer', `/objections/${caseId}`);
    expect(view.body.timeline.find((e: { type: string }) => e.type === 'STEP_URGED')).toMatchObject({
      actorId: world.actors.supervisor.id,
      reason: '请尽快办理',
      data: { step: 'ACCEPTANCE', claimedById: world.actors.reviewer.id },
    });
    const messages = await env.prisma.outboxMessage.findMany({ where: { topic: 'step.urged', recipientId: world.actors.reviewer.id } });
    expect(messages.filter((m) => (m.payload as { caseId: string }).caseId === caseId)).toHaveLength(1);
  });

  it('an unclaimed overdue step notifies everyone who may claim it; a supervisor of another authority does not see the case', async () => {
    const caseId = await fileObjection();
    await makeOverdue(caseId);
    const urged = await post('supervisor', `/work-items/OBJECTION/${caseId}/urge`, { note: '无人认领，请认领办理' });
    expect(urged.status).toBe(200);
    expect(urged.body.notified).toEqual(expect.arrayContaining([world.actors.reviewer.id, world.actors.reviewer2.id]));
    expect(urged.body.notified).not.toContain(world.actors.supervisor.id);
    expect(urged.body.notified).not.toContain(world.actors.foreignReviewer.id);

    const foreignSupervisor = { id: uniqueId('foreign-supervisor'), role: 'SUPERVISOR' as const, subjectId: null, authorityId: world.otherAuthorityId };
    await env.prisma.user.create({ data: { id: foreignSupervisor.id, name: foreignSupervisor.id, role: 'SUPERVISOR', authorityId: world.otherAuthorityId } });
    const res = await request(app)
      .post(`/work-items/OBJECTION/${caseId}/urge`)
      .set('Authorization', await bearer(foreignSupervisor))
      .send({ note: '催办' });
    expect(res.status).toBe(404);
  });
});

describe('bulk actions', () => {
  it('a reviewer claims several cases at once: each case answers for itself', async () => {
    const free = await fileObjection();
    const taken = await claimedObjection('reviewer2');
    const res = await post('reviewer', '/work-items/claims', {
      items: [
        { caseType: 'OBJECTION', caseId: free },
        { caseType: 'OBJECTION', caseId: taken },
        { caseType: 'REPAIR', caseId: 'no-such-case' },
      ],
    });
    expect(res.status).toBe(200);
    expect(res.body.map((r: { status: number }) => r.status)).toEqual([200, 409, 404]);
    expect(res.body[0]).toMatchObject({ caseType: 'OBJECTION', caseId: free, claimedById: world.actors.reviewer.id });
    expect(res.body[1].problem.detail).toMatch(/already claimed/);
    // The refusal changed nothing, and did not undo the claim before it.
    expect((await env.prisma.objection.findUniqueOrThrow({ where: { id: free } })).claimedById).toBe(world.actors.reviewer.id);
    expect((await env.prisma.objection.findUniqueOrThrow({ where: { id: taken } })).claimedById).toBe(world.actors.reviewer2.id);

    const foreign = await post('foreignReviewer', '/work-items/claims', { items: [{ caseType: 'OBJECTION', caseId: free }] });
    expect(foreign.status).toBe(200);
    expect(foreign.body[0].status).toBe(404);
    expect((await post('reviewer', '/work-items/claims', { items: [] })).status).toBe(400);
    expect((await post('reviewer', '/work-items/claims', { items: Array.from({ length: 51 }, () => ({ caseType: 'OBJECTION', caseId: free })) })).status).toBe(400);
  });

  it('an administrator reassigns several cases to one reviewer; a case whose step that reviewer may not take is refused alone', async () => {
    const first = await claimedObjection('reviewer');
    const second = await fileObjection();
    const res = await post('admin', '/work-items/assignments', {
      items: [
        { caseType: 'OBJECTION', caseId: first },
        { caseType: 'OBJECTION', caseId: second },
      ],
      assigneeId: world.actors.reviewer2.id,
      reason: '人员调整',
    });
    expect(res.status).toBe(200);
    expect(res.body.map((r: { status: number }) => r.status)).toEqual([200, 200]);
    for (const id of [first, second]) expect((await env.prisma.objection.findUniqueOrThrow({ where: { id } })).claimedById).toBe(world.actors.reviewer2.id);

    const toForeign = await post('admin', '/work-items/assignments', { items: [{ caseType: 'OBJECTION', caseId: first }], assigneeId: world.actors.foreignReviewer.id });
    expect(toForeign.status).toBe(200);
    expect(toForeign.body[0]).toMatchObject({ status: 400 });
    expect((await post('reviewer', '/work-items/assignments', { items: [{ caseType: 'OBJECTION', caseId: first }], assigneeId: world.actors.reviewer.id })).status).toBe(403);
  });
});
