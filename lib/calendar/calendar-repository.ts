import { CALENDAR_DAY_KINDS, type CalendarData, type CalendarDayKind } from '../../domain/calendar/working-days.js';
import type { PrismaClient } from '../prisma.js';
import { ESTIMATED_YEARS_AHEAD, estimatedHolidays } from './estimated-holidays.js';

/** The calendar data as of one revision. */
export interface CalendarSnapshot {
  /** "r<id>" of the latest CalendarRevision, "r0" before any. */
  version: string;
  data: CalendarData;
}

export interface CalendarRepository {
  /** The current calendar; reloaded only when a new CalendarRevision has been written. */
  current(): Promise<CalendarSnapshot>;
}

export function calendarVersionOf(revisionId: number | null | undefined): string {
  return `r${revisionId ?? 0}`;
}

/** A DATE column value (midnight UTC) as YYYY-MM-DD. */
export function fromDbDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** YYYY-MM-DD as the value Prisma writes to a DATE column. */
export function toDbDate(date: string): Date {
  return new Date(`${date}T00:00:00.000Z`);
}

export function isCalendarDayKind(value: string): value is CalendarDayKind {
  return (CALENDAR_DAY_KINDS as readonly string[]).includes(value);
}

/** The kind column of a stored day; a value written around the API is an error, not a guess. */
export function storedDayKind(day: { date: Date; kind: string }): CalendarDayKind {
  if (!isCalendarDayKind(day.kind)) throw new Error(`CalendarDay ${fromDbDate(day.date)} has an unknown kind ${day.kind}`);
  return day.kind;
}

/** Unpublished years from the first published one to ESTIMATED_YEARS_AHEAD past the last. */
function estimatedYears(published: ReadonlySet<number>): number[] {
  if (published.size === 0) return [];
  const first = Math.min(...published);
  const last = Math.max(...published) + ESTIMATED_YEARS_AHEAD;
  const years: number[] = [];
  for (let year = first; year <= last; year++) if (!published.has(year)) years.push(year);
  return years;
}

export function createCalendarRepository(prisma: PrismaClient): CalendarRepository {
  let cached: { revisionId: number; snapshot: Promise<CalendarSnapshot> } | null = null;

  // Revision, years and days are read in one snapshot so the version always labels exactly the data loaded.
  async function load(): Promise<CalendarSnapshot> {
    const [latest, years, days] = await prisma.$transaction(
      [
        prisma.calendarRevision.findFirst({ orderBy: { id: 'desc' }, select: { id: true } }),
        prisma.calendarYear.findMany({ select: { year: true } }),
        prisma.calendarDay.findMany({ select: { date: true, kind: true } }),
      ],
      { isolationLevel: 'RepeatableRead' },
    );
    const exceptions = new Map<string, CalendarDayKind>();
    for (const day of days) exceptions.set(fromDbDate(day.date), storedDayKind(day));
    const publishedYears = new Set(years.map((y) => y.year));
    // Years without a published arrangement count their statutory holidays (an estimate; still provisional).
    for (const year of estimatedYears(publishedYears)) {
      for (const date of estimatedHolidays(year).keys()) if (!exceptions.has(date)) exceptions.set(date, 'HOLIDAY');
    }
    return { version: calendarVersionOf(latest?.id), data: { exceptions, publishedYears } };
  }

  return {
    async current() {
      const latest = await prisma.calendarRevision.findFirst({ orderBy: { id: 'desc' }, select: { id: true } });
      const revisionId = latest?.id ?? 0;
      let entry = cached;
      if (!entry || entry.revisionId !== revisionId) {
        // Concurrent callers share one load; a failed load is forgotten so the next call retries.
        const loading = { revisionId, snapshot: load() };
        loading.snapshot.catch(() => {
          if (cached === loading) cached = null;
        });
        cached = entry = loading;
      }
      return entry.snapshot;
    },
  };
}
