import type { Router } from 'express';
import { apiRouter } from '../api-router.js';
import { isIsoDate, startOfLocalDay } from '../../domain/calendar/local-date.js';
import { describeCalendarDay, getCalendarYear, listCalendarYears, putCalendarYear } from '../../lib/calendar/calendar-admin.js';
import type { AppDeps } from '../app-deps.js';
import { actorOf, requirePermission } from '../auth/authenticate.js';
import { parseInput } from '../validate.js';
import { dueDateQuerySchema, putCalendarYearSchema, workingDayQuerySchema, yearParamsSchema } from './calendar-schemas.js';

export interface CalendarRouterDeps extends AppDeps {
  /** Called after a year was saved; returns how many open cases had provisional deadlines recomputed. */
  onCalendarChanged: (year: number) => Promise<number>;
}

/** The working-day calendar: deadline look-ups for everyone, editing for administrators. */
export function calendarRouter(deps: CalendarRouterDeps): Router {
  const router = apiRouter();
  const { prisma, deadlines } = deps;

  router.get('/calendar/due-date', requirePermission('calendar.read'), async (req, res) => {
    const query = parseInput(dueDateQuerySchema, req.query);
    const from = isIsoDate(query.from) ? startOfLocalDay(query.from, deadlines.timeZone).toISOString() : query.from;
    res.json(await deadlines.compute({ from, workingDays: query.workingDays }));
  });

  router.get('/calendar/working-day', requirePermission('calendar.read'), async (req, res) => {
    const { date } = parseInput(workingDayQuerySchema, req.query);
    res.json(await describeCalendarDay(prisma, date));
  });

  router.get('/calendar/years', requirePermission('calendar.read'), async (_req, res) => {
    res.json({ items: await listCalendarYears(prisma) });
  });

  router.get('/calendar/years/:year', requirePermission('calendar.read'), async (req, res) => {
    const { year } = parseInput(yearParamsSchema, req.params);
    res.json(await getCalendarYear(prisma, year));
  });

  router.put('/calendar/years/:year', requirePermission('calendar.edit'), async (req, res) => {
    const { year } = parseInput(yearParamsSchema, req.params);
    const body = parseInput(putCalendarYearSchema, req.body);
    const saved = await putCalendarYear(prisma, actorOf(res).id, { year, ...body });
    // The save stands even if this fails; repeating the PUT is harmless and recomputes again.
    const recomputedCases = await deps.onCalendarChanged(year);
    res.json({ year, calendarVersion: saved.calendarVersion, recomputedCases });
  });

  return router;
}
