/**
 * Every case list reads an index in its own order at scale: on a database of its own seeded with 50,000 objections
 * (and their records, rectifications and repair applications) by generate_series, each list query the services send
 * (captured from Prisma's query log) is EXPLAINed, and the plan must read a list index with no sequential scan and
 * no sort. Keyset pages are checked against the same order computed by PostgreSQL.
 */
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Actor } from '../../domain/roles.js';
import { PrismaClient } from '../../generated/prisma/client.js';
import { parseDatabaseUrl } from '../../lib/database-url.js';
import { createObjectionService } from '../../api/objections/objection-service.js';
import { listObjectionsQuerySchema } from '../../api/objections/objection-schemas.js';
import { createRecordService } from '../../api/records/record-service.js';
import { listRecordsQuerySchema } from '../../api/records/record-schemas.js';
import { createRectificationService } from '../../api/rectifications/rectification-service.js';
import { listRectificationsQuerySchema } from '../../api/rectifications/rectification-schemas.js';
import { createRepairService } from '../../api/repairs/repair-service.js';
import { listRepairsQuerySchema } from '../../api/repairs/repair-schemas.js';
import { listWorkItems } from '../../api/work/work-item-query.js';
import { workItemsQuerySchema } from '../../api/work/work-item-schemas.js';
import { publicRecordsQuerySchema, publishedRecordPage } from '../../api/public/public-records.js';
import { dropDatabase, setupDatabase } from '../../scripts/db-setup.js';
import { seedLargeLists, type LargeListSeed } from '../support/large-list-seed.js';
import { getTestEnv } from '../support/test-env.js';

const CASES = 50_000;
const env = await getTestEnv();
const url = new URL(inject('databaseUrl'));
url.pathname = `${url.pathname}_plans`;
const databaseUrl = url.toString();

let prisma: PrismaClient;
let sql: pg.Client;
let seed: LargeListSeed;
const captured: { query: string; params: unknown[] }[] = [];

beforeAll(async () => {
  await setupDatabase(databaseUrl, { reset: true, quiet: true, log: () => {} });
  seed = await seedLargeLists(databaseUrl, { cases: CASES, authorities: 50, prefix: 'lp-' });
  const logging = new PrismaClient({ adapter: new PrismaPg(parseDatabaseUrl(databaseUrl)), log: [{ emit: 'event', level: 'query' }] });
  logging.$on('query', (e) => captured.push({ query: e.query, params: JSON.parse(e.params) as unknown[] }));
  prisma = logging;
  sql = new pg.Client(parseDatabaseUrl(databaseUrl));
  await sql.connect();
}, 240_000);

afterAll(async () => {
  await prisma?.$disconnect();
  await sql?.end();
  await dropDatabase(databaseUrl);
});

const services = () => {
  const deps = { prisma, temporal: env.temporalClient, taskQueue: 'unused' };
  return {
    objections: createObjectionService(deps),
    repairs: createRepairService(deps),
    rectifications: createRectificationService(deps),
    records: createRecordService(deps),
  };
};

const reviewer = (): Actor => ({ id: 'lp-reviewer', role: 'REVIEWER', authorityId: seed.authorityIds[7]! });
const applicant = (): Actor => ({ id: 'lp-applicant', role: 'APPLICANT', subjectId: seed.subjectIds[3]! });
const admin: Actor = { id: 'lp-admin', role: 'ADMIN' };

interface PlanNode {
  'Node Type': string;
  'Index Name'?: string;
  'Relation Name'?: string;
  Plans?: PlanNode[];
}

function nodes(plan: PlanNode): PlanNode[] {
  return [plan, ...(plan.Plans ?? []).flatMap(nodes)];
}

/** Runs the list call and EXPLAINs every statement it sent. */
async function plansOf(call: () => Promise<unknown>): Promise<{ query: string; nodes: PlanNode[] }[]> {
  captured.length = 0;
  await call();
  // A transaction's BEGIN and COMMIT have no plan.
  const statements = captured.filter(({ query }) => !/^\s*(BEGIN|COMMIT|ROLLBACK)\b/i.test(query));
  return Promise.all(
    statements.map(async ({ query, params }) => {
      const { rows } = await sql.query<{ 'QUERY PLAN': { Plan: PlanNode }[] }>(`EXPLAIN (FORMAT JSON) ${query}`, params);
      return { query, nodes: nodes(rows[0]!['QUERY PLAN'][0]!.Plan) };
    }),
  );
}

/**
 * The page query reads the table through one of its indexes, never by a full scan; in index order (no sort) unless
 * it is one subject's list, a handful of rows that PostgreSQL may rightly sort after an index lookup.
 */
