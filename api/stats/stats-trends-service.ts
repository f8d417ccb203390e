import { Prisma, type PrismaClient } from '../../generated/prisma/client.js';
import { addDays, dayOfWeek, localDateOf, startOfLocalDay } from '../../domain/calendar/local-date.js';
import { isWorkingDay, type CalendarData } from '../../domain/calendar/working-days.js';
import { AGEING_BUCKETS, type CaseTrends } from './stats-trends-schemas.js';

type CaseType = CaseTrends['ageing'][number]['counts'][number]['caseType'];

/**
 * Every case with when it was opened and closed and the authority accountable for it; each arm is one narrow scan.
 * A complaint's authority is the one verifying it (the credit office's until forwarded). With a policy area, only
 * the cases of that area (their record's, or the complaint's own).
 */
function casesOf(policyArea?: string): Prisma.Sql {
  const area = (alias: string) =>
    policyArea
      ? Prisma.sql`WHERE EXISTS (SELECT 1 FROM "DishonestyRecord" d WHERE d."id" = ${Prisma.raw(`${alias}."recordId"`)} AND d."policyArea" = ${policyArea}::"PolicyArea")`
      : Prisma.empty;
  return Prisma.sql`
  SELECT 'OBJECTION' AS "caseType", o."id", o."authorityId", o."filedAt" AS "openedAt", o."closedAt" FROM "Objection" o ${area('o')}
  UNION ALL SELECT 'RECTIFICATION', r."id", r."authorityId", r."openedAt", r."closedAt" FROM "Rectification" r ${area('r')}
  UNION ALL SELECT 'REPAIR', a."id", a."authorityId", a."filedAt", a."closedAt" FROM "RepairApplication" a ${area('a')}
  UNION ALL SELECT 'COMPLAINT', k."id", k."authorityId", k."filedAt", k."closedAt" FROM "Complaint" k
    ${policyArea ? Prisma.sql`WHERE k."policyArea" = ${policyArea}::"PolicyArea"` : Prisma.empty}
  UNION ALL SELECT 'COMMITMENT', m."id", m."authorityId", m."registeredAt", m."closedAt" FROM "Commitment" m
    ${policyArea ? Prisma.sql`WHERE m."policyArea" = ${policyArea}::"PolicyArea"` : Prisma.empty}`;
}

/** The open lower end of the oldest bucket, as a timestamp PostgreSQL compares. */
const EARLIEST = new Date('1900-01-01T00:00:00Z');

/**
 * The local dates whose cases are between min and max working days old today: the working days after the opening
 * date up to today are counted (a case opened today is 0 days old). Walks back from today one day at a time.
 */
export function ageingRanges(today: string, calendar: CalendarData, buckets = AGEING_BUCKETS) {
  const oldestBound = Math.max(...buckets.map((b) => b.max ?? b.min));
  // ageOf[date] for each date back from today until past the largest bound.
  const ages: { date: string; age: number }[] = [];
  let age = 0;
  for (let date = today; ages.length < 3660; date = addDays(date, -1)) {
    ages.push({ date, age });
    if (age > oldestBound) break;
    if (isWorkingDay(date, calendar)) age += 1;
  }
  return buckets.map((bucket) => {
    const dates = ages.filter((a) => a.age >= bucket.min && (bucket.max === null || a.age <= bucket.max)).map((a) => a.date);
    const newest = dates[0];
    const oldest = bucket.max === null ? null : dates[dates.length - 1];
    return { ...bucket, fromDate: oldest ?? null, beforeDate: newest ? addDays(newest, 1) : null };
  });
}

/** Mondays of the last `weeks` weeks (this one last), in the calendar's zone. */
export function weekStarts(today: string, weeks: number): string[] {
  const monday = addDays(today, -((dayOfWeek(today) + 6) % 7));
  return Array.from({ length: weeks }, (_, i) => addDays(monday, -7 * (weeks - 1 - i)));
}

const perType = (rows: { caseType: string; count: bigint | number }[]) =>
  rows.filter((r) => Number(r.count) > 0).map((r) => ({ caseType: r.caseType as CaseType, count: Number(r.count) }));

