import type { Router } from 'express';
import type { PrismaClient } from '../../generated/prisma/client.js';
import { apiRouter } from '../api-router.js';
import { requirePermission } from '../auth/authenticate.js';
import { parseInput } from '../validate.js';
import { AUTHORITY_PAGE_SIZE, authoritiesQuerySchema } from './authority-schemas.js';

/**
 * The authorities (their names are public): what the console offers where a person names an authority (the
 * supervising authority of a commitment, the competent authority a complaint goes to) and shows instead of its id.
 */
export function authorityRouter(prisma: PrismaClient): Router {
  const router = apiRouter();
  router.get('/authorities', requirePermission('authority.read'), async (req, res) => {
    const { q } = parseInput(authoritiesQuerySchema, req.query);
    const items = await prisma.authority.findMany({
      where: q ? { OR: [{ name: { contains: q, mode: 'insensitive' } }, { id: { startsWith: q } }, { creditCode: { startsWith: q.toUpperCase() } }] } : {},
      select: { id: true, name: true, creditCode: true },
      orderBy: [{ name: 'asc' }, { id: 'asc' }],
      take: AUTHORITY_PAGE_SIZE,
    });
    res.json({ items });
  });
  return router;
}
