/**
 * The console's read endpoints: a person's work across case types (GET /work-items, /work-items/summary), names on
 * cases (GET /users), the audit log (GET /audit/events), the outbox (GET /outbox/messages) and the dashboard's trends
 * (GET /stats/trends), on the real API, Temporal worker and PostgreSQL.
 */
import request from 'supertest';
import type { Express } from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ageingRanges, weekStarts } from '../../api/stats/stats-trends-service.js';
import { bearer, createTestApp } from '../support/api-harness.js';
import { createObjectionWorld, type ObjectionWorld } from '../support/objection-fixtures.js';
import { eventually } from '../support/eventually.js';
import { startRealWorker } from '../support/real-worker.js';
import { getTestEnv, uniqueId } from '../support/test-env.js';

const env = await getTestEnv();
const taskQueue = uniqueId('console-views');
let world: ObjectionWorld;
let app: Express;
let stopWorker: () => Promise<void>;

beforeAll(async () => {
  ({ stop: stopWorker } = await startRealWorker(taskQueue));
  world = await createObjectionWorld(env.prisma);
  app = await createTestApp({ taskQueue, objectionPolicyId: world.policyId });
});
afterAll(async () => {
  await stopWorker?.();
});

async function fileObjection(): Promise<string> {
  const recordId = await world.createRecord();
  const res = await request(app).post('/objections').set('Authorization', await bearer(world.actors.applicant)).send({ recordId, grounds: 'INACCURATE_OR_INCOMPLETE', statement: '金额有误' });
  expect(res.status).toBe(201);
  // The workflow opens the acceptance step (currentStep) asynchronously.
  await eventually(async () => ((await env.prisma.objection.findUnique({ where: { id: res.body.id } }))?.currentStep ? true : undefined));
  return res.body.id as string;
}

const ids = (res: request.Response) => (res.body.items as { id: string }[]).map((i) => i.id);

describe('GET /work-items', () => {
  it('shows a reviewer the open steps of their authority to claim, then as theirs once claimed, and hides them from a colleague of another authority', async () => {
    const caseId = await fileObjection();
    const reviewer = await bearer(world.actors.reviewer);
    const claimable = await request(app).get('/work-items?scope=claimable&caseType=OBJECTION&pageSize=100').set('Authorization', reviewer);
    expect(claimable.status).toBe(200);
    expect(ids(claimable)).toContain(caseId);
    const item = claimable.body.items.find((i: { id: string }) => i.id === caseId);
    expect(item).toMatchObject({ caseType: 'OBJECTION', status: 'FILED', currentStep: 'ACCEPTANCE', claimedById: null, subjectName: '测试县人民政府', authorityId: world.authorityId });

    expect((await request(app).post(`/objections/${caseId}/claim`).set('Authorization', reviewer).send({})).status).toBe(200);
    expect(ids(await request(app).get('/work-items?scope=mine&pageSize=100').set('Authorization', reviewer))).toContain(caseId);
    expect(ids(await request(app).get('/work-items?scope=claimable&pageSize=100').set('Authorization', reviewer))).not.toContain(caseId);
    // A colleague of the same authority no longer has it to act on; the foreign reviewer never sees it.
    expect(ids(await request(app).get('/work-items?pageSize=100').set('Authorization', await bearer(world.actors.reviewer2)))).not.toContain(caseId);
    expect(ids(await request(app).get('/work-items?scope=all&pageSize=100').set('Authorization', await bearer(world.actors.foreignReviewer)))).not.toContain(caseId);
    // The applicant has nothing to do while staff handle it, but sees it among all their cases, found by its record's document number.
    const applicant = await bearer(world.actors.applicant);
    expect(ids(await request(app).get('/work-items?pageSize=100').set('Authorization', applicant))).not.toContain(caseId);
    const row = await env.prisma.objection.findUniqueOrThrow({ where: { id: caseId }, include: { record: true } });
    const found = await request(app).get(`/work-items?scope=all&q=${encodeURIComponent(row.record.documentNumber)}`).set('Authorization', applicant);
    expect(ids(found)).toEqual([caseId]);
  });

  it('counts the pending work of the header badge as the list does, and refuses an unknown scope with a 400', async () => {
    await fileObjection();
    const reviewer = await bearer(world.actors.reviewer2);
    const summary = await request(app).get('/work-items/summary').set('Authorization', reviewer);
    const list = await request(app).get('/work-items?pageSize=1').set('Authorization', reviewer);
    expect(summary.status).toBe(200);
    expect(summary.body.actionable).toBeGreaterThanOrEqual(1);
    expect(summary.body.actionable).toBe(list.body.total);
    const bad = await request(app).get('/work-items?scope=everything').set('Authorization', reviewer);
    expect(bad.status).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
  });
});

