import { Prisma, type PrismaClient } from '../../generated/prisma/client.js';
import type { Actor } from '../../domain/roles.js';
import type { WorkItemsQuery, WorkScope } from './work-item-schemas.js';

const NOTHING = '__none__';

type CaseTable = '"Objection"' | '"Rectification"' | '"RepairApplication"';

/** Each arm of the union on its own table, limited to the cases the search matches when there is a search. */
const arm = (table: CaseTable, alias: string, search: Prisma.Sql | undefined) =>
  search ? Prisma.sql`WHERE ${Prisma.raw(alias)}."id" IN (${searchedIds(Prisma.raw(table), search)})` : Prisma.empty;

function casesOf(search?: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
  SELECT 'OBJECTION' AS "caseType", o."id", o."recordId", o."subjectId", o."status", o."currentStep", o."assigneeRole",
         o."claimedById", o."dueAt", o."escalated", false AS "clockPaused", o."filedAt" AS "openedAt", o."closedAt"
    FROM "Objection" o ${arm('"Objection"', 'o', search)}
  UNION ALL
  SELECT 'RECTIFICATION', r."id", r."recordId", r."subjectId", r."status", r."currentStep", r."assigneeRole",
         r."claimedById", r."dueAt", r."escalationLevel" <> 'NONE', false, r."openedAt", r."closedAt"
    FROM "Rectification" r ${arm('"Rectification"', 'r', search)}
  UNION ALL
  SELECT 'REPAIR', a."id", a."recordId", a."subjectId", a."status", a."currentStep", a."assigneeRole",
         a."claimedById", a."dueAt", a."escalated", a."clockPaused", a."filedAt", a."closedAt"
    FROM "RepairApplication" a ${arm('"RepairApplication"', 'a', search)}`;
}

/**
 * Every case of the three types in one relation, with its record's authority and its subject: the inbox reads it
 * with the caller's visibility (the same rules as each case type's own endpoints, api/access/) and their filters.
 * A repair waiting for 补正 has its clock paused: it is never overdue. With a search, each table contributes only
 * its matching cases (see searchedIds).
 */
const fromCases = (search?: Prisma.Sql) =>
  Prisma.sql`FROM (${casesOf(search)}) c JOIN "DishonestyRecord" d ON d."id" = c."recordId" JOIN "Subject" s ON s."id" = c."subjectId"`;
const FROM = fromCases();

/** The LIKE pattern of a search of lower-cased text: q anywhere, lower-cased, its wildcard characters taken literally. */
function searchPattern(q: string): Prisma.Sql {
  return Prisma.sql`lower(${`%${q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`})`;
}

/**
 * The ids of one case table that the search matches (case id, record id, 文书编号, subject name or 统一社会信用代码
 * containing q, case-insensitive), each branch on one column so that it reads that column's trigram index (pg_trgm
 * GIN on lower(column), migration 20261201110000_search_trigram_indexes) or, from the matching records and subjects,
 * the table's recordId and subjectId indexes. One OR across the joined tables would make PostgreSQL test every case instead.
 */
function searchedIds(table: Prisma.Sql, like: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
      SELECT x."id" FROM ${table} x WHERE lower(x."id") LIKE ${like}
      UNION ALL SELECT x."id" FROM ${table} x
        WHERE x."recordId" IN (SELECT m."id" FROM "DishonestyRecord" m WHERE lower(m."documentNumber") LIKE ${like} OR lower(m."id") LIKE ${like})
      UNION ALL SELECT x."id" FROM ${table} x
        WHERE x."subjectId" IN (SELECT m."id" FROM "Subject" m WHERE lower(m."name") LIKE ${like} OR lower(m."creditCode") LIKE ${like})`;
}

function visibility(actor: Actor): Prisma.Sql {
  switch (actor.role) {
    case 'ADMIN':
      return Prisma.sql`TRUE`;
    case 'APPLICANT':
      return Prisma.sql`c."subjectId" = ${actor.subjectId ?? NOTHING}`;
    case 'REVIEWER':
    case 'SUPERVISOR':
      return Prisma.sql`d."authorityId" = ${actor.authorityId ?? NOTHING}`;
  }
}

const OPEN_STEP = Prisma.sql`c."closedAt" IS NULL AND c."currentStep" IS NOT NULL`;

/** Staff steps of the caller's role: a reviewer's are the reviewers'; a supervisor may act on reviewers' steps too. */
function staffSteps(actor: Actor): Prisma.Sql {
  if (actor.role === 'SUPERVISOR') return Prisma.sql`c."assigneeRole" IN ('REVIEWER', 'SUPERVISOR')`;
  if (actor.role === 'REVIEWER') return Prisma.sql`c."assigneeRole" = 'REVIEWER'`;
  return Prisma.sql`c."assigneeRole" <> 'APPLICANT'`;
}

