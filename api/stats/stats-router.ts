import type { Router } from 'express';
import { apiRouter } from '../api-router.js';
import type { PrismaClient } from '../../generated/prisma/client.js';
import type { DeadlineCalculator } from '../../lib/calendar/deadline-calculator.js';
import { requirePermission } from '../auth/authenticate.js';
import { parseInput } from '../validate.js';
import { caseStatsQuerySchema } from './stats-schemas.js';
import { caseStats } from './stats-service.js';

/** Aggregates for the administrator's monitoring dashboard. */
export function statsRouter(prisma: PrismaClient, deadlines: DeadlineCalculator): Router {
  const router = apiRouter();
  router.get('/stats/cases', requirePermission('stats.read'), async (req, res) => {
    const { policyArea } = parseInput(caseStatsQuerySchema, req.query);
    res.json(await caseStats(prisma, deadlines, new Date(), policyArea));
  });
  return router;
}
