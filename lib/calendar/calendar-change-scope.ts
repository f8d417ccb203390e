import { DEFAULT_TIME_ZONE, startOfLocalDay } from '../../domain/calendar/local-date.js';

/**
 * Which open cases a change of `year`'s holiday arrangement may move: those with a provisional deadline, and those
 * whose deadline falls in that year or later (counted through it). The workflows decide exactly; this only narrows
 * whom to tell. Without a year: the provisional ones only.
 */
export function calendarChangeScope(year: number | undefined, timeZone: string = DEFAULT_TIME_ZONE) {
  if (year === undefined) return { dueProvisional: true };
  return { OR: [{ dueProvisional: true }, { dueAt: { gte: startOfLocalDay(`${year}-01-01`, timeZone) } }] };
}
