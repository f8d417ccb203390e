import type { Router } from 'express';
import { apiRouter } from '../api-router.js';
import { actorOf, requirePermission } from '../auth/authenticate.js';
import { caseRoutes } from '../cases/case-routes.js';
import { idempotencyKeyOf } from '../idempotency-key.js';
import { recordParamsSchema } from '../records/record-schemas.js';
import { parseInput } from '../validate.js';
import { REPAIR_ACTIONS } from './repair-actions.js';
import { fileRepairSchema, listRepairsQuerySchema, repairParamsSchema } from './repair-schemas.js';
import type { RepairService } from './repair-service.js';
import type { PrismaClient } from '../../generated/prisma/client.js';

export function repairRouter(service: RepairService, prisma: PrismaClient): Router {
  const router = apiRouter();

  router.get('/records/:recordId/repair-eligibility', requirePermission('repair.read'), async (req, res) => {
    const { recordId } = parseInput(recordParamsSchema, req.params);
    res.json(await service.eligibility(actorOf(res), recordId));
  });

  router.post('/repairs', requirePermission('repair.apply'), async (req, res) => {
    const input = parseInput(fileRepairSchema, req.body);
    const result = await service.file(actorOf(res), input, idempotencyKeyOf(req));
    if (!result.created) res.setHeader('Idempotent-Replayed', 'true');
    res.status(201).location(`/repairs/${result.application.id}`).json(result.application);
  });

  router.get('/repairs', requirePermission('repair.read'), async (req, res) => {
    res.json(await service.list(actorOf(res), parseInput(listRepairsQuerySchema, req.query)));
  });

  router.use(caseRoutes({ basePath: '/repairs', idParam: 'applicationId', paramsSchema: repairParamsSchema, readPermission: 'repair.read', actions: REPAIR_ACTIONS, service, prisma }));
  return router;
}