function expectIndexedPage(plans: { query: string; nodes: PlanNode[] }[], table: string, { fewRows = false } = {}) {
  const page = plans.find((p) => p.query.includes('ORDER BY'));
  expect(page, 'the list sent a page query').toBeDefined();
  const types = page!.nodes.map((n) => n['Node Type']);
  expect(types, page!.query).not.toContain('Seq Scan');
  if (!fewRows) expect(types, page!.query).not.toContain('Sort');
  // Index names start with their table's (Prisma's naming); a bitmap index scan names only the index.
  const indexes = page!.nodes.map((n) => n['Index Name']).filter((name) => name?.startsWith(`${table}_`));
  expect(indexes.length, `${table} read by an index`).toBeGreaterThan(0);
  for (const count of plans.filter((p) => p.query.includes('COUNT('))) {
    expect(count.nodes.map((n) => n['Node Type']), count.query).not.toContain('Seq Scan');
  }
  return indexes;
}

describe('list query plans at scale', () => {
  it('the reviewer objection list, with and without a status and on a later page, reads an authority index without sorting', async () => {
    const { objections } = services();
    const first = listObjectionsQuerySchema.parse({});
    const indexes = expectIndexedPage(await plansOf(() => objections.list(reviewer(), first)), 'Objection');
    expect(indexes.some((name) => name?.startsWith('Objection_authorityId'))).toBe(true);
    expectIndexedPage(await plansOf(() => objections.list(reviewer(), listObjectionsQuerySchema.parse({ status: 'FILED' }))), 'Objection');
    const page1 = await objections.list(reviewer(), first);
    expect(page1.nextCursor).toEqual(expect.any(String));
    expect(page1.total).toBeUndefined();
    const later = listObjectionsQuerySchema.parse({ cursor: page1.nextCursor });
    expectIndexedPage(await plansOf(() => objections.list(reviewer(), later)), 'Objection');
  });

  it('the applicant, the administrator and a subject filter read an index too; only the subject lists count', async () => {
    const { objections } = services();
    expectIndexedPage(await plansOf(() => objections.list(applicant(), listObjectionsQuerySchema.parse({}))), 'Objection', { fewRows: true });
    expectIndexedPage(await plansOf(() => objections.list(admin, listObjectionsQuerySchema.parse({}))), 'Objection');
    expectIndexedPage(await plansOf(() => objections.list(admin, listObjectionsQuerySchema.parse({ status: 'UNDER_VERIFICATION' }))), 'Objection');
    const bySubject = listObjectionsQuerySchema.parse({ subjectId: seed.subjectIds[5] });
    expectIndexedPage(await plansOf(() => objections.list(admin, bySubject)), 'Objection', { fewRows: true });
    const page = await objections.list(admin, bySubject);
    expect(page.total).toBe(Number((await sql.query('SELECT count(*) FROM "Objection" WHERE "subjectId" = $1', [seed.subjectIds[5]])).rows[0].count));
  });

  it('the repair, rectification and record lists of a reviewer read their authority indexes', async () => {
    const { repairs, rectifications, records } = services();
    expectIndexedPage(await plansOf(() => repairs.list(reviewer(), listRepairsQuerySchema.parse({}))), 'RepairApplication');
    expectIndexedPage(await plansOf(() => repairs.list(reviewer(), listRepairsQuerySchema.parse({ status: 'UNDER_REVIEW' }))), 'RepairApplication');
    expectIndexedPage(await plansOf(() => rectifications.list(reviewer(), listRectificationsQuerySchema.parse({}))), 'Rectification');
    expectIndexedPage(await plansOf(() => records.list(reviewer(), listRecordsQuerySchema.parse({}))), 'DishonestyRecord');
    expectIndexedPage(await plansOf(() => records.list(applicant(), listRecordsQuerySchema.parse({}))), 'DishonestyRecord', { fewRows: true });
  });

  it('following nextCursor walks the list in the database order, across ties of the sort key, with no row twice', async () => {
    const { records } = services();
    // Records share decision dates (one per 2,190 rows): the id breaks the ties.
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let i = 0; i < 4; i++) {
      const page = await records.list(admin, listRecordsQuerySchema.parse({ pageSize: 25, ...(cursor ? { cursor } : {}) }));
      seen.push(...page.items.map((r) => r.id));
      cursor = page.nextCursor ?? undefined;
    }
    const { rows } = await sql.query<{ id: string }>('SELECT "id" FROM "DishonestyRecord" ORDER BY "decisionDate" DESC, "id" DESC LIMIT 100');
    expect(seen).toEqual(rows.map((r) => r.id));
  });

  it('refuses page numbers where a count is not cheap, and a cursor it did not issue', async () => {
    const { objections } = services();
    await expect(objections.list(reviewer(), listObjectionsQuerySchema.parse({ page: 2 }))).rejects.toMatchObject({ code: 'validation' });
    await expect(objections.list(reviewer(), listObjectionsQuerySchema.parse({ cursor: 'bm90LWEtY3Vyc29y' }))).rejects.toMatchObject({ code: 'validation' });
    const second = await objections.list(applicant(), listObjectionsQuerySchema.parse({ page: 2, pageSize: 1 }));
    expect(second).toMatchObject({ page: 2, pageSize: 1 });
  });

  it('the inbox search by subject name, 文书编号 or case id reads the trigram indexes, never every case', async () => {
    const subjectId = seed.subjectIds[8]!;
    await sql.query(`UPDATE "Subject" SET "name" = '某市住房和城乡建设局' WHERE "id" = $1`, [subjectId]);
    await sql.query('ANALYZE "Subject"');
    const BIG = ['Objection', 'Rectification', 'RepairApplication', 'DishonestyRecord', 'Subject'];
    const searches: [string, Actor, string][] = [
      ['住房和城乡建设', admin, 'Subject_name_trgm_idx'],
      ['lp-doc-4242', admin, 'DishonestyRecord_documentNumber_trgm_idx'],
      ['lp-obj-3131', reviewer(), 'Objection_id_trgm_idx'],
    ];
    for (const [q, actor, index] of searches) {
      const plans = await plansOf(() => listWorkItems(prisma, actor, workItemsQuerySchema.parse({ scope: 'all', q })));
      expect(plans).toHaveLength(2); // the page and its count
      for (const plan of plans) {
        const scanned = plan.nodes.filter((n) => n['Node Type'] === 'Seq Scan' && BIG.includes(n['Relation Name'] ?? ''));
        expect(scanned.map((n) => n['Relation Name']), `${q}: ${plan.query}`).toEqual([]);
        expect(plan.nodes.map((n) => n['Index Name']), q).toContain(index);
      }
    }
    // And the search finds what it should: the subject's cases, by name.
    const found = await listWorkItems(prisma, admin, workItemsQuerySchema.parse({ scope: 'all', q: '住房和城乡建设', pageSize: 100 }));
    const expected = Number((await sql.query(
      `SELECT (SELECT count(*) FROM "Objection" WHERE "subjectId" = $1) + (SELECT count(*) FROM "Rectification" WHERE "subjectId" = $1)
            + (SELECT count(*) FROM "RepairApplication" WHERE "subjectId" = $1) AS n`, [subjectId])).rows[0].n);
    expect(expected).toBeGreaterThan(0);
    expect(found.total).toBe(expected);
    expect(found.items.every((item) => item.subjectId === subjectId)).toBe(true);
  });

  it('the public search by a body\'s name or credit code reads the trigram and subject indexes, never every record', async () => {
    const subjectId = seed.subjectIds[9]!;
    const code = '11330000MB1234567X';
    await sql.query(`UPDATE "Subject" SET "name" = '某县财政局', "creditCode" = $2 WHERE "id" = $1`, [subjectId, code]);
    await sql.query(`INSERT INTO "Subject" ("id", "kind", "name", "organizationId") VALUES ('lp-servant', 'CIVIL_SERVANT', '张某', $1)`, [subjectId]);
    await sql.query('ANALYZE "Subject"');
    const today = '2026-12-01';
    for (const [q, index] of [['县财政', 'Subject_name_trgm_idx'], [code.slice(0, 10), 'Subject_creditCode_trgm_idx']] as const) {
      const plans = await plansOf(() => publishedRecordPage(prisma, publicRecordsQuerySchema.parse({ q }), today));
      expect(plans).toHaveLength(2); // the page and its count
      for (const plan of plans) {
        const scanned = plan.nodes.filter((n) => n['Node Type'] === 'Seq Scan' && ['DishonestyRecord', 'Subject'].includes(n['Relation Name'] ?? ''));
        expect(scanned.map((n) => n['Relation Name']), `${q}: ${plan.query}`).toEqual([]);
        const used = plan.nodes.map((n) => n['Index Name']);
        expect(used, q).toContain(index);
        expect(used, q).toContain('Subject_organizationId_idx');
      }
    }
    const found = await publishedRecordPage(prisma, publicRecordsQuerySchema.parse({ q: '县财政', pageSize: 100 }), today);
    const expected = Number((await sql.query('SELECT count(*) FROM "DishonestyRecord" WHERE "subjectId" = $1', [subjectId])).rows[0].count);
    expect(expected).toBeGreaterThan(0);
    expect(found.total).toBe(expected);
  });
});
