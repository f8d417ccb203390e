import { Prisma, type PrismaClient } from '../../generated/prisma/client.js';
import type { Actor } from '../../domain/roles.js';
import type { WorkItemsQuery, WorkScope } from './work-item-schemas.js';

const NOTHING = '__none__';

type CaseTable = '"Objection"' | '"Rectification"' | '"RepairApplication"' | '"Complaint"' | '"Commitment"';

/** Each arm of the union on its own table, limited to the cases the search matches when there is a search. */
const arm = (table: CaseTable, alias: string, search: Prisma.Sql | undefined) =>
  search ? Prisma.sql`WHERE ${Prisma.raw(alias)}."id" IN (${searchedIds(table, search)})` : Prisma.empty;

/**
 * Every case of the five types in one relation, with the authority that sees it, the authority whose staff work its
 * open step, its subject and its policy area: the inbox reads it with the caller's visibility (the same rules as each
 * case type's own endpoints, api/access/ and the complaint service) and their filters. A repair waiting for 补正 has
 * its clock paused: it is never overdue. A complaint has no record yet: it is seen by its credit office
 * (intakeAuthorityId) and the competent authority, and its steps belong to one of them at a time. A commitment has no
 * record either: its supervising authority sees it and works its check. With a search, each table contributes only its
 * matching cases (see searchedIds).
 */
