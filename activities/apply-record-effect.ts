import type { Prisma } from '../generated/prisma/client.js';
import type { RecordEffect } from '../workflows/objection/objection-transition.js';

type Tx = Prisma.TransactionClient;

interface EffectContext {
  recordId: string;
  caseId: string;
  actorId: string;
}

/** Applies an objection's effect to its record inside the caller's transaction. */
export async function applyRecordEffect(tx: Tx, effect: RecordEffect, context: EffectContext): Promise<void> {
  const { recordId, caseId, actorId } = context;
  if (effect.kind === 'MARK') {
    await tx.dishonestyRecord.update({ where: { id: recordId }, data: { objectionCaseId: caseId } });
    return;
  }
  // Unmark only if this case holds the mark, so a stale retry cannot clear another case's mark.
  await tx.dishonestyRecord.updateMany({ where: { id: recordId, objectionCaseId: caseId }, data: { objectionCaseId: null } });
  if (effect.kind === 'UNMARK') return;

  switch (effect.outcome) {
    case 'REJECT':
      return;
    case 'DELETE':
      await tx.dishonestyRecord.update({
        where: { id: recordId },
        data: { status: 'DELETED', publicationStatus: 'STOPPED' },
      });
      return;
    case 'STOP_PUBLICATION':
      await tx.dishonestyRecord.update({ where: { id: recordId }, data: { publicationStatus: 'STOPPED' } });
      return;
    case 'CORRECT':
    case 'SUPPLEMENT': {
      const record = await tx.dishonestyRecord.findUniqueOrThrow({ where: { id: recordId } });
      const facts = { ...(record.facts as Record<string, unknown>), ...(effect.changes ?? {}) };
      const version = record.version + 1;
      await tx.recordVersion.create({
        data: {
          recordId,
          version,
          facts: facts as Prisma.InputJsonValue,
          change: effect.outcome,
          caseId,
          actorId,
          reason: effect.reasons,
        },
      });
      await tx.dishonestyRecord.update({ where: { id: recordId }, data: { facts: facts as Prisma.InputJsonValue, version } });
      return;
    }
  }
}
