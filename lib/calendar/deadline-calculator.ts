import type { Deadline, DeadlineRequest } from '../../domain/calendar/deadline.js';
import type { TimeScale } from '../../domain/calendar/time-scale.js';
import { assertTimeZone, endOfLocalDay, isIsoDate, localDateOf, startOfLocalDay } from '../../domain/calendar/local-date.js';
import { dayEndMinutes, workingDaySettingsSchema, type WorkingDaySettings } from '../../domain/calendar/working-day-settings.js';
import { addWorkingDays } from '../../domain/calendar/working-days.js';
import { AppError, ErrorCode, type FieldProblem } from '../app-error.js';
import type { PrismaClient } from '../prisma.js';
import { createCalendarRepository } from './calendar-repository.js';

export const MAX_WORKING_DAYS = 366;

/** Computes "N 个工作日" deadlines from the working-day calendar in the database. */
export interface DeadlineCalculator {
  /** The IANA time zone in which dates are counted. */
  readonly timeZone: string;
  /** Compressed time of a test or demonstration worker; empty (real time) everywhere else. */
  readonly timeScale: TimeScale;
  /** Throws AppError VALIDATION for an invalid request. */
  compute(request: DeadlineRequest): Promise<Deadline>;
}

export interface DeadlineCalculatorOptions {
  /** IANA time zone, e.g. Asia/Shanghai. */
  timeZone: string;
  /** Whether 调休上班 days count, and when the last day ends; defaults in working-day-settings.ts. */
  settings?: Partial<WorkingDaySettings> | undefined;
  /**
   * Compressed time (tests, demonstrations): a working day lasts `secondsPerWorkingDay` seconds and the calendar is
   * not consulted. The worker takes it from its configuration, which production refuses (lib/config.ts).
   */
  timeScale?: TimeScale | undefined;
}

// An instant must carry its offset: a bare local time would be read in the server's zone.
const ISO_INSTANT = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,9})?)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$/;

function parseFrom(from: string): Date | null {
  // Activities receive JSON from Temporal, so the type is not a guarantee.
  const match = typeof from === 'string' ? ISO_INSTANT.exec(from) : null;
  // Date.parse rolls 2025-02-30 over into March instead of rejecting it.
  if (!match?.[1] || !isIsoDate(match[1])) return null;
  const instant = new Date(from);
  return Number.isNaN(instant.getTime()) ? null : instant;
}

function parseRequest(request: DeadlineRequest): Date {
  const errors: FieldProblem[] = [];
  const from = parseFrom(request.from);
  if (!from) errors.push({ path: 'from', message: 'must be an ISO 8601 instant with an offset, e.g. 2025-09-26T09:00:00+08:00' });
  const { workingDays } = request;
  if (!Number.isInteger(workingDays) || workingDays < 0 || workingDays > MAX_WORKING_DAYS) {
    errors.push({ path: 'workingDays', message: `must be an integer from 0 to ${MAX_WORKING_DAYS}` });
  }
  if (errors.length > 0 || !from) {
    const detail = errors.map((e) => `${e.path}: ${e.message}`).join('; ');
    throw new AppError(ErrorCode.VALIDATION, `Invalid deadline request: ${detail}`, { errors });
  }
  return from;
}

export function createDeadlineCalculator(prisma: PrismaClient, options: DeadlineCalculatorOptions): DeadlineCalculator {
  const { timeZone } = options;
  assertTimeZone(timeZone);
  const timeScale: TimeScale = { ...options.timeScale };
  const { secondsPerWorkingDay } = timeScale;
  if (secondsPerWorkingDay !== undefined && !(Number.isFinite(secondsPerWorkingDay) && secondsPerWorkingDay > 0)) {
    throw new Error(`timeScale.secondsPerWorkingDay must be a positive number, not ${secondsPerWorkingDay}`);
  }
  const settings = workingDaySettingsSchema.parse(options.settings ?? {});
  const endMinutes = dayEndMinutes(settings);
  // 24:00 is the start of the next local day; a close of business is that many minutes after the day's start
  // (zones with daylight saving would shift it on their change days; Asia/Shanghai has none).
  const endOf = (date: string) =>
    endMinutes === 24 * 60 ? endOfLocalDay(date, timeZone) : new Date(startOfLocalDay(date, timeZone).getTime() + endMinutes * 60_000);
  const calendar = createCalendarRepository(prisma);

  return {
    timeZone,
    timeScale,
    async compute(request) {
      const from = parseRequest(request);
      const { workingDays } = request;
      if (secondsPerWorkingDay !== undefined) {
        const dueAt = new Date(from.getTime() + workingDays * secondsPerWorkingDay * 1000);
        return {
          from: from.toISOString(),
          workingDays,
          dueDate: localDateOf(dueAt, timeZone),
          dueAt: dueAt.toISOString(),
          provisional: false,
          calendarVersion: 'scaled',
        };
      }
      const { version, data } = await calendar.current();
      const { dueDate, provisional } = addWorkingDays(localDateOf(from, timeZone), workingDays, data, settings);
      return {
        from: from.toISOString(),
        workingDays,
        dueDate,
        dueAt: endOf(dueDate).toISOString(),
        provisional,
        calendarVersion: version,
      };
    },
  };
}
