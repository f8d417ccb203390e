import type { Prisma, PrismaClient } from '../generated/prisma/client.js';
import { applyRecordEffect } from './apply-record-effect.js';
import type { ObjectionReadModelPatch, ObjectionTransition } from './objection-transition.js';

function toUpdate(patch: ObjectionReadModelPatch): Prisma.ObjectionUpdateInput {
  const { dueAt, closedAt, ...rest } = patch;
  return {
    ...rest,
    ...(dueAt !== undefined ? { dueAt: dueAt === null ? null : new Date(dueAt) } : {}),
    ...(closedAt !== undefined ? { closedAt: closedAt === null ? null : new Date(closedAt) } : {}),
  };
}

export function createObjectionActivities(prisma: PrismaClient) {
  return {
    /**
     * Writes one transition of an objection case: the audit event, the read model and the record effect in
     * one transaction. Idempotent: an event key already written means the transition is done.
     */
    async recordObjectionTransition(transition: ObjectionTransition): Promise<{ applied: boolean }> {
      const { event, readModel, recordEffect } = transition;
      return prisma.$transaction(async (tx) => {
        const existing = await tx.caseEvent.findUnique({ where: { eventKey: event.eventKey }, select: { id: true } });
        if (existing) return { applied: false };
        const objection = await tx.objection.update({ where: { id: event.caseId }, data: toUpdate(readModel) });
        if (recordEffect) {
          await applyRecordEffect(tx, recordEffect, {
            recordId: objection.recordId,
            caseId: objection.id,
            actorId: event.actorId,
          });
        }
        await tx.caseEvent.create({
          data: {
            eventKey: event.eventKey,
            caseId: event.caseId,
            caseType: event.caseType,
            type: event.type,
            actorId: event.actorId,
            actorRole: event.actorRole,
            reason: event.reason ?? null,
            data: (event.data ?? undefined) as Prisma.InputJsonValue | undefined,
            occurredAt: new Date(event.occurredAt),
          },
        });
        return { applied: true };
      });
    },
  };
}
