import type { Router } from 'express';
import { apiRouter } from '../api-router.js';
import type { PrismaClient } from '../../generated/prisma/client.js';
import { actorOf, requirePermission } from '../auth/authenticate.js';
import { claimRoutes } from '../claims/claim-routes.js';
import { idempotencyKeyOf } from '../idempotency-key.js';
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

  router.get('/rectifications/:rectificationId', requirePermission('rectification.read'), async (req, res) => {
    const { rectificationId } = parseInput(rectificationIdParamsSchema, req.params);
    res.json(await service.get(actorOf(res), rectificationId));
  });

  for (const action of RECTIFICATION_ACTIONS) {
    router.post(`/rectifications/:rectificationId/${action.path}`, requirePermission(action.permission), async (req, res) => {
      const { rectificationId } = parseInput(rectificationIdParamsSchema, req.params);
      const command = parseInput(action.body, req.body ?? {}) as object;
      res.json(await service.act(actorOf(res), rectificationId, action.update, command, idempotencyKeyOf(req)));
    });
  }

  router.use(
    claimRoutes({
      casePath: '/rectifications/:rectificationId',
      caseIdOf: (params) => parseInput(rectificationIdParamsSchema, params).rectificationId,
      act: (actor, rectificationId, update, command, idempotencyKey) => service.act(actor, rectificationId, update, command, idempotencyKey),
      prisma,
    }),
  );
  return router;
}
