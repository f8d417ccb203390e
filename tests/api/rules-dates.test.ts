import { randomBytes } from 'node:crypto';
import request from 'supertest';
import type { Express } from 'express';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { bearer, createTestApp } from '../support/api-harness.js';
import { createRepairWorld, type RepairWorld } from '../support/repair-fixtures.js';
import { registration } from '../support/record-fixtures.js';
import { getTestEnv, uniqueId } from '../support/test-env.js';
import { appendAuditEvent } from '../../lib/audit/append-audit-event.js';

const env = await getTestEnv();
// No worker: these checks read the database only (a registered record's lifecycle simply waits).
const taskQueue = uniqueId('rules-dates');
let app: Express;
let world: RepairWorld;

// 01:30 on 2026-03-02 in Beijing, still 2026-03-01 in UTC.
const NIGHT = new Date('2026-03-01T17:30:00Z');

beforeAll(async () => {
  world = await createRepairWorld(env.prisma, { repeatOffenceLimit: 2 });
  app = await createTestApp({ taskQueue, publicationPolicyId: world.publicationPolicyId, rectificationPolicyId: world.rectificationPolicyId, repairPolicyId: world.repairPolicyId });
});
afterEach(() => {
  vi.useRealTimers();
});

const day = (value: string) => new Date(`${value}T00:00:00.000Z`);

/** A record row as a lifecycle leaves it (no workflow needed for the reads under test). */
async function insertRecord(fields: { subjectId?: string; publishedUntil?: string; minPublishedUntil?: string; status?: 'ACTIVE' | 'REVOKED' | 'DELETED'; rectificationStatus?: string; decisionDate?: string }) {
  const id = `rec-test-${randomBytes(5).toString('hex')}`;
  await env.prisma.dishonestyRecord.create({
    data: {
      id,
      subjectId: fields.subjectId ?? world.subjectId,
      authorityId: world.authorityId,
      source: 'COURT_JUDGMENT',
      documentNumber: `（2026）测${id}`,
      severity: 'GENERAL',
      policyArea: 'ARREARS_TO_FIRMS',
      facts: { title: '拖欠民营企业账款', summary: '未按期支付工程款' },
      decisionDate: day(fields.decisionDate ?? '2025-02-28'),
      publishedFrom: day(fields.decisionDate ?? '2025-02-28'),
      publishedUntil: day(fields.publishedUntil ?? '2027-01-01'),
      minPublishedUntil: day(fields.minPublishedUntil ?? '2025-05-28'),
      status: fields.status ?? 'ACTIVE',
      rectificationStatus: fields.rectificationStatus ?? 'NOT_REQUIRED',
    },
  });
  return id;
}

async function publicIds(): Promise<string[]> {
  const ids: string[] = [];
  for (let page = 1; ; page++) {
    const res = await request(app).get(`/public/records?page=${page}&pageSize=100`);
    expect(res.status).toBe(200);
    ids.push(...res.body.items.map((i: { id: string }) => i.id));
    if (res.body.items.length < 100) return ids;
  }
}

describe('dates are calendar days in CALENDAR_TIME_ZONE (Asia/Shanghai)', () => {
  it('at 01:30 Beijing time a decision dated that Beijing day is not in the future, the next day is', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(NIGHT);
    const today = await request(app).post('/records').set('Authorization', await bearer(world.actors.reviewer)).send(registration(world, { decisionDate: '2026-03-02' }));
    expect(today.status).toBe(201);
    const tomorrow = await request(app).post('/records').set('Authorization', await bearer(world.actors.reviewer)).send(registration(world, { decisionDate: '2026-03-03' }));
    expect(tomorrow.status).toBe(400);
    expect(tomorrow.body.detail).toContain('future');
  });

  it('at 01:30 Beijing time a record published until the day before is no longer listed', async () => {
    const expired = await insertRecord({ publishedUntil: '2026-03-01' });
    const lastDay = await insertRecord({ publishedUntil: '2026-03-02' });
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(NIGHT);
    const ids = await publicIds();
    expect(ids).toContain(lastDay);
    expect(ids).not.toContain(expired);
  });

  it('at 01:30 Beijing time the repair checks count the Beijing day: minimum period and reapplication', async () => {
    const served = await insertRecord({ minPublishedUntil: '2026-03-01' });
    const refused = await insertRecord({ minPublishedUntil: '2025-06-01' });
    await env.prisma.repairApplication.create({
      data: {
        id: `REP-T-${randomBytes(4).toString('hex')}`,
        workflowId: `repair-none-${randomBytes(4).toString('hex')}`,
        recordId: refused,
        subjectId: world.subjectId,
        authorityId: world.authorityId,
        applicantId: world.actors.applicant.id,
        status: 'REFUSED',
        materials: [],
        policyId: world.repairPolicyId,
        policyVersion: 1,
        policy: {},
        filedAt: new Date('2026-01-01T00:00:00Z'),
        closedAt: new Date('2026-02-01T00:00:00Z'),
        reapplyFrom: new Date('2026-03-02T16:00:00Z'), // 2026-03-03 00:00 in Beijing
      },
    });
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(NIGHT);
    const auth = await bearer(world.actors.applicant);
    const first = await request(app).get(`/records/${served}/repair-eligibility`).set('Authorization', auth);
    expect(first.body.obstacles.map((o: { code: string }) => o.code)).not.toContain('MIN_PERIOD_NOT_SERVED');
    const second = await request(app).get(`/records/${refused}/repair-eligibility`).set('Authorization', auth);
    expect(second.body.obstacles).toEqual(expect.arrayContaining([expect.objectContaining({ code: 'RECENTLY_REFUSED', from: '2026-03-03' })]));
  });
});

