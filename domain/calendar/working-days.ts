/** Working-day arithmetic over the official holiday arrangement (see rules.md, "Working days"). Pure, no I/O. */
import { addDays, isIsoDate, isWeekend, yearOf } from './local-date.js';

/** An exception to Monday–Friday as stored in the calendar: a weekday holiday or a weekend adjusted working day (调休). */
export const CalendarDayKind = { HOLIDAY: 'HOLIDAY', WORKDAY: 'WORKDAY' } as const;
export type CalendarDayKind = (typeof CalendarDayKind)[keyof typeof CalendarDayKind];
export const CALENDAR_DAY_KINDS = Object.values(CalendarDayKind) as [CalendarDayKind, ...CalendarDayKind[]];

/** What a single date is, once weekends and the exceptions are taken into account. */
export const DayKind = {
  WORKDAY: 'WORKDAY',
  WEEKEND: 'WEEKEND',
  HOLIDAY: 'HOLIDAY',
  ADJUSTED_WORKDAY: 'ADJUSTED_WORKDAY',
} as const;
export type DayKind = (typeof DayKind)[keyof typeof DayKind];

export interface CalendarData {
  /** Exceptions to Monday–Friday, keyed by YYYY-MM-DD. */
  exceptions: ReadonlyMap<string, CalendarDayKind>;
  /** Years whose arrangement has been published; other years count as plain Monday–Friday, provisionally. */
  publishedYears: ReadonlySet<number>;
}

export interface WorkingDaysResult {
  /** The Nth working day after the start date (the start date itself when N = 0). */
  dueDate: string;
  /** True when a date the count looked at lies in a year without a published arrangement. */
  provisional: boolean;
}

export function dayKind(date: string, exception: CalendarDayKind | undefined): DayKind {
  if (exception === CalendarDayKind.HOLIDAY) return DayKind.HOLIDAY;
  if (isWeekend(date)) return exception === CalendarDayKind.WORKDAY ? DayKind.ADJUSTED_WORKDAY : DayKind.WEEKEND;
  return DayKind.WORKDAY;
}

/** Options of the count; see working-day-settings.ts. */
export interface WorkingDayCountOptions {
  /** Whether make-up working days (调休上班) count as working days; default true. */
  countAdjustedWorkdays?: boolean;
}

export function isWorkingDay(date: string, data: CalendarData, options: WorkingDayCountOptions = {}): boolean {
  const kind = dayKind(date, data.exceptions.get(date));
  return kind === DayKind.WORKDAY || (kind === DayKind.ADJUSTED_WORKDAY && options.countAdjustedWorkdays !== false);
}

/**
 * Counts `workingDays` working days after `startDate` ("N 个工作日"): the start date is not counted, and the
 * result is always a working day, so a period that would end on a holiday ends on the next working day.
 */
export function addWorkingDays(startDate: string, workingDays: number, data: CalendarData, options: WorkingDayCountOptions = {}): WorkingDaysResult {
  if (!isIsoDate(startDate)) throw new RangeError(`Not a YYYY-MM-DD date: ${startDate}`);
  if (!Number.isSafeInteger(workingDays) || workingDays < 0) {
    throw new RangeError(`workingDays must be a non-negative integer, got ${workingDays}`);
  }
  let date = startDate;
  let provisional = workingDays === 0 && !data.publishedYears.has(yearOf(date));
  for (let counted = 0; counted < workingDays; ) {
    date = addDays(date, 1);
    if (!data.publishedYears.has(yearOf(date))) provisional = true;
    if (isWorkingDay(date, data, options)) counted++;
  }
  return { dueDate: date, provisional };
}
