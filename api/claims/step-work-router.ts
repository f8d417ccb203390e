import type { Router } from 'express';
import type { PrismaClient } from '../../generated/prisma/client.js';
import type { Logger } from '../../lib/logger.js';
import { claimStepUpdate, reassignStepUpdate } from '../../workflows/shared/claim-contract.js';
import { apiRouter } from '../api-router.js';
import { actorOf, requirePermission } from '../auth/authenticate.js';
import { idempotencyKeyOf } from '../idempotency-key.js';
import { parseInput } from '../validate.js';
import { runBulk, type ClaimActs } from './bulk-claims.js';
import { assigneeOf } from './claim-routes.js';
import { urgeStepSchema } from './claim-schemas.js';
import { stepColleagues, urgeStep } from './step-work.js';
import { bulkClaimSchema, bulkReassignSchema, stepCaseParamsSchema } from './step-work-schemas.js';

export interface StepWorkRouterOptions {
  prisma: PrismaClient;
  logger: Logger;
  /** Each case type's claim action (its case service's `act`). */
  acts: ClaimActs;
}

/**
 * Work on steps across case types, for the console's inbox and case pages: bulk claims and reassignments with a
 * result per case, the colleagues who may take a step over, and 催办 of an overdue step.
 */
export function stepWorkRouter({ prisma, logger, acts }: StepWorkRouterOptions): Router {
  const router = apiRouter();
  const unexpected = (err: unknown) => logger.error({ err }, 'bulk item failed');

  router.post('/work-items/claims', requirePermission('claim.take'), async (req, res) => {
    const { items, note } = parseInput(bulkClaimSchema, req.body ?? {});
    const actor = actorOf(res);
    const key = idempotencyKeyOf(req);
    res.json(await runBulk(acts, items, (act, item) => act(actor, item.caseId, claimStepUpdate, { note }, key), unexpected));
  });

  router.post('/work-items/assignments', requirePermission('claim.reassign'), async (req, res) => {
    const { items, assigneeId, reason } = parseInput(bulkReassignSchema, req.body ?? {});
    const assignee = await assigneeOf(prisma, assigneeId);
    const actor = actorOf(res);
    const key = idempotencyKeyOf(req);
    res.json(await runBulk(acts, items, (act, item) => act(actor, item.caseId, reassignStepUpdate, { assignee, reason }, key), unexpected));
  });

  router.get('/work-items/:caseType/:caseId/colleagues', requirePermission('claim.colleagues'), async (req, res) => {
    const { caseType, caseId } = parseInput(stepCaseParamsSchema, req.params);
    res.json(await stepColleagues(prisma, actorOf(res), caseType, caseId));
  });

  router.post('/work-items/:caseType/:caseId/urge', requirePermission('case.urge'), async (req, res) => {
    const { caseType, caseId } = parseInput(stepCaseParamsSchema, req.params);
    const { note } = parseInput(urgeStepSchema, req.body ?? {});
    res.json(await urgeStep(prisma, actorOf(res), caseType, caseId, note));
  });

  return router;
}
