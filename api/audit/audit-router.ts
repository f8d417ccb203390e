import type { Router } from 'express';
import { apiRouter } from '../api-router.js';
import type { PrismaClient } from '../../generated/prisma/client.js';
import { verifyAllChains, verifyCaseChain } from '../../lib/audit/verify-audit.js';
import { requirePermission } from '../auth/authenticate.js';
import { parseInput } from '../validate.js';
import { verifyAuditQuerySchema } from './audit-schemas.js';

/** Verification of the hash-chained audit trail, for administrators. */
export function auditRouter(prisma: PrismaClient): Router {
  const router = apiRouter();

  router.get('/audit/verify', requirePermission('audit.verify'), async (req, res) => {
    const { caseId } = parseInput(verifyAuditQuerySchema, req.query);
    const result = caseId ? await verifyCaseChain(prisma, caseId) : await verifyAllChains(prisma);
    res.json({ scope: caseId ?? 'all', ...result });
  });

  return router;
}
