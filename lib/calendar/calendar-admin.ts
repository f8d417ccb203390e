/** Reading and editing the working-day calendar (one CalendarYear per published arrangement). */
import { estimatedHolidays } from './estimated-holidays.js';
import { isIsoDate, yearOf } from '../../domain/calendar/local-date.js';
import { CalendarDayKind, DayKind, dayKind } from '../../domain/calendar/working-days.js';
import { AppError, ErrorCode, type FieldProblem } from '../app-error.js';
import type { PrismaClient } from '../prisma.js';
import { calendarVersionOf, fromDbDate, isCalendarDayKind, storedDayKind, toDbDate } from './calendar-repository.js';

export interface CalendarYearSummary {
  year: number;
  source: string;
  notice: string | null;
  holidays: number;
  workdays: number;
  updatedAt: string;
}

export interface CalendarDayEntry {
  date: string;
  kind: CalendarDayKind;
  name: string;
}

export interface CalendarYearDetail {
  year: number;
  source: string;
  notice: string | null;
  updatedAt: string;
  days: CalendarDayEntry[];
}

export interface PutCalendarYearInput {
  year: number;
  source: string;
  notice?: string | null | undefined;
  days: CalendarDayEntry[];
}

export interface PutCalendarYearResult {
  year: number;
  revision: number;
  calendarVersion: string;
  holidays: number;
  workdays: number;
}

export interface WorkingDayInfo {
  date: string;
  workingDay: boolean;
  kind: DayKind;
  name?: string;
  /** True when the year's arrangement is not published: the answer assumes Monday–Friday. */
  provisional: boolean;
}

export async function listCalendarYears(prisma: PrismaClient): Promise<CalendarYearSummary[]> {
  const [years, counts] = await Promise.all([
    prisma.calendarYear.findMany({ orderBy: { year: 'asc' } }),
    prisma.calendarDay.groupBy({ by: ['year', 'kind'], _count: { _all: true } }),
  ]);
  const countOf = (year: number, kind: CalendarDayKind) =>
    counts.find((c) => c.year === year && c.kind === kind)?._count._all ?? 0;
  return years.map((row) => ({
    year: row.year,
    source: row.source,
    notice: row.notice,
    holidays: countOf(row.year, CalendarDayKind.HOLIDAY),
    workdays: countOf(row.year, CalendarDayKind.WORKDAY),
    updatedAt: row.updatedAt.toISOString(),
  }));
}

/** Throws NOT_FOUND when the year has no published arrangement. */
export async function getCalendarYear(prisma: PrismaClient, year: number): Promise<CalendarYearDetail> {
  const row = await prisma.calendarYear.findUnique({ where: { year }, include: { days: { orderBy: { date: 'asc' } } } });
  if (!row) throw AppError.notFound('Calendar year', String(year));
  return {
    year: row.year,
    source: row.source,
    notice: row.notice,
    updatedAt: row.updatedAt.toISOString(),
    days: row.days.map((day) => ({
      date: fromDbDate(day.date),
      kind: storedDayKind(day),
      name: day.name,
    })),
  };
}

function dayProblems(year: number, days: CalendarDayEntry[]): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const seen = new Set<string>();
  days.forEach((day, i) => {
    if (!isIsoDate(day.date)) problems.push({ path: `days.${i}.date`, message: 'must be a date YYYY-MM-DD' });
    else if (yearOf(day.date) !== year) problems.push({ path: `days.${i}.date`, message: `must fall in ${year}` });
    else if (seen.has(day.date)) problems.push({ path: `days.${i}.date`, message: `${day.date} is listed twice` });
    seen.add(day.date);
    if (!isCalendarDayKind(day.kind)) problems.push({ path: `days.${i}.kind`, message: 'must be HOLIDAY or WORKDAY' });
  });
  return problems;
}

/**
 * Replaces a year's arrangement (its days and source notice) and appends a CalendarRevision, in one
 * transaction; deadline calculators pick the new revision up on their next computation.
 */
export async function putCalendarYear(prisma: PrismaClient, actorId: string, input: PutCalendarYearInput): Promise<PutCalendarYearResult> {
  const { year, source, days } = input;
  const notice = input.notice ?? null;
  const problems = Number.isInteger(year) ? dayProblems(year, days) : [{ path: 'year', message: 'must be an integer' }];
  const [first] = problems;
  if (first) throw new AppError(ErrorCode.VALIDATION, `Invalid calendar year: ${first.path}: ${first.message}`, { errors: problems });
  const holidays = days.filter((day) => day.kind === CalendarDayKind.HOLIDAY).length;
  const [, , , revision] = await prisma.$transaction([
    prisma.calendarYear.upsert({ where: { year }, create: { year, source, notice }, update: { source, notice } }),
    prisma.calendarDay.deleteMany({ where: { year } }),
    prisma.calendarDay.createMany({ data: days.map((day) => ({ date: toDbDate(day.date), year, kind: day.kind, name: day.name })) }),
    prisma.calendarRevision.create({
      data: { change: `replaced year ${year}: ${holidays} holidays, ${days.length - holidays} workdays`, actorId },
    }),
  ]);
  return { year, revision: revision.id, calendarVersion: calendarVersionOf(revision.id), holidays, workdays: days.length - holidays };
}

/** How the calendar classifies one date, with the holiday's name when it has one. */
export async function describeCalendarDay(prisma: PrismaClient, date: string): Promise<WorkingDayInfo> {
  if (!isIsoDate(date)) {
    throw new AppError(ErrorCode.VALIDATION, 'Invalid request: date: must be a date YYYY-MM-DD', {
      errors: [{ path: 'date', message: 'must be a date YYYY-MM-DD' }],
    });
  }
  const [published, exception] = await prisma.$transaction([
    prisma.calendarYear.findUnique({ where: { year: yearOf(date) }, select: { year: true } }),
    prisma.calendarDay.findUnique({ where: { date: toDbDate(date) } }),
  ]);
  // A year without a published arrangement: its statutory holidays, estimated (the answer stays provisional).
  const estimated = !exception && published === null ? estimatedHolidays(yearOf(date)).get(date) : undefined;
  const kind = dayKind(date, exception ? storedDayKind(exception) : estimated ? 'HOLIDAY' : undefined);
  return {
    date,
    workingDay: kind === DayKind.WORKDAY || kind === DayKind.ADJUSTED_WORKDAY,
    kind,
    ...(exception ? { name: exception.name } : estimated ? { name: estimated } : {}),
    provisional: published === null,
  };
}