export async function caseTrends(prisma: PrismaClient, calendar: CalendarData, timeZone: string, weeks: number, now = new Date(), policyArea?: string): Promise<CaseTrends> {
  const CASES = casesOf(policyArea);
  const today = localDateOf(now, timeZone);
  const instant = (date: string | null, fallback: Date) => (date ? startOfLocalDay(date, timeZone) : fallback);

  const ranges = ageingRanges(today, calendar);
  const bucketFrom = ranges.map((r) => instant(r.fromDate, EARLIEST));
  const bucketBefore = ranges.map((r) => instant(r.beforeDate, EARLIEST));
  const mondays = weekStarts(today, weeks);
  const weekFrom = mondays.map((m) => startOfLocalDay(m, timeZone));
  const weekBefore = mondays.map((m) => startOfLocalDay(addDays(m, 7), timeZone));
  const windowStart = weekFrom[0]!;

  const [ageing, compliance, closed, filed] = await Promise.all([
    prisma.$queryRaw<{ bucket: number; caseType: string; count: bigint }[]>`
      SELECT b.i AS bucket, c."caseType", count(*) AS count
      FROM unnest(${ranges.map((_, i) => i)}::int[], ${bucketFrom}::timestamp[], ${bucketBefore}::timestamp[]) AS b(i, f, t)
      JOIN (${CASES}) c ON c."closedAt" IS NULL AND c."openedAt" >= b.f AND c."openedAt" < b.t
      GROUP BY 1, 2 ORDER BY 1, 2`,
    prisma.$queryRaw<{ authorityId: string; authorityName: string; closed: bigint; onTime: bigint }[]>`
      SELECT c."authorityId", au."name" AS "authorityName", count(*) AS closed,
             count(*) FILTER (WHERE NOT EXISTS (
               SELECT 1 FROM "CaseEvent" e WHERE e."caseId" = c."id" AND e."type" IN ('ESCALATED', 'SUPERVISION_NOTICE'))) AS "onTime"
      FROM (${CASES}) c JOIN "Authority" au ON au."id" = c."authorityId"
      WHERE c."closedAt" >= ${windowStart}
      GROUP BY 1, 2 ORDER BY 2, 1`,
    prisma.$queryRaw<{ week: number; caseType: string; count: bigint }[]>`
      SELECT w.i AS week, c."caseType", count(*) AS count
      FROM unnest(${mondays.map((_, i) => i)}::int[], ${weekFrom}::timestamp[], ${weekBefore}::timestamp[]) AS w(i, f, t)
      JOIN (${CASES}) c ON c."closedAt" >= w.f AND c."closedAt" < w.t
      GROUP BY 1, 2 ORDER BY 1, 2`,
    prisma.$queryRaw<{ week: number; caseType: string; count: bigint }[]>`
      SELECT w.i AS week, c."caseType", count(*) AS count
      FROM unnest(${mondays.map((_, i) => i)}::int[], ${weekFrom}::timestamp[], ${weekBefore}::timestamp[]) AS w(i, f, t)
      JOIN (${CASES}) c ON c."openedAt" >= w.f AND c."openedAt" < w.t
      GROUP BY 1, 2 ORDER BY 1, 2`,
  ]);

  return {
    asOf: now.toISOString(),
    ageing: ranges.map((r, i) => ({
      minWorkingDays: r.min,
      maxWorkingDays: r.max,
      from: r.fromDate ? bucketFrom[i]!.toISOString() : null,
      before: r.beforeDate ? bucketBefore[i]!.toISOString() : null,
      counts: perType(ageing.filter((a) => Number(a.bucket) === i)),
    })),
    compliance: compliance.map((c) => ({
      authorityId: c.authorityId,
      authorityName: c.authorityName,
      closed: Number(c.closed),
      onTime: Number(c.onTime),
      share: Number(c.closed) === 0 ? 1 : Number(c.onTime) / Number(c.closed),
    })),
    throughput: mondays.map((weekStart, i) => ({
      weekStart,
      from: weekFrom[i]!.toISOString(),
      before: weekBefore[i]!.toISOString(),
      closed: perType(closed.filter((r) => Number(r.week) === i)),
      filed: perType(filed.filter((r) => Number(r.week) === i)),
    })),
  };
}