function casesOf(search?: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
  SELECT 'OBJECTION' AS "caseType", o."id", o."recordId", o."subjectId", o."authorityId", NULL AS "intakeAuthorityId",
         o."authorityId" AS "stepAuthorityId", NULL::"PolicyArea" AS "policyArea", o."status", o."currentStep", o."assigneeRole",
         o."claimedById", o."dueAt", o."escalated", false AS "clockPaused", o."filedAt" AS "openedAt", o."closedAt"
    FROM "Objection" o ${arm('"Objection"', 'o', search)}
  UNION ALL
  SELECT 'RECTIFICATION', r."id", r."recordId", r."subjectId", r."authorityId", NULL, r."authorityId", NULL, r."status", r."currentStep",
         r."assigneeRole", r."claimedById", r."dueAt", r."escalationLevel" <> 'NONE', false, r."openedAt", r."closedAt"
    FROM "Rectification" r ${arm('"Rectification"', 'r', search)}
  UNION ALL
  SELECT 'REPAIR', a."id", a."recordId", a."subjectId", a."authorityId", NULL, a."authorityId", NULL, a."status", a."currentStep",
         a."assigneeRole", a."claimedById", a."dueAt", a."escalated", a."clockPaused", a."filedAt", a."closedAt"
    FROM "RepairApplication" a ${arm('"RepairApplication"', 'a', search)}
  UNION ALL
  SELECT 'COMPLAINT', k."id", NULL, k."subjectId", k."authorityId", k."intakeAuthorityId",
         CASE WHEN k."status" = 'UNDER_VERIFICATION' THEN k."authorityId" ELSE k."intakeAuthorityId" END, k."policyArea", k."status",
         k."currentStep", k."assigneeRole", k."claimedById", k."dueAt", k."escalated", false, k."filedAt", k."closedAt"
    FROM "Complaint" k ${arm('"Complaint"', 'k', search)}
  UNION ALL
  SELECT 'COMMITMENT', m."id", NULL, m."subjectId", m."authorityId", NULL, m."authorityId", m."policyArea", m."status",
         m."currentStep", m."assigneeRole", m."claimedById", m."dueAt", m."escalated", false, m."registeredAt", m."closedAt"
    FROM "Commitment" m ${arm('"Commitment"', 'm', search)}`;
}

const fromCases = (search?: Prisma.Sql) =>
  Prisma.sql`FROM (${casesOf(search)}) c LEFT JOIN "DishonestyRecord" d ON d."id" = c."recordId" JOIN "Subject" s ON s."id" = c."subjectId"`;

/** The LIKE pattern of a search of lower-cased text: q anywhere, lower-cased, its wildcard characters taken literally. */
function searchPattern(q: string): Prisma.Sql {
  return Prisma.sql`lower(${`%${q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`})`;
}

/**
 * The ids of one case table that the search matches (case id, record id, 文书编号, subject name or 统一社会信用代码
 * containing q, case-insensitive), each branch on one column so that it reads that column's trigram index (pg_trgm
 * GIN on lower(column), migration 20261201110000_search_trigram_indexes) or, from the matching records and subjects,
 * the table's recordId and subjectId indexes. One OR across the joined tables would make PostgreSQL test every case
 * instead. A complaint or a commitment has no record: case id and subject only.
 */
function searchedIds(table: CaseTable, like: Prisma.Sql): Prisma.Sql {
  const t = Prisma.raw(table);
  const byRecord =
    table === '"Complaint"' || table === '"Commitment"'
      ? Prisma.empty
      : Prisma.sql`
      UNION ALL SELECT x."id" FROM ${t} x
        WHERE x."recordId" IN (SELECT m."id" FROM "DishonestyRecord" m WHERE lower(m."documentNumber") LIKE ${like} OR lower(m."id") LIKE ${like})`;
  return Prisma.sql`
      SELECT x."id" FROM ${t} x WHERE lower(x."id") LIKE ${like}${byRecord}
      UNION ALL SELECT x."id" FROM ${t} x
        WHERE x."subjectId" IN (SELECT m."id" FROM "Subject" m WHERE lower(m."name") LIKE ${like} OR lower(m."creditCode") LIKE ${like})`;
}

const FROM = fromCases();
/** The policy area of a case: its record's, or the complaint's own. */
const POLICY_AREA = Prisma.sql`COALESCE(c."policyArea", d."policyArea")`;

function visibility(actor: Actor): Prisma.Sql {
  switch (actor.role) {
    case 'ADMIN':
      return Prisma.sql`TRUE`;
    case 'APPLICANT':
      // Complaints are never the reported body's to see.
      return Prisma.sql`c."subjectId" = ${actor.subjectId ?? NOTHING} AND c."caseType" <> 'COMPLAINT'`;
    case 'REVIEWER':
    case 'SUPERVISOR': {
      const authorityId = actor.authorityId ?? NOTHING;
      return Prisma.sql`(c."authorityId" = ${authorityId} OR c."intakeAuthorityId" = ${authorityId})`;
    }
  }
}

const OPEN_STEP = Prisma.sql`c."closedAt" IS NULL AND c."currentStep" IS NOT NULL`;

/**
 * Staff steps of the caller's role and authority: a reviewer's are the reviewers'; a supervisor may act on reviewers'
 * steps too (a complaint's step belongs to the credit office or to the competent authority, whichever works it now).
 */
function staffSteps(actor: Actor): Prisma.Sql {
  const ownStep = Prisma.sql`c."stepAuthorityId" = ${actor.authorityId ?? NOTHING}`;
  if (actor.role === 'SUPERVISOR') return Prisma.sql`c."assigneeRole" IN ('REVIEWER', 'SUPERVISOR') AND ${ownStep}`;
  if (actor.role === 'REVIEWER') return Prisma.sql`c."assigneeRole" = 'REVIEWER' AND ${ownStep}`;
  return Prisma.sql`c."assigneeRole" <> 'APPLICANT'`;
}

/** The scope's condition: which cases are the caller's work. */
export function scopeCondition(actor: Actor, scope: WorkScope, now = new Date()): Prisma.Sql {
  if (scope === 'all') return Prisma.sql`TRUE`;
  // 催办: a supervisor's reminder list, the overdue staff steps of their authority (claimed or not).
  if (scope === 'urgeable') {
    return actor.role === 'SUPERVISOR' ? Prisma.sql`${OPEN_STEP} AND ${staffSteps(actor)} AND ${overdueCondition(now)}` : Prisma.sql`FALSE`;
  }
  if (actor.role === 'APPLICANT') {
    // A body's steps are every applicant's of the body: nothing is claimed.
    return scope === 'actionable' ? Prisma.sql`${OPEN_STEP} AND c."assigneeRole" = 'APPLICANT'` : Prisma.sql`FALSE`;
  }
  const mine = Prisma.sql`c."claimedById" = ${actor.id}`;
  const unclaimed = Prisma.sql`c."claimedById" IS NULL`;
  switch (scope) {
    case 'mine':
      return Prisma.sql`${OPEN_STEP} AND (${mine} OR ${delegatedBy(actor)})`;
    case 'claimable':
      return actor.role === 'ADMIN' ? Prisma.sql`FALSE` : Prisma.sql`${OPEN_STEP} AND ${staffSteps(actor)} AND ${unclaimed}`;
    case 'actionable':
      return actor.role === 'ADMIN'
        ? Prisma.sql`${OPEN_STEP} AND ${staffSteps(actor)}`
        : Prisma.sql`${OPEN_STEP} AND ${staffSteps(actor)} AND (${unclaimed} OR ${mine})`;
  }
}

/** The timeline events that change who holds a step (StepClaims, workflows/shared/claim-contract.ts). */
const CLAIM_EVENTS = ['STEP_CLAIMED', 'STEP_RELEASED', 'STEP_REASSIGNED', 'STEP_HANDED_OVER', 'STEP_DELEGATED', 'STEP_DELEGATION_RETURNED'];

/**
 * A step the caller delegated (委派) that is still out with the delegate: the case's newest claim event is the caller's
 * STEP_DELEGATED to the one who holds the step now (a return, release or reassignment comes after it; a new step
 * starts unclaimed). Read from the case's timeline (CaseEvent by caseId and id), only for claimed cases.
 */
function delegatedBy(actor: Actor): Prisma.Sql {
  return Prisma.sql`(c."claimedById" IS NOT NULL AND (
      SELECT e."type" = 'STEP_DELEGATED' AND e."data"->>'delegatedById' = ${actor.id} AND e."data"->>'claimedById' = c."claimedById"
        FROM "CaseEvent" e
       WHERE e."caseId" = c."id" AND e."caseType" = c."caseType" AND e."type" IN (${Prisma.join(CLAIM_EVENTS)})
       ORDER BY e."id" DESC LIMIT 1) IS TRUE)`;
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
  if (query.authorityId) where.push(Prisma.sql`c."authorityId" = ${query.authorityId}`);
  if (query.policyArea) where.push(Prisma.sql`${POLICY_AREA} = ${query.policyArea}::"PolicyArea"`);
  if (query.openedFrom) where.push(Prisma.sql`c."openedAt" >= ${new Date(query.openedFrom)}`);
  if (query.openedBefore) where.push(Prisma.sql`c."openedAt" < ${new Date(query.openedBefore)}`);
  if (query.closedFrom) where.push(Prisma.sql`c."closedAt" >= ${new Date(query.closedFrom)}`);
  if (query.closedBefore) where.push(Prisma.sql`c."closedAt" < ${new Date(query.closedBefore)}`);
  return where;
}

export interface WorkItemRow {
  caseType: 'OBJECTION' | 'RECTIFICATION' | 'REPAIR' | 'COMPLAINT' | 'COMMITMENT';
  id: string;
  recordId: string | null;
  documentNumber: string | null;
  policyArea: string;
  subjectId: string;
  subjectName: string;
  authorityId: string;
  /** The authority whose staff work the open step (a complaint's moves between two; only in findWorkItem). */
  stepAuthorityId?: string;
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
  const where = Prisma.join([visibility(actor), scopeCondition(actor, query.scope, now), ...filters(query, now)], ' AND ');
  const source = fromCases(query.q ? searchPattern(query.q) : undefined);
  const [rows, [count]] = await Promise.all([
    prisma.$queryRaw<WorkItemRow[]>`
      SELECT c."caseType", c."id", c."recordId", d."documentNumber", ${POLICY_AREA} AS "policyArea", c."subjectId", s."name" AS "subjectName", c."authorityId",
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

/** One case as the inbox shows it, if the caller may see it (null otherwise: it does not exist for them). */
export async function findWorkItem(prisma: PrismaClient, actor: Actor, caseType: string, caseId: string, now = new Date()): Promise<WorkItemRow | null> {
  const [row] = await prisma.$queryRaw<WorkItemRow[]>`
    SELECT c."caseType", c."id", c."recordId", d."documentNumber", ${POLICY_AREA} AS "policyArea", c."subjectId", s."name" AS "subjectName",
           c."authorityId", c."stepAuthorityId", c."status", c."currentStep", c."assigneeRole", c."claimedById", c."dueAt",
           ${overdueCondition(now)} AS "overdue", c."escalated", c."clockPaused", c."openedAt", c."closedAt"
    ${FROM} WHERE ${visibility(actor)} AND c."caseType" = ${caseType} AND c."id" = ${caseId}`;
  return row ?? null;
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
