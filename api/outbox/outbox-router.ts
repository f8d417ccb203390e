import type { Router } from 'express';
import type { OutboxMessage, Prisma, PrismaClient } from '../../generated/prisma/client.js';
import { apiRouter } from '../api-router.js';
import { requirePermission } from '../auth/authenticate.js';
import { parseInput } from '../validate.js';
import { actorOf } from '../auth/authenticate.js';
import { outboxMessageParamsSchema, outboxQuerySchema } from './outbox-schemas.js';
import { retryDeadMessage } from './outbox-retry.js';

type MessageRow = Omit<OutboxMessage, 'payload'>;

const messageView = (m: MessageRow) => ({
  id: m.id,
  topic: m.topic,
  recipientId: m.recipientId,
  status: m.status,
  attempts: m.attempts,
  lastError: m.lastError,
  nextAttemptAt: m.nextAttemptAt.toISOString(),
  createdAt: m.createdAt.toISOString(),
  deliveredAt: m.deliveredAt?.toISOString() ?? null,
});

/** The notification outbox for administrators: counts by status and the messages, newest first, without their payloads; a dead message can be sent again. */
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
      items: rows.map(messageView),
      page: q.page,
      pageSize: q.pageSize,
      total,
    });
  });
  router.post('/outbox/messages/:id/retry', requirePermission('outbox.retry'), async (req, res) => {
    const { id } = parseInput(outboxMessageParamsSchema, req.params);
    const { message, retried } = await retryDeadMessage(prisma, actorOf(res), id);
    res.json({ message: messageView(message), retried });
  });
  return router;
}
