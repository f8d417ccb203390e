import type { Router } from 'express';
import { apiRouter } from '../api-router.js';
import type { PrismaClient } from '../../generated/prisma/client.js';
import { actorOf, requirePermission } from '../auth/authenticate.js';
import { caseRoutes } from '../cases/case-routes.js';
import { parseInput } from '../validate.js';
import { RECTIFICATION_ACTIONS } from './rectification-actions.js';
import { listRectificationsQuerySchema, rectificationIdParamsSchema } from './rectification-schemas.js';
import type { RectificationService } from './rectification-service.js';

export function rectificationRouter(service: RectificationService, prisma: PrismaClient): Router {
  const router = apiRouter();

  router.get('/rectifications', requirePermission('rectification.read'), async (req, res) => {
    const query = parseInput(listRectificationsQuerySchema, req.query);
    res.json(await service.list(actorOf(res), query));
  });

  router.use(caseRoutes({ basePath: '/rectifications', idParam: 'rectificationId', paramsSchema: rectificationIdParamsSchema, readPermission: 'rectification.read', actions: RECTIFICATION_ACTIONS, service, prisma }));
  return router;
}
