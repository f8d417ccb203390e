import type { Router } from 'express';
import type { PrismaClient } from '../../generated/prisma/client.js';
import { apiRouter } from '../api-router.js';
import { actorOf, requirePermission } from '../auth/authenticate.js';
import { parseInput } from '../validate.js';
import { listWorkItems, workSummary } from './work-item-query.js';
import { workItemsQuerySchema, workSummaryQuerySchema } from './work-item-schemas.js';

/** The console's unified inbox: a person's work across objections, rectifications and repairs. */
export function workItemRouter(prisma: PrismaClient): Router {
  const router = apiRouter();
  router.get('/work-items', requirePermission('work.read'), async (req, res) => {
    res.json(await listWorkItems(prisma, actorOf(res), parseInput(workItemsQuerySchema, req.query)));
  });
  router.get('/work-items/summary', requirePermission('work.read'), async (req, res) => {
    parseInput(workSummaryQuerySchema, req.query);
    res.json(await workSummary(prisma, actorOf(res)));
  });
  return router;
}
