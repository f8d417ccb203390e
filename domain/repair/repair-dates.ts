import { addDays, localDateOf, startOfLocalDay } from '../calendar/local-date.js';
import { addCalendarMonths } from '../records/calendar-months.js';

/**
 * The instant from which a refused subject may apply again: the refusal's calendar day in the office's zone plus
 * `days` days (民法典 art. 201 [C]: a period counted in days starts the next day), from 00:00 local time.
 */
export function reapplyFromInstant(decidedAt: Date, days: number, timeZone: string): string {
  return startOfLocalDay(addDays(localDateOf(decidedAt, timeZone), days), timeZone).toISOString();
}

/** The instant a bar after a revoked repair ends: the revocation's local day plus calendar months (民法典 art. 202 [C]). */
export function barUntilInstant(revokedAt: Date, months: number, timeZone: string): string {
  return startOfLocalDay(addDays(addCalendarMonths(localDateOf(revokedAt, timeZone), months), 1), timeZone).toISOString();
}

/** The end of the window in which an approved repair can be revoked: the approval's local day plus calendar months. */
export function revocationWindowEndsAt(approvedAt: Date, months: number, timeZone: string): string {
  return barUntilInstant(approvedAt, months, timeZone);
}
