/**
 * The public page's search (GET /public/records?q=): a government body by a substring of its name or by its
 * 统一社会信用代码 (whole or its beginning); a civil servant's record only by their organisation, as the page shows
 * it, never by the person's own name. Records are written directly: the search reads the table, not the workflows.
 */
import { randomBytes } from 'node:crypto';
import type { Express } from 'express';
import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../support/api-harness.js';
import { randomCreditCode } from '../support/credit-codes.js';
import { getTestEnv, uniqueId } from '../support/test-env.js';

const env = await getTestEnv();
const s = randomBytes(4).toString('hex');
const bodyName = `检索${s}县住房和城乡建设局`;
const otherName = `检索${s}县财政局`;
const servantName = `王某${s}`;
const bodyCode = randomCreditCode();
const ids = { body: `ps-body-${s}`, other: `ps-other-${s}`, servant: `ps-servant-${s}`, authority: `ps-auth-${s}` };
const records = { body: `ps-rec-body-${s}`, stopped: `ps-rec-stopped-${s}`, other: `ps-rec-other-${s}`, servant: `ps-rec-servant-${s}` };
let app: Express;

beforeAll(async () => {
  const p = env.prisma;
  await p.authority.create({ data: { id: ids.authority, name: `检索${s}市中级人民法院`, creditCode: randomCreditCode() } });
  await p.subject.createMany({
    data: [
      { id: ids.body, kind: 'GOVERNMENT_BODY', name: bodyName, creditCode: bodyCode },
      { id: ids.other, kind: 'GOVERNMENT_BODY', name: otherName, creditCode: randomCreditCode() },
    ],
  });
  await p.subject.create({ data: { id: ids.servant, kind: 'CIVIL_SERVANT', name: servantName, organizationId: ids.body } });
  const record = (id: string, subjectId: string, extra: Record<string, unknown> = {}) => ({
    id,
    subjectId,
    authorityId: ids.authority,
    source: 'COURT_JUDGMENT' as const,
    documentNumber: `（2026）检${id}号`,
    severity: 'GENERAL' as const,
    policyArea: 'OTHER' as const,
    facts: { title: '拖欠民营企业账款' },
    decisionDate: new Date('2026-03-02'),
    publishedFrom: new Date('2026-03-02'),
    ...extra,
  });
  await p.dishonestyRecord.createMany({
    data: [
      record(records.body, ids.body),
      record(records.stopped, ids.body, { publicationStatus: 'STOPPED' }),
      record(records.other, ids.other),
      record(records.servant, ids.servant, { source: 'DISCIPLINARY_ACTION', sanctionKind: 'DEMERIT' }),
    ],
  });
  app = await createTestApp({ taskQueue: uniqueId('public-search') });
});

async function search(q: string) {
  const res = await request(app).get('/public/records').query({ q, pageSize: 100 });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as { items: { id: string; subject: Record<string, unknown> }[]; total: number };
}
const idsOf = (page: { items: { id: string }[] }) => page.items.map((i) => i.id).sort();

describe('public records search', () => {
  it('finds a body by a substring of its name, with its civil servants’ records shown by organisation only', async () => {
    const page = await search(`${s}县住房`);
    expect(idsOf(page)).toEqual([records.body, records.servant].sort());
    expect(page.total).toBe(2);
    const servant = page.items.find((i) => i.id === records.servant)!;
    expect(servant.subject).toEqual({ kind: 'CIVIL_SERVANT', organization: bodyName });
    expect(JSON.stringify(page)).not.toContain(servantName);
    // Both bodies share the prefix: a wider search finds both, never the stopped record.
    expect(idsOf(await search(`检索${s}`))).toEqual([records.body, records.other, records.servant].sort());
  });

  it('finds a body by its whole 统一社会信用代码 or its beginning, in either case', async () => {
    expect(idsOf(await search(bodyCode))).toEqual([records.body, records.servant].sort());
    expect(idsOf(await search(bodyCode.slice(0, 12).toLowerCase()))).toEqual(expect.arrayContaining([records.body, records.servant]));
    // The middle of a code is not its beginning.
    expect(idsOf(await search(bodyCode.slice(6)))).not.toContain(records.body);
  });

  it('never finds a civil servant by their own name, and takes wildcards literally', async () => {
    expect((await search(servantName)).total).toBe(0);
    expect((await search(`检索${s}_`)).total).toBe(0);
  });

  it('refuses a malformed search with 400 problem+json', async () => {
    for (const q of ['', '   ', '%', "' OR 1=1--", 'x'.repeat(101)]) {
      const res = await request(app).get('/public/records').query({ q });
      expect(res.status, q).toBe(400);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    }
  });
});
