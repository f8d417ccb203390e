import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { endOfLocalDay, localDateOf, startOfLocalDay } from '../../domain/calendar/local-date.js';
import {
  addWorkingDays,
  CalendarDayKind,
  dayKind,
  DayKind,
  isWorkingDay,
  type CalendarData,
} from '../../domain/calendar/working-days.js';

/** The official arrangements as shipped by chinese-days, straight from its per-year files. */
function chineseDaysCalendar(...years: number[]): CalendarData {
  const folder = join(dirname(createRequire(import.meta.url).resolve('chinese-days/package.json')), 'dist', 'years');
  const exceptions = new Map<string, CalendarDayKind>();
  for (const year of years) {
    const file = JSON.parse(readFileSync(join(folder, `${year}.json`), 'utf8')) as Record<'holidays' | 'workdays', Record<string, string>>;
    for (const date of Object.keys(file.holidays)) exceptions.set(date, CalendarDayKind.HOLIDAY);
    for (const date of Object.keys(file.workdays)) exceptions.set(date, CalendarDayKind.WORKDAY);
  }
  return { exceptions, publishedYears: new Set(years) };
}

const calendar = chineseDaysCalendar(2024, 2025, 2026);
const due = (start: string, workingDays: number) => addWorkingDays(start, workingDays, calendar);

describe('working days over the official holiday arrangements', () => {
  it('5 working days after Fri 2025-09-26 is Fri 2025-10-10 (Sep 28 Sun worked, Oct 1–8 National Day and Mid-Autumn)', () => {
    expect(due('2025-09-26', 5)).toEqual({ dueDate: '2025-10-10', provisional: false });
  });

  it('counts Sun 2025-01-26 as a working day and skips the Spring Festival Jan 28–Feb 4', () => {
    expect(due('2025-01-24', 2)).toEqual({ dueDate: '2025-01-27', provisional: false });
    expect(due('2025-01-24', 3)).toEqual({ dueDate: '2025-02-05', provisional: false });
  });

  it('counts Sat 2025-02-08 as a working day after the Spring Festival', () => {
    expect(due('2025-02-05', 3).dueDate).toBe('2025-02-08');
    expect(due('2025-02-07', 2).dueDate).toBe('2025-02-10');
  });

  it('counts Sun 2025-04-27 and skips Labour Day May 1–5', () => {
    expect(due('2025-04-25', 1).dueDate).toBe('2025-04-27');
    expect(due('2025-04-28', 5).dueDate).toBe('2025-05-08');
  });

  it('skips the 2026 Spring Festival Feb 15–23 and counts Sat Feb 14 and Sat Feb 28', () => {
    expect(due('2026-02-12', 5).dueDate).toBe('2026-02-26');
    expect(due('2026-02-27', 1).dueDate).toBe('2026-02-28');
    expect(due('2026-02-27', 2).dueDate).toBe('2026-03-02');
  });

  it('does not count the first day, whether or not it is a working day', () => {
    expect(due('2025-09-22', 1).dueDate).toBe('2025-09-23');
    expect(due('2025-09-27', 1).dueDate).toBe('2025-09-28');
    expect(due('2025-10-01', 1).dueDate).toBe('2025-10-09');
  });

  it('ends a period on the last working day before a holiday, and moves one that would end in it past the holiday', () => {
    expect(due('2025-09-29', 1).dueDate).toBe('2025-09-30');
    expect(due('2025-09-30', 1).dueDate).toBe('2025-10-09');
  });

  it('is not provisional when the period ends on the last day of a published year', () => {
    expect(due('2026-12-24', 5)).toEqual({ dueDate: '2026-12-31', provisional: false });
  });

  it('is provisional when the period runs into 2027, whose arrangement is not published, counting it as Monday–Friday', () => {
    expect(due('2026-12-24', 10)).toEqual({ dueDate: '2027-01-07', provisional: true });
  });

  it('with 0 working days ends on the start date itself, provisional only when that year is unpublished', () => {
    expect(due('2025-10-01', 0)).toEqual({ dueDate: '2025-10-01', provisional: false });
    expect(due('2027-03-01', 0)).toEqual({ dueDate: '2027-03-01', provisional: true });
  });

  it('rejects a malformed date or a negative or fractional count', () => {
    expect(() => due('2025-02-30', 1)).toThrow(RangeError);
    expect(() => due('2025-09-26', -1)).toThrow(RangeError);
    expect(() => due('2025-09-26', 1.5)).toThrow(RangeError);
  });
});

describe('classifying a single date', () => {
  it('tells weekdays, weekends, holidays and adjusted working days apart', () => {
    expect(dayKind('2025-09-26', calendar.exceptions.get('2025-09-26'))).toBe(DayKind.WORKDAY);
    expect(dayKind('2025-09-27', calendar.exceptions.get('2025-09-27'))).toBe(DayKind.WEEKEND);
    expect(dayKind('2025-09-28', calendar.exceptions.get('2025-09-28'))).toBe(DayKind.ADJUSTED_WORKDAY);
    expect(dayKind('2025-10-06', calendar.exceptions.get('2025-10-06'))).toBe(DayKind.HOLIDAY);
  });

  it('treats adjusted working days as working days and holidays as days off', () => {
    expect(isWorkingDay('2025-09-28', calendar)).toBe(true);
    expect(isWorkingDay('2025-10-08', calendar)).toBe(false);
    expect(isWorkingDay('2025-10-11', calendar)).toBe(true);
    expect(isWorkingDay('2025-10-12', calendar)).toBe(false);
  });
});

describe('local dates in a time zone', () => {
  it('takes the local date of an instant in Asia/Shanghai, which is 8 hours ahead of UTC', () => {
    expect(localDateOf(new Date('2025-09-26T15:59:59Z'), 'Asia/Shanghai')).toBe('2025-09-26');
    expect(localDateOf(new Date('2025-09-26T16:00:00Z'), 'Asia/Shanghai')).toBe('2025-09-27');
  });

  it('ends a local date at the next midnight in the time zone', () => {
    expect(endOfLocalDay('2025-10-10', 'Asia/Shanghai').toISOString()).toBe('2025-10-10T16:00:00.000Z');
    expect(startOfLocalDay('2025-10-10', 'Asia/Shanghai').toISOString()).toBe('2025-10-09T16:00:00.000Z');
  });

  it('uses the offset in force on that date in a zone with daylight saving time', () => {
    expect(endOfLocalDay('2025-03-08', 'America/New_York').toISOString()).toBe('2025-03-09T05:00:00.000Z');
    expect(endOfLocalDay('2025-03-09', 'America/New_York').toISOString()).toBe('2025-03-10T04:00:00.000Z');
  });
});
