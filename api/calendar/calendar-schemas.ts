import { extendZodWithOpenApi } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import { CALENDAR_DAY_KINDS, DayKind } from '../../domain/calendar/working-days.js';
import { MAX_WORKING_DAYS } from '../../lib/calendar/deadline-calculator.js';

extendZodWithOpenApi(z);

/** Years the calendar can hold; a date outside them (9999-12-29 + 5 working days) has no answer and is a 400. */
export const CALENDAR_MIN_YEAR = 1900;
export const CALENDAR_MAX_YEAR = 2199;
const inCalendarYears = (value: string) => {
  const year = Number(value.slice(0, 4));
  return year >= CALENDAR_MIN_YEAR && year <= CALENDAR_MAX_YEAR;
};
const yearMessage = `must be within the years ${CALENDAR_MIN_YEAR}–${CALENDAR_MAX_YEAR}`;
const isoDate = z.iso.date().refine(inCalendarYears, yearMessage);
const isoInstant = z.iso.datetime({ offset: true }).refine(inCalendarYears, yearMessage);

/** A whole number written in a query string or path, e.g. "5". */
const wholeNumber = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d{1,6}$/, 'must be a whole number')
    .transform(Number)
    .pipe(z.number().int().min(min).max(max));

export const dueDateQuerySchema = z
  .object({
    from: z.union([isoInstant, isoDate]).openapi({
      description: 'Start instant (ISO 8601 with offset), or a date YYYY-MM-DD meaning 00:00 of that date in the calendar time zone',
      example: '2025-09-26T09:00:00+08:00',
    }),
    workingDays: wholeNumber(0, MAX_WORKING_DAYS).openapi({ example: '5', description: `0 to ${MAX_WORKING_DAYS}` }),
  })
  .strict();

export const workingDayQuerySchema = z.object({ date: isoDate.openapi({ example: '2025-09-28' }) }).strict();

export const yearParamsSchema = z.object({
  year: wholeNumber(CALENDAR_MIN_YEAR, CALENDAR_MAX_YEAR).openapi({ param: { name: 'year', in: 'path' }, example: '2027' }),
});

export const calendarDaySchema = z
  .object({
    date: isoDate,
    kind: z.enum(CALENDAR_DAY_KINDS).openapi({ description: 'HOLIDAY on a weekday, or WORKDAY (调休上班) on a weekend' }),
    name: z.string().trim().min(1).max(100).openapi({ example: '国庆节' }),
  })
  .strict()
  .openapi('CalendarDay');

export const putCalendarYearSchema = z
  .object({
    source: z.string().trim().min(1).max(500).openapi({ example: '国务院办公厅关于2027年部分节假日安排的通知' }),
    notice: z.string().trim().max(5000).nullish().openapi({ description: 'Notice number or text of the arrangement' }),
    days: z.array(calendarDaySchema).max(366).openapi({ description: 'Every exception to Monday–Friday of the year' }),
  })
  .strict()
  .openapi('PutCalendarYearRequest');

export const deadlineSchema = z
  .object({
    from: z.string(),
    workingDays: z.number().int(),
    dueDate: z.string().openapi({ description: 'Last day of the period in the calendar time zone', example: '2025-10-10' }),
    dueAt: z.string().openapi({ description: 'Instant the period ends (24:00 of dueDate)', example: '2025-10-10T16:00:00.000Z' }),
    provisional: z.boolean().openapi({ description: 'The count ran into a year whose arrangement is not published' }),
    calendarVersion: z.string().openapi({ example: 'r12' }),
  })
  .openapi('Deadline');

export const workingDayInfoSchema = z
  .object({
    date: z.string(),
    workingDay: z.boolean(),
    kind: z.enum(Object.values(DayKind) as [DayKind, ...DayKind[]]),
    name: z.string().optional(),
    provisional: z.boolean(),
  })
  .openapi('WorkingDay');

export const calendarYearSummarySchema = z
  .object({
    year: z.number().int(),
    source: z.string(),
    notice: z.string().nullable(),
    holidays: z.number().int(),
    workdays: z.number().int(),
    updatedAt: z.string(),
  })
  .openapi('CalendarYearSummary');

export const calendarYearDetailSchema = z
  .object({
    year: z.number().int(),
    source: z.string(),
    notice: z.string().nullable(),
    updatedAt: z.string(),
    days: z.array(calendarDaySchema),
  })
  .openapi('CalendarYear');

export const putCalendarYearResultSchema = z
  .object({
    year: z.number().int(),
    calendarVersion: z.string(),
    recomputedCases: z.number().int().openapi({ description: 'Open cases whose provisional deadlines are computed again' }),
  })
  .openapi('PutCalendarYearResult');
