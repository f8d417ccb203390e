import type { Router } from 'express';
import type { Prisma, PrismaClient } from '../../generated/prisma/client.js';
import { apiRouter } from '../api-router.js';
import { requirePermission } from '../auth/authenticate.js';
import { parseInput } from '../validate.js';
import { outboxQuerySchema } from './outbox-schemas.js';

/** The notification outbox for administrators (read only): counts by status and the messages, newest first, without their payloads. */
export function outboxRouter(prisma: PrismaClient): Router {
  const router = apiRouter();
  router.get('/outbox/messages', requirePermission('outbox.read'), async (req, res) => {
    const q = parseInput(outboxQuerySchema, req.query);
    const where: Prisma.OutboxMessageWhereInput = { status: q.status, topic: q.topic };
    const [counts, total, rows] = await Promise.all([
      prisma.outboxMessage.groupBy({ by: ['status'], _count: { _all: true }, orderBy: { status: 'asc' } }),
      prisma.outboxMessage.count({ where }),
      prisma.outboxMessage.findMany({
        where,
        orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
        skip: (q.page - 1) * q.pageSize,
        take: q.pageSize,
        omit: { payload: true },
      }),
    ]);
    res.json({
      counts: counts.map((c) => ({ status: c.status, count: c._count._all })),
      items: rows.map((m) => ({
        ...m,
        nextAttemptAt: m.nextAttemptAt.toISOString(),
        createdAt: m.createdAt.toISOString(),
        deliveredAt: m.deliveredAt?.toISOString() ?? null,
      })),
      page: q.page,
      pageSize: q.pageSize,
      total,
    });
  });
  return router;
}
