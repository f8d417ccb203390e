import type { KeyObject } from 'node:crypto';
import type { Router } from 'express';
import { apiRouter } from '../api-router.js';
import type { PrismaClient } from '../../generated/prisma/client.js';
import { verifyAllChains, verifyCaseChain } from '../../lib/audit/verify-audit.js';
import { requirePermission } from '../auth/authenticate.js';
import { parseInput } from '../validate.js';
import { verifyAuditQuerySchema } from './audit-schemas.js';

/**
 * Verification of the hash-chained audit trail, for administrators; with the office's public key, also against the
 * newest signed checkpoint of the chain heads (which is what shows deleted newest events).
 */
export function auditRouter(prisma: PrismaClient, auditPublicKey?: KeyObject): Router {
  const router = apiRouter();

  router.get('/audit/verify', requirePermission('audit.verify'), async (req, res) => {
    const { caseId } = parseInput(verifyAuditQuerySchema, req.query);
    const options = { anchor: auditPublicKey ? { publicKey: auditPublicKey } : undefined };
    const result = caseId ? await verifyCaseChain(prisma, caseId, options) : await verifyAllChains(prisma, options);
    res.json({ scope: caseId ?? 'all', ...result });
  });

  return router;
}
