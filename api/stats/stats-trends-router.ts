import type { Router } from 'express';
import type { PrismaClient } from '../../generated/prisma/client.js';
import { createCalendarRepository } from '../../lib/calendar/calendar-repository.js';
import { apiRouter } from '../api-router.js';
import { requirePermission } from '../auth/authenticate.js';
import { parseInput } from '../validate.js';
import { caseTrendsQuerySchema } from './stats-trends-schemas.js';
import { caseTrends } from './stats-trends-service.js';

/** Ageing, deadline compliance and weekly throughput for the administrator's dashboard. */
export function statsTrendsRouter(prisma: PrismaClient, timeZone: string): Router {
  const router = apiRouter();
  const calendar = createCalendarRepository(prisma);
  router.get('/stats/trends', requirePermission('stats.read'), async (req, res) => {
    const { weeks, policyArea } = parseInput(caseTrendsQuerySchema, req.query);
    res.json(await caseTrends(prisma, (await calendar.current()).data, timeZone, weeks, new Date(), policyArea));
  });
  return router;
}
