import type { Router } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import type { PrismaClient } from '../../generated/prisma/client.js';
import { AppError, ErrorCode } from '../../lib/app-error.js';
import { apiRouter } from '../api-router.js';
import { actorOf, requirePermission } from '../auth/authenticate.js';
import { caseRoutes } from '../cases/case-routes.js';
import { idempotencyKeyOf } from '../idempotency-key.js';
import { parseInput } from '../validate.js';
import { COMPLAINT_ACTIONS } from './complaint-actions.js';
import { complaintLookupSchema, complaintParamsSchema, listComplaintsQuerySchema, registerComplaintSchema } from './complaint-schemas.js';
import type { ComplaintService } from './complaint-service.js';

/** Lookups a minute from one address: a person checks a case now and then; guessing is what this stops. */
export const COMPLAINT_LOOKUPS_PER_MINUTE = 10;

/** The reporter's progress page: no token, a case number and a secret; mounted with the public routes. */
export function complaintPublicRouter(service: ComplaintService): Router {
  const router = apiRouter();
  const limiter = rateLimit({
    windowMs: 60_000,
    limit: COMPLAINT_LOOKUPS_PER_MINUTE,
    standardHeaders: 'draft-7',
    legacyHeaders: false,
    keyGenerator: (req) => `complaint-lookup:${ipKeyGenerator(req.ip ?? 'unknown')}`,
    handler: (_req, res, next) => {
      next(new AppError(ErrorCode.RATE_LIMITED, `At most ${COMPLAINT_LOOKUPS_PER_MINUTE} lookups a minute are allowed; retry after ${String(res.getHeader('Retry-After') ?? 60)} seconds`));
    },
  });
  router.post('/public/complaints/lookup', limiter, async (req, res) => {
    const { caseNumber, secret } = parseInput(complaintLookupSchema, req.body ?? {});
    res.json(await service.lookup(caseNumber, secret));
  });
  return router;
}

export function complaintRouter(service: ComplaintService, prisma: PrismaClient): Router {
  const router = apiRouter();

  router.post('/complaints', requirePermission('complaint.register'), async (req, res) => {
    const input = parseInput(registerComplaintSchema, req.body);
    const result = await service.register(actorOf(res), input, idempotencyKeyOf(req));
    if (!result.created) res.setHeader('Idempotent-Replayed', 'true');
    res.status(201).location(`/complaints/${result.complaint.id}`).json(result.complaint);
  });

  router.get('/complaints', requirePermission('complaint.read'), async (req, res) => {
    res.json(await service.list(actorOf(res), parseInput(listComplaintsQuerySchema, req.query)));
  });

  router.use(caseRoutes({ basePath: '/complaints', idParam: 'complaintId', paramsSchema: complaintParamsSchema, readPermission: 'complaint.read', actions: COMPLAINT_ACTIONS, service, prisma }));
  return router;
}
