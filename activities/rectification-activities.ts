import type { Prisma, PrismaClient } from '../generated/prisma/client.js';
import type { RectificationOpening, RectificationReadModelPatch, RectificationTransition } from '../workflows/rectification/rectification-transition.js';
import { caseEventExists, writeCaseEvent } from './case-event-writer.js';

type Tx = Prisma.TransactionClient;

function toData(patch: RectificationReadModelPatch) {
  const { dueAt, closedAt, ...rest } = patch;
  return {
    ...rest,
    dueAt: dueAt === null ? null : new Date(dueAt),
    ...(closedAt !== undefined ? { closedAt: closedAt === null ? null : new Date(closedAt) } : {}),
  };
}

/** Creates the row on the case's first write; a retry (or a row made earlier under the same id) only updates it. */
async function openRow(tx: Tx, id: string, opening: RectificationOpening, patch: RectificationReadModelPatch) {
  const { policy } = opening;
  // The record's authority, copied onto the case so staff lists scope by a column of their own (a record's authority never changes).
  const { authorityId } = await tx.dishonestyRecord.findUniqueOrThrow({ where: { id: opening.recordId }, select: { authorityId: true } });
  return tx.rectification.upsert({
    where: { id },
    create: {
      id,
      workflowId: opening.workflowId,
      recordId: opening.recordId,
      subjectId: opening.subjectId,
      authorityId,
      policyId: policy.id,
      policyVersion: policy.version,
      policy: policy as unknown as Prisma.InputJsonValue,
      openedAt: new Date(opening.openedAt),
      ...toData(patch),
    },
    update: toData(patch),
  });
}

export function createRectificationActivities(prisma: PrismaClient) {
  return {
    /**
     * Writes one transition of a rectification case: the audit event, the read model and the record's
     * rectificationStatus in one transaction. Idempotent: an event key already written means the transition is done.
     */
    async recordRectificationTransition(transition: RectificationTransition): Promise<{ applied: boolean }> {
      const { event, readModel, opening, recordStatus } = transition;
      return prisma.$transaction(async (tx) => {
        if (await caseEventExists(tx, event.eventKey)) return { applied: false };
        const row = opening
          ? await openRow(tx, event.caseId, opening, readModel)
          : await tx.rectification.update({ where: { id: event.caseId }, data: toData(readModel) });
        if (recordStatus) {
          await tx.dishonestyRecord.update({ where: { id: row.recordId }, data: { rectificationStatus: recordStatus } });
        }
        await writeCaseEvent(tx, event);
        return { applied: true };
      });
    },
  };
}
