import type { Router } from 'express';
import { apiRouter } from '../api-router.js';
import { actorOf, requirePermission } from '../auth/authenticate.js';
import { claimRoutes } from '../claims/claim-routes.js';
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

  router.get('/repairs/:applicationId', requirePermission('repair.read'), async (req, res) => {
    const { applicationId } = parseInput(repairParamsSchema, req.params);
    res.json(await service.get(actorOf(res), applicationId));
  });

  for (const action of REPAIR_ACTIONS) {
    router.post(`/repairs/:applicationId/${action.path}`, requirePermission(action.permission), async (req, res) => {
      const { applicationId } = parseInput(repairParamsSchema, req.params);
      const command = parseInput(action.body, req.body ?? {}) as object;
      res.json(await service.act(actorOf(res), applicationId, action.update, command, idempotencyKeyOf(req)));
    });
  }

  router.use(
    claimRoutes({
      casePath: '/repairs/:applicationId',
      caseIdOf: (params) => parseInput(repairParamsSchema, params).applicationId,
      act: (actor, applicationId, update, command, idempotencyKey) => service.act(actor, applicationId, update, command, idempotencyKey),
      prisma,
    }),
  );
  return router;
}