describe('GET /users', () => {
  it('names the people on a case the caller may see, and leaves out people of other authorities', async () => {
    const res = await request(app)
      .get(`/users?ids=${world.actors.reviewer.id},${world.actors.applicant.id},${world.actors.foreignReviewer.id}`)
      .set('Authorization', await bearer(world.actors.reviewer));
    expect(res.status).toBe(200);
    expect(res.body.items.map((u: { id: string }) => u.id).sort()).toEqual([world.actors.applicant.id, world.actors.reviewer.id].sort());
    const applicantView = await request(app).get(`/users?ids=${world.actors.reviewer.id},${world.actors.otherApplicant.id}`).set('Authorization', await bearer(world.actors.applicant));
    expect(applicantView.body.items.map((u: { id: string }) => u.id)).toEqual([world.actors.reviewer.id]);
  });
});

describe('the administrator\'s audit log, outbox and trends', () => {
  it('lists a case\'s audit events newest first and the outbox counts by status', async () => {
    const caseId = await fileObjection();
    const admin = await bearer(world.actors.admin);
    const events = await request(app).get(`/audit/events?caseId=${caseId}`).set('Authorization', admin);
    expect(events.status).toBe(200);
    expect(events.body.total).toBe(await env.prisma.caseEvent.count({ where: { caseId } }));
    expect(events.body.items.at(-1)).toMatchObject({ type: 'FILED', actorId: world.actors.applicant.id, caseType: 'OBJECTION' });
    const outbox = await request(app).get('/outbox/messages?status=PENDING&pageSize=5').set('Authorization', admin);
    expect(outbox.status).toBe(200);
    expect(outbox.body.items.every((m: { status: string; payload?: unknown }) => m.status === 'PENDING' && m.payload === undefined)).toBe(true);
  });

  it('counts open cases by working days of age and weekly filings as the database does, with drill-down ranges that select them', async () => {
    const caseId = await fileObjection();
    const admin = await bearer(world.actors.admin);
    const res = await request(app).get('/stats/trends?weeks=4').set('Authorization', admin);
    expect(res.status).toBe(200);
    expect(res.body.throughput).toHaveLength(4);
    const youngest = res.body.ageing[0];
    expect(youngest).toMatchObject({ minWorkingDays: 0, maxWorkingDays: 5 });
    expect(youngest.counts.find((c: { caseType: string }) => c.caseType === 'OBJECTION')?.count).toBeGreaterThanOrEqual(1);
    // The bucket's drill-down range, given to the list, selects the new case.
    const drill = await request(app)
      .get(`/work-items?scope=all&open=true&caseType=OBJECTION&q=${caseId}&openedFrom=${encodeURIComponent(youngest.from)}&openedBefore=${encodeURIComponent(youngest.before)}`)
      .set('Authorization', admin);
    expect(ids(drill)).toEqual([caseId]);
    const thisWeek = res.body.throughput.at(-1);
    const filedInDb = await env.prisma.objection.count({ where: { filedAt: { gte: new Date(thisWeek.from), lt: new Date(thisWeek.before) } } });
    const filedInApi = thisWeek.filed.find((c: { caseType: string }) => c.caseType === 'OBJECTION')?.count ?? 0;
    // Other test files file cases meanwhile: the API counted no more than the database holds afterwards, and at least this one.
    expect(filedInApi).toBeGreaterThanOrEqual(1);
    expect(filedInApi).toBeLessThanOrEqual(filedInDb);
  });
});

describe('ageing buckets and weeks (calendar arithmetic)', () => {
  it('counts working days after the opening date, skipping a holiday and counting a make-up Saturday', () => {
    // 2025-10-01..08 National Day holidays; Saturday 2025-10-11 a make-up working day.
    const exceptions = new Map<string, 'HOLIDAY' | 'WORKDAY'>([
      ...['01', '02', '03', '06', '07', '08'].map((d) => [`2025-10-${d}`, 'HOLIDAY'] as [string, 'HOLIDAY']),
      ['2025-10-11', 'WORKDAY'],
    ]);
    const calendar = { exceptions, publishedYears: new Set([2025]) };
    const [young, older] = ageingRanges('2025-10-13', calendar, [
      { min: 0, max: 2 },
      { min: 3, max: null },
    ]);
    // From Monday 10-13 back: 10-13 (0), 10-12 Sun (1: 10-13 counted), 10-11 Sat (1), 10-10 Fri (2: 10-11 make-up counted), 10-09 (3).
    expect(young).toMatchObject({ fromDate: '2025-10-10', beforeDate: '2025-10-14' });
    expect(older).toMatchObject({ fromDate: null, beforeDate: '2025-10-10' });
    expect(weekStarts('2025-10-15', 2)).toEqual(['2025-10-06', '2025-10-13']);
  });
});
