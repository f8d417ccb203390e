import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestApp } from '../support/api-harness.js';
import { createObjectionWorld } from '../support/objection-fixtures.js';
import { eventually } from '../support/eventually.js';
import { createPrivateDatabase } from '../support/private-database.js';
import { startRealWorker } from '../support/real-worker.js';
import { uniqueId } from '../support/test-env.js';

// These tests unpublish and correct the current year's calendar, which every deadline of every other test is
// counted through: they run on a database of their own, so no other test ever sees those changes.
const db = await createPrivateDatabase('calendar_recompute');
const env = { prisma: db.prisma };
const taskQueue = uniqueId('calendar-recompute');
let stopWorker: () => Promise<void>;

beforeAll(async () => {
  // Real time: the working-day calendar, not a test's compressed clock.
  ({ stop: stopWorker } = await startRealWorker(taskQueue, { prisma: db.prisma, timeScale: {} }));
});
afterAll(async () => {
  await stopWorker?.();
});

describe('provisional deadlines', () => {
  it('a deadline counted through an unpublished year is provisional, and is recomputed when an administrator publishes the year', async () => {
    // Today's year is made "unpublished" for the length of the test (in this file's own database).
    const world = await createObjectionWorld(env.prisma);
    const app = await createTestApp({ taskQueue, objectionPolicyId: world.policyId, prisma: db.prisma });
    const admin = await bearer(world.actors.admin);
    const year = Number(new Intl.DateTimeFormat('en', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date()));

    const saved = await request(app).get(`/calendar/years/${year}`).set('Authorization', admin);
    const published = saved.status === 200;
    const days = published ? saved.body.days : [];
    const source = published ? saved.body.source : 'test';
    await env.prisma.calendarYear.deleteMany({ where: { year } });
    await env.prisma.calendarRevision.create({ data: { change: `test: unpublish ${year}`, actorId: 'test' } });
    try {
      const recordId = await world.createRecord();
      const filed = await request(app)
        .post('/objections')
        .set('Authorization', await bearer(world.actors.applicant))
        .send({ recordId, grounds: 'INACCURATE_OR_INCOMPLETE', statement: '数额错误' });
      expect(filed.status).toBe(201);
      const caseId = filed.body.id as string;
      const provisional = await eventually(async () => {
        const row = await env.prisma.objection.findUniqueOrThrow({ where: { id: caseId } });
        return row.dueAt ? row : undefined;
      });
      expect(provisional.dueProvisional).toBe(true);

      const put = await request(app)
        .put(`/calendar/years/${year}`)
        .set('Authorization', admin)
        .send({ source, days: days.map((d: { date: string; kind: string; name: string }) => ({ date: d.date, kind: d.kind, name: d.name })) });
      expect(put.status).toBe(200);
      expect(put.body.recomputedCases).toBeGreaterThanOrEqual(1);

      const recomputed = await eventually(async () => {
        const row = await env.prisma.objection.findUniqueOrThrow({ where: { id: caseId } });
        return row.dueProvisional ? undefined : row;
      });
      expect(recomputed.calendarVersion).not.toBe(provisional.calendarVersion);
      const events = await env.prisma.caseEvent.findMany({ where: { caseId, type: 'DEADLINE_RECOMPUTED' } });
      expect(events).toHaveLength(1);
    } finally {
      // The next test of this file counts through the same year: it is published again even when an assertion failed.
      if (published && !(await env.prisma.calendarYear.findUnique({ where: { year } }))) {
        await request(app).put(`/calendar/years/${year}`).set('Authorization', admin).send({ source, days: days.map((d: { date: string; kind: string; name: string }) => ({ date: d.date, kind: d.kind, name: d.name })) });
      }
    }
  });

  it('a correction of a published year moves the deadlines counted through it', async () => {
    const world = await createObjectionWorld(env.prisma);
    const app = await createTestApp({ taskQueue, objectionPolicyId: world.policyId, prisma: db.prisma });
    const admin = await bearer(world.actors.admin);
    const year = Number(new Intl.DateTimeFormat('en', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date()));
    const saved = await request(app).get(`/calendar/years/${year}`).set('Authorization', admin);
    expect(saved.status).toBe(200);
    const days = saved.body.days.map((d: { date: string; kind: string; name: string }) => ({ date: d.date, kind: d.kind, name: d.name }));

    const recordId = await world.createRecord();
    const filed = await request(app)
      .post('/objections')
      .set('Authorization', await bearer(world.actors.applicant))
      .send({ recordId, grounds: 'INACCURATE_OR_INCOMPLETE', statement: '数额错误' });
    const caseId = filed.body.id as string;
    const before = await eventually(async () => {
      const row = await env.prisma.objection.findUniqueOrThrow({ where: { id: caseId } });
      return row.dueAt ? row : undefined;
    });
    expect(before.dueProvisional).toBe(false);
    const dueDate = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date(before.dueAt!.getTime() - 1));
    if (Number(dueDate.slice(0, 4)) !== year) return; // the deadline runs into the next year: nothing to correct here

    try {
      // The office corrects the arrangement: the due date becomes a holiday.
      const put = await request(app)
        .put(`/calendar/years/${year}`)
        .set('Authorization', admin)
        .send({ source: saved.body.source, days: [...days.filter((d: { date: string }) => d.date !== dueDate), { date: dueDate, kind: 'HOLIDAY', name: '更正' }] });
      expect(put.status).toBe(200);
      expect(put.body.recomputedCases).toBeGreaterThanOrEqual(1);
      const after = await eventually(async () => {
        const row = await env.prisma.objection.findUniqueOrThrow({ where: { id: caseId } });
        return row.dueAt && row.dueAt.getTime() > before.dueAt!.getTime() ? row : undefined;
      });
      expect(after.dueProvisional).toBe(false);
      expect(await env.prisma.caseEvent.count({ where: { caseId, type: 'DEADLINE_RECOMPUTED' } })).toBeGreaterThanOrEqual(1);
    } finally {
      await request(app).put(`/calendar/years/${year}`).set('Authorization', admin).send({ source: saved.body.source, days });
    }
  });

  it('only an administrator may change the calendar', async () => {
    const world = await createObjectionWorld(env.prisma);
    const app = await createTestApp({ taskQueue, prisma: db.prisma });
    const res = await request(app)
      .put('/calendar/years/2031')
      .set('Authorization', await bearer(world.actors.reviewer))
      .send({ source: 'x', days: [] });
    expect(res.status).toBe(403);
  });
});
