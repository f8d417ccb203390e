import type { Router } from 'express';
import type { Prisma, PrismaClient } from '../../generated/prisma/client.js';
import { apiRouter } from '../api-router.js';
import { requirePermission } from '../auth/authenticate.js';
import { parseInput } from '../validate.js';
import { auditEventsQuerySchema } from './audit-events-schemas.js';

/**
 * The audit log for administrators, newest first: who did what on which case and when. Read only; the event data
 * (which can hold personal data) stays in the case's own timeline.
 */
export function auditEventsRouter(prisma: PrismaClient): Router {
  const router = apiRouter();
  router.get('/audit/events', requirePermission('audit.read'), async (req, res) => {
    const q = parseInput(auditEventsQuerySchema, req.query);
    const where: Prisma.CaseEventWhereInput = {
      caseId: q.caseId,
      caseType: q.caseType,
      type: q.type,
      actorId: q.actorId,
      occurredAt: q.from || q.before ? { gte: q.from ? new Date(q.from) : undefined, lt: q.before ? new Date(q.before) : undefined } : undefined,
    };
    const [total, rows] = await Promise.all([
      prisma.caseEvent.count({ where }),
      prisma.caseEvent.findMany({ where, orderBy: [{ id: 'desc' }], skip: (q.page - 1) * q.pageSize, take: q.pageSize }),
    ]);
    res.json({
      items: rows.map((e) => ({
        id: e.id.toString(),
        eventKey: e.eventKey,
        caseId: e.caseId,
        caseType: e.caseType,
        type: e.type,
        actorId: e.actorId,
        actorRole: e.actorRole,
        reason: e.reason,
        occurredAt: e.occurredAt.toISOString(),
        recordedAt: e.recordedAt.toISOString(),
        hash: e.hash,
      })),
      page: q.page,
      pageSize: q.pageSize,
      total,
    });
  });
  return router;
}