/** The scope's condition: which cases are the caller's work. */
export function scopeCondition(actor: Actor, scope: WorkScope): Prisma.Sql {
  if (scope === 'all') return Prisma.sql`TRUE`;
  if (actor.role === 'APPLICANT') {
    // A body's steps are every applicant's of the body: nothing is claimed.
    return scope === 'actionable' ? Prisma.sql`${OPEN_STEP} AND c."assigneeRole" = 'APPLICANT'` : Prisma.sql`FALSE`;
  }
  const mine = Prisma.sql`c."claimedById" = ${actor.id}`;
  const unclaimed = Prisma.sql`c."claimedById" IS NULL`;
  switch (scope) {
    case 'mine':
      return Prisma.sql`${OPEN_STEP} AND ${mine}`;
    case 'claimable':
      return actor.role === 'ADMIN' ? Prisma.sql`FALSE` : Prisma.sql`${OPEN_STEP} AND ${staffSteps(actor)} AND ${unclaimed}`;
    case 'actionable':
      return actor.role === 'ADMIN'
        ? Prisma.sql`${OPEN_STEP} AND ${staffSteps(actor)}`
        : Prisma.sql`${OPEN_STEP} AND ${staffSteps(actor)} AND (${unclaimed} OR ${mine})`;
  }
}

export function overdueCondition(now: Date): Prisma.Sql {
  return Prisma.sql`(c."closedAt" IS NULL AND NOT c."clockPaused" AND c."dueAt" < ${now})`;
}

function filters(query: WorkItemsQuery, now: Date): Prisma.Sql[] {
  const where: Prisma.Sql[] = [];
  if (query.caseType) where.push(Prisma.sql`c."caseType" = ${query.caseType}`);
  if (query.status) where.push(Prisma.sql`c."status" = ${query.status}`);
  if (query.overdue !== undefined) where.push(query.overdue ? overdueCondition(now) : Prisma.sql`NOT ${overdueCondition(now)}`);
  if (query.escalated !== undefined) where.push(Prisma.sql`c."escalated" = ${query.escalated}`);
  if (query.open !== undefined) where.push(query.open ? Prisma.sql`c."closedAt" IS NULL` : Prisma.sql`c."closedAt" IS NOT NULL`);
  if (query.authorityId) where.push(Prisma.sql`d."authorityId" = ${query.authorityId}`);
  if (query.openedFrom) where.push(Prisma.sql`c."openedAt" >= ${new Date(query.openedFrom)}`);
  if (query.openedBefore) where.push(Prisma.sql`c."openedAt" < ${new Date(query.openedBefore)}`);
  if (query.closedFrom) where.push(Prisma.sql`c."closedAt" >= ${new Date(query.closedFrom)}`);
  if (query.closedBefore) where.push(Prisma.sql`c."closedAt" < ${new Date(query.closedBefore)}`);
  return where;
}

interface WorkItemRow {
  caseType: 'OBJECTION' | 'RECTIFICATION' | 'REPAIR';
  id: string;
  recordId: string;
  documentNumber: string;
  subjectId: string;
  subjectName: string;
  authorityId: string;
  status: string;
  currentStep: string | null;
  assigneeRole: string | null;
  claimedById: string | null;
  dueAt: Date | null;
  overdue: boolean;
  escalated: boolean;
  clockPaused: boolean;
  openedAt: Date;
  closedAt: Date | null;
}

/** One page of the caller's work (soonest due first, then newest), counted and read in PostgreSQL. */
export async function listWorkItems(prisma: PrismaClient, actor: Actor, query: WorkItemsQuery, now = new Date()) {
  const where = Prisma.join([visibility(actor), scopeCondition(actor, query.scope), ...filters(query, now)], ' AND ');
  const source = fromCases(query.q ? searchPattern(query.q) : undefined);
  const [rows, [count]] = await Promise.all([
    prisma.$queryRaw<WorkItemRow[]>`
      SELECT c."caseType", c."id", c."recordId", d."documentNumber", c."subjectId", s."name" AS "subjectName", d."authorityId",
             c."status", c."currentStep", c."assigneeRole", c."claimedById", c."dueAt", ${overdueCondition(now)} AS "overdue",
             c."escalated", c."clockPaused", c."openedAt", c."closedAt"
      ${source} WHERE ${where}
      ORDER BY c."closedAt" IS NOT NULL, c."dueAt" ASC NULLS LAST, c."openedAt" DESC, c."id"
      LIMIT ${query.pageSize} OFFSET ${(query.page - 1) * query.pageSize}`,
    prisma.$queryRaw<{ total: bigint }[]>`SELECT count(*) AS total ${source} WHERE ${where}`,
  ]);
  return {
    items: rows.map((r) => ({ ...r, dueAt: r.dueAt?.toISOString() ?? null, openedAt: r.openedAt.toISOString(), closedAt: r.closedAt?.toISOString() ?? null })),
    page: query.page,
    pageSize: query.pageSize,
    total: Number(count?.total ?? 0),
  };
}

/** The caller's pending counts (the console's header badge). */
export async function workSummary(prisma: PrismaClient, actor: Actor, now = new Date()) {
  const count = (scope: WorkScope, extra: Prisma.Sql = Prisma.sql`TRUE`) =>
    prisma.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n ${FROM} WHERE ${visibility(actor)} AND ${scopeCondition(actor, scope)} AND ${extra}`.then(
      ([row]) => Number(row?.n ?? 0),
    );
  const [actionable, mine, claimable, overdue] = await Promise.all([
    count('actionable'),
    count('mine'),
    count('claimable'),
    count('actionable', overdueCondition(now)),
  ]);
  return { actionable, mine, claimable, overdue };
}
