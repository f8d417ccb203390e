/** The administrator's dashboard aggregates (GET /stats/cases) against the database's own counts. */
import request from 'supertest';
import type { Express } from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestApp } from '../support/api-harness.js';
import { createObjectionWorld, type ObjectionWorld } from '../support/objection-fixtures.js';
import { startRealWorker } from '../support/real-worker.js';
import { getTestEnv, uniqueId } from '../support/test-env.js';

const env = await getTestEnv();
const taskQueue = uniqueId('stats');
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

/** The same numbers, counted with Prisma from the read models. */
async function databaseCounts(asOf: Date) {
  const p = env.prisma;
  const [filed, verifying, overdueObjections, escalatedObjections, overdueRepairs] = await Promise.all([
    p.objection.count({ where: { closedAt: null, status: 'FILED' } }),
    p.objection.count({ where: { closedAt: null, status: 'UNDER_VERIFICATION' } }),
    p.objection.count({ where: { closedAt: null, dueAt: { lt: asOf } } }),
    p.objection.count({ where: { closedAt: null, escalated: true } }),
    p.repairApplication.count({ where: { closedAt: null, clockPaused: false, dueAt: { lt: asOf } } }),
  ]);
  return { filed, verifying, overdueObjections, escalatedObjections, overdueRepairs };
}

describe('GET /stats/cases', () => {
  it('counts open cases by type and status, overdue and escalated ones exactly as the database does', async () => {
    const recordId = await world.createRecord();
    const filed = await request(app).post('/objections').set('Authorization', await bearer(world.actors.applicant)).send({ recordId, grounds: 'INACCURATE_OR_INCOMPLETE', statement: '金额有误' });
    expect(filed.status).toBe(201);
    const admin = await bearer(world.actors.admin);

    // Other test files write cases meanwhile: compare only when the database did not change around the request.
    for (let attempt = 0; ; attempt++) {
      const before = await databaseCounts(new Date());
      const res = await request(app).get('/stats/cases').set('Authorization', admin);
      const after = await databaseCounts(new Date(res.body.asOf));
      expect(res.status).toBe(200);
      const count = (type: string, status: string) => res.body.openByStatus.find((r: { caseType: string; status: string }) => r.caseType === type && r.status === status)?.count ?? 0;
      const perType = (list: { caseType: string; count: number }[], type: string) => list.find((r) => r.caseType === type)?.count ?? 0;
      if (JSON.stringify(before) !== JSON.stringify(after) && attempt < 20) continue;
      expect(count('OBJECTION', 'FILED')).toBeGreaterThanOrEqual(1);
      expect(count('OBJECTION', 'FILED')).toBe(after.filed);
      expect(count('OBJECTION', 'UNDER_VERIFICATION')).toBe(after.verifying);
      expect(perType(res.body.overdue, 'OBJECTION')).toBe(after.overdueObjections);
      expect(perType(res.body.overdue, 'REPAIR')).toBe(after.overdueRepairs);
      expect(perType(res.body.escalated, 'OBJECTION')).toBe(after.escalatedObjections);
      expect(res.body.dueWithin.map((d: { workingDays: number }) => d.workingDays)).toEqual([1, 3, 5]);
      const [d1, d3, d5] = res.body.dueWithin as { count: number; dueBy: string }[];
      expect(d1!.count).toBeLessThanOrEqual(d3!.count);
      expect(d3!.count).toBeLessThanOrEqual(d5!.count);
      expect(new Date(d1!.dueBy).getTime()).toBeLessThan(new Date(d5!.dueBy).getTime());
      break;
    }
  });

  it('is for administrators only', async () => {
    expect((await request(app).get('/stats/cases').set('Authorization', await bearer(world.actors.supervisor))).status).toBe(403);
    expect((await request(app).get('/stats/cases?x=1').set('Authorization', await bearer(world.actors.admin))).status).toBe(400);
  });
});
