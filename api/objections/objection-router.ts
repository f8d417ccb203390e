import type { Router } from 'express';
import { apiRouter } from '../api-router.js';
import type { PrismaClient } from '../../generated/prisma/client.js';
import { actorOf, requirePermission } from '../auth/authenticate.js';
import { caseRoutes } from '../cases/case-routes.js';
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

  router.use(caseRoutes({ basePath: '/objections', idParam: 'caseId', paramsSchema: caseIdParamsSchema, readPermission: 'objection.read', actions: OBJECTION_ACTIONS, service, prisma }));
  return router;
}