describe('published records and repeated offences', () => {
  it('a record past its maximum period stays on the public list while its rectification is outstanding', async () => {
    const awaiting = await insertRecord({ publishedUntil: '2026-01-31', rectificationStatus: 'OVERDUE' });
    const rectified = await insertRecord({ publishedUntil: '2026-01-31', rectificationStatus: 'RECTIFIED' });
    const ids = await publicIds();
    expect(ids).toContain(awaiting);
    expect(ids).not.toContain(rectified);
  });

  it('records found wrong (deleted or revoked) do not count as repeated offences', async () => {
    const subjectId = `body-repeat-${randomBytes(4).toString('hex')}`;
    await env.prisma.subject.create({ data: { id: subjectId, kind: 'GOVERNMENT_BODY', name: '测试乡人民政府' } });
    const active = await insertRecord({ subjectId, decisionDate: '2026-01-05', minPublishedUntil: '2026-04-05' });
    await insertRecord({ subjectId, decisionDate: '2026-02-05', status: 'REVOKED' });
    await insertRecord({ subjectId, decisionDate: '2026-02-06', status: 'DELETED' });
    const res = await request(app).get(`/records/${active}/repair-eligibility`).set('Authorization', await bearer(world.actors.reviewer));
    expect(res.status).toBe(200);
    expect(res.body.obstacles.map((o: { code: string }) => o.code)).not.toContain('REPEATED_OFFENCES');
    await insertRecord({ subjectId, decisionDate: '2026-03-05' });
    const repeated = await request(app).get(`/records/${active}/repair-eligibility`).set('Authorization', await bearer(world.actors.reviewer));
    expect(repeated.body.obstacles.map((o: { code: string }) => o.code)).toContain('REPEATED_OFFENCES');
  });

  it('a public criticism (通报批评) is published with the body named, unless its record was found wrong', async () => {
    async function criticize(recordId: string) {
      const rectificationId = `RECT-${recordId}`;
      await env.prisma.rectification.create({
        data: { id: rectificationId, workflowId: `rectification-${recordId}`, recordId, subjectId: world.subjectId, authorityId: world.authorityId, status: 'RECTIFYING', escalationLevel: 'CRITICISM', policyId: 'rectification-test@1', policyVersion: 1, policy: {}, openedAt: new Date() },
      });
      await env.prisma.$transaction((tx) =>
        appendAuditEvent(tx, {
          eventKey: `test-${rectificationId}/criticism`,
          caseId: rectificationId,
          caseType: 'RECTIFICATION',
          type: 'PUBLIC_CRITICISM',
          actorId: 'system',
          actorRole: 'SYSTEM',
          data: { step: 'RECTIFICATION', dueAt: '2026-02-10T16:00:00.000Z', level: 2 },
          occurredAt: new Date(),
        }),
      );
      return rectificationId;
    }
    const criticized = await criticize(await insertRecord({ rectificationStatus: 'OVERDUE' }));
    const wrong = await criticize(await insertRecord({ rectificationStatus: 'OVERDUE', status: 'DELETED' }));
    const res = await request(app).get('/public/criticisms?pageSize=100');
    expect(res.status).toBe(200);
    const ids = res.body.items.map((i: { rectificationId: string }) => i.rectificationId);
    expect(ids).toContain(criticized);
    expect(ids).not.toContain(wrong);
    const item = res.body.items.find((i: { rectificationId: string }) => i.rectificationId === criticized);
    expect(item).toMatchObject({ subject: { name: '测试县人民政府' }, missedDueAt: '2026-02-10T16:00:00.000Z' });
  });
});
