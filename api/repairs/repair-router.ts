import { Router } from 'express';
import { actorOf, requireRole } from '../auth/authenticate.js';
import { idempotencyKeyOf } from '../idempotency-key.js';
import { recordParamsSchema } from '../records/record-schemas.js';
import { parseInput } from '../validate.js';
import { REPAIR_ACTIONS } from './repair-actions.js';
import { fileRepairSchema, listRepairsQuerySchema, repairParamsSchema } from './repair-schemas.js';
import type { RepairService } from './repair-service.js';

export function repairRouter(service: RepairService): Router {
  const router = Router();

  router.get('/records/:recordId/repair-eligibility', async (req, res) => {
    const { recordId } = parseInput(recordParamsSchema, req.params);
    res.json(await service.eligibility(actorOf(res), recordId));
  });

  router.post('/repairs', requireRole('APPLICANT'), async (req, res) => {
    const input = parseInput(fileRepairSchema, req.body);
    const result = await service.file(actorOf(res), input, idempotencyKeyOf(req));
    if (!result.created) res.setHeader('Idempotent-Replayed', 'true');
    res.status(201).location(`/repairs/${result.application.id}`).json(result.application);
  });

  router.get('/repairs', async (req, res) => {
    res.json(await service.list(actorOf(res), parseInput(listRepairsQuerySchema, req.query)));
  });

  router.get('/repairs/:applicationId', async (req, res) => {
    const { applicationId } = parseInput(repairParamsSchema, req.params);
    res.json(await service.get(actorOf(res), applicationId));
  });

  for (const action of REPAIR_ACTIONS) {
    router.post(`/repairs/:applicationId/${action.path}`, requireRole(...action.roles), async (req, res) => {
      const { applicationId } = parseInput(repairParamsSchema, req.params);
      const command = parseInput(action.body, req.body ?? {}) as object;
      res.json(await service.act(actorOf(res), applicationId, action.update, command, idempotencyKeyOf(req)));
    });
  }
  return router;
}
