import type { Router } from 'express';
import { apiRouter } from '../api-router.js';
import type { PrismaClient } from '../../generated/prisma/client.js';
import { actorOf, requirePermission } from '../auth/authenticate.js';
import { claimRoutes } from '../claims/claim-routes.js';
import { idempotencyKeyOf } from '../idempotency-key.js';
import { parseInput } from '../validate.js';
import { OBJECTION_ACTIONS } from './objection-actions.js';
import { caseIdParamsSchema, fileObjectionSchema, listObjectionsQuerySchema } from './objection-schemas.js';
import type { ObjectionService } from './objection-service.js';

export function objectionRouter(service: ObjectionService, prisma: PrismaClient): Router {
  const router = apiRouter();

  router.post('/objections', requirePermission('objection.file'), async (req, res) => {
    const input = parseInput(fileObjectionSchema, req.body);
    const result = await service.file(actorOf(res), input, idempotencyKeyOf(req));
    if (!result.created) res.setHeader('Idempotent-Replayed', 'true');
    res.status(201).location(`/objections/${result.case.id}`).json(result.case);
  });

  router.get('/objections', requirePermission('objection.read'), async (req, res) => {
    const query = parseInput(listObjectionsQuerySchema, req.query);
    res.json(await service.list(actorOf(res), query));
  });

  router.get('/objections/:caseId', requirePermission('objection.read'), async (req, res) => {
    const { caseId } = parseInput(caseIdParamsSchema, req.params);
    res.json(await service.get(actorOf(res), caseId));
  });

  for (const action of OBJECTION_ACTIONS) {
    router.post(`/objections/:caseId/${action.path}`, requirePermission(action.permission), async (req, res) => {
      const { caseId } = parseInput(caseIdParamsSchema, req.params);
      const command = parseInput(action.body, req.body ?? {}) as object;
      res.json(await service.act(actorOf(res), caseId, action.update, command, idempotencyKeyOf(req)));
    });
  }

  router.use(
    claimRoutes({
      casePath: '/objections/:caseId',
      caseIdOf: (params) => parseInput(caseIdParamsSchema, params).caseId,
      act: (actor, caseId, update, command, idempotencyKey) => service.act(actor, caseId, update, command, idempotencyKey),
      prisma,
    }),
  );
  return router;
}
