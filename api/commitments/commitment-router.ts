import type { Router } from 'express';
import type { PrismaClient } from '../../generated/prisma/client.js';
import { apiRouter } from '../api-router.js';
import { actorOf, requirePermission } from '../auth/authenticate.js';
import { caseRoutes } from '../cases/case-routes.js';
import { idempotencyKeyOf } from '../idempotency-key.js';
import { parseInput } from '../validate.js';
import { COMMITMENT_ACTIONS } from './commitment-actions.js';
import { commitmentParamsSchema, listCommitmentsQuerySchema, registerCommitmentSchema, subjectParamsSchema, summaryQuerySchema } from './commitment-schemas.js';
import type { CommitmentService } from './commitment-service.js';

export function commitmentRouter(service: CommitmentService, prisma: PrismaClient): Router {
  const router = apiRouter();

  router.post('/commitments', requirePermission('commitment.register'), async (req, res) => {
    const input = parseInput(registerCommitmentSchema, req.body);
    const result = await service.register(actorOf(res), input, idempotencyKeyOf(req));
    if (!result.created) res.setHeader('Idempotent-Replayed', 'true');
    res.status(201).location(`/commitments/${result.commitment.id}`).json(result.commitment);
  });

  router.get('/commitments', requirePermission('commitment.read'), async (req, res) => {
    res.json(await service.list(actorOf(res), parseInput(listCommitmentsQuerySchema, req.query)));
  });

  router.get('/subjects/:subjectId/commitments/summary', requirePermission('commitment.read'), async (req, res) => {
    const { subjectId } = parseInput(subjectParamsSchema, req.params);
    const { policyArea } = parseInput(summaryQuerySchema, req.query);
    res.json(await service.summary(actorOf(res), subjectId, policyArea));
  });

  router.use(
    caseRoutes({ basePath: '/commitments', idParam: 'commitmentId', paramsSchema: commitmentParamsSchema, readPermission: 'commitment.read', actions: COMMITMENT_ACTIONS, service, prisma }),
  );
  return router;
}
