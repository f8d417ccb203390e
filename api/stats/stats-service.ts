import { Prisma, type PrismaClient } from '../../generated/prisma/client.js';
import type { DeadlineCalculator } from '../../lib/calendar/deadline-calculator.js';
import { DUE_HORIZONS, type CaseStats } from './stats-schemas.js';

type CaseType = CaseStats['overdue'][number]['caseType'];

/** A case's policy area: its record's (the record-bound types), the complaint's own. */
const recordArea = (alias: string, area: string) =>
  Prisma.sql`EXISTS (SELECT 1 FROM "DishonestyRecord" d WHERE d."id" = ${Prisma.raw(`${alias}."recordId"`)} AND d."policyArea" = ${area}::"PolicyArea")`;

/**
 * Open cases of every type in one relation (a case is open while closedAt is null), for the aggregates below, of one
 * policy area when asked. Each arm reads only indexed or narrow columns; the counts are computed in PostgreSQL, never
 * by paging lists.
 */
export function openCases(policyArea?: string): Prisma.Sql {
  const area = (alias: string) => (policyArea ? Prisma.sql`AND ${recordArea(alias, policyArea)}` : Prisma.empty);
  return Prisma.sql`
  SELECT 'OBJECTION' AS "caseType", status, "dueAt", escalated FROM "Objection" o WHERE "closedAt" IS NULL ${area('o')}
  UNION ALL
  SELECT 'RECTIFICATION', status, "dueAt", "escalationLevel" <> 'NONE' FROM "Rectification" r WHERE "closedAt" IS NULL ${area('r')}
  UNION ALL
  SELECT 'REPAIR', status, CASE WHEN "clockPaused" THEN NULL ELSE "dueAt" END, escalated FROM "RepairApplication" a WHERE "closedAt" IS NULL ${area('a')}
  UNION ALL
  SELECT 'COMPLAINT', status, "dueAt", escalated FROM "Complaint" k WHERE "closedAt" IS NULL
    ${policyArea ? Prisma.sql`AND k."policyArea" = ${policyArea}::"PolicyArea"` : Prisma.empty}
  UNION ALL
  SELECT 'COMMITMENT', status, "dueAt", escalated FROM "Commitment" m WHERE "closedAt" IS NULL
    ${policyArea ? Prisma.sql`AND m."policyArea" = ${policyArea}::"PolicyArea"` : Prisma.empty}`;
}

const counted = (rows: { caseType: string; count: bigint }[]) => rows.map((r) => ({ caseType: r.caseType as CaseType, count: Number(r.count) }));

/** The administrator's dashboard numbers: open cases by type and status, overdue, escalated, due soon (of one policy area, when given). */
export async function caseStats(prisma: PrismaClient, deadlines: DeadlineCalculator, now = new Date(), policyArea?: string): Promise<CaseStats> {
  const OPEN_CASES = openCases(policyArea);
  const horizons = await Promise.all(
    DUE_HORIZONS.map(async (workingDays) => ({ ...(await deadlines.compute({ from: now.toISOString(), workingDays })), workingDays })),
  );
  const [byStatus, overdue, escalated, due] = await Promise.all([
    prisma.$queryRaw<{ caseType: string; status: string; count: bigint }[]>`
      SELECT "caseType", status, count(*) AS count FROM (${OPEN_CASES}) c GROUP BY 1, 2 ORDER BY 1, 2`,
    prisma.$queryRaw<{ caseType: string; count: bigint }[]>`
      SELECT "caseType", count(*) AS count FROM (${OPEN_CASES}) c WHERE "dueAt" < ${now} GROUP BY 1 ORDER BY 1`,
    prisma.$queryRaw<{ caseType: string; count: bigint }[]>`
      SELECT "caseType", count(*) AS count FROM (${OPEN_CASES}) c WHERE escalated GROUP BY 1 ORDER BY 1`,
    prisma.$queryRaw<{ workingDays: number; count: bigint }[]>`
      SELECT h.wd AS "workingDays", count(c."dueAt") AS count
      FROM unnest(${horizons.map((h) => h.workingDays)}::int[], ${horizons.map((h) => new Date(h.dueAt))}::timestamp[]) AS h(wd, due_by)
      LEFT JOIN (${OPEN_CASES}) c ON c."dueAt" >= ${now} AND c."dueAt" <= h.due_by
      GROUP BY h.wd ORDER BY h.wd`,
  ]);
  const dueCount = new Map(due.map((d) => [Number(d.workingDays), Number(d.count)]));
  return {
    asOf: now.toISOString(),
    openByStatus: byStatus.map((r) => ({ caseType: r.caseType as CaseType, status: r.status, count: Number(r.count) })),
    overdue: counted(overdue),
    escalated: counted(escalated),
    dueWithin: horizons.map((h) => ({ workingDays: h.workingDays, dueBy: h.dueAt, count: dueCount.get(h.workingDays) ?? 0 })),
  };
}
