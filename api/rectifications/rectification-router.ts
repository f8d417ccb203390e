import { Router } from 'express';
import { actorOf, requireRole } from '../auth/authenticate.js';
import { idempotencyKeyOf } from '../idempotency-key.js';
import { parseInput } from '../validate.js';
import { RECTIFICATION_ACTIONS } from './rectification-actions.js';
import { listRectificationsQuerySchema, rectificationIdParamsSchema } from './rectification-schemas.js';
import type { RectificationService } from './rectification-service.js';

export function rectificationRouter(service: RectificationService): Router {
  const router = Router();

  router.get('/rectifications', async (req, res) => {
    const query = parseInput(listRectificationsQuerySchema, req.query);
    res.json(await service.list(actorOf(res), query));
  });

  router.get('/rectifications/:rectificationId', async (req, res) => {
    const { rectificationId } = parseInput(rectificationIdParamsSchema, req.params);
    res.json(await service.get(actorOf(res), rectificationId));
  });

  for (const action of RECTIFICATION_ACTIONS) {
    router.post(`/rectifications/:rectificationId/${action.path}`, requireRole(...action.roles), async (req, res) => {
      const { rectificationId } = parseInput(rectificationIdParamsSchema, req.params);
      const command = parseInput(action.body, req.body ?? {}) as object;
      res.json(await service.act(actorOf(res), rectificationId, action.update, command, idempotencyKeyOf(req)));
    });
  }
  return router;
}
