import type { DishonestyRecord, Prisma } from '../generated/prisma/client.js';
import type { RecordCorrections } from '../domain/objection/objection-types.js';
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
    await tx.dishonestyRecord.update({ where: { id: recordId }, data: { objectionCaseId: caseId }, select: { id: true } });
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
    case 'REMOVE_FROM_LIST':
      // 移出名单 (rules.md, Objection outcomes [C]): the entry leaves its list; the record's lifecycle ends its effects.
      await tx.dishonestyRecord.updateMany({
        where: { id: recordId, status: 'ACTIVE', listEntry: true },
        data: { status: 'REMOVED', publicationStatus: 'STOPPED', removedFromListAt: new Date() },
      });
      return;
    case 'CORRECT':
    case 'SUPPLEMENT': {
      const record = await tx.dishonestyRecord.findUniqueOrThrow({
        where: { id: recordId },
        select: { facts: true, version: true, severity: true, decisionDate: true, sanctionKind: true },
      });
      const facts = { ...(record.facts as Record<string, unknown>), ...(effect.changes ?? {}) };
      const version = record.version + 1;
      const terms = effect.outcome === 'CORRECT' && effect.corrections ? correctedTerms(record, effect.corrections) : null;
      await tx.recordVersion.create({
        data: {
          recordId,
          version,
          facts: facts as Prisma.InputJsonValue,
          change: effect.outcome,
          ...(terms ? { corrections: terms.audit as Prisma.InputJsonValue } : {}),
          caseId,
          actorId,
          reason: effect.reasons,
        },
        select: { id: true },
      });
      await tx.dishonestyRecord.update({ where: { id: recordId }, data: { facts: facts as Prisma.InputJsonValue, version, ...(terms?.fields ?? {}) }, select: { id: true } });
      return;
    }
  }
}

type TermsRow = Pick<DishonestyRecord, 'severity' | 'decisionDate' | 'sanctionKind'>;

/**
 * The record's corrected terms (severity, decision date, sanction kind) as columns, and what changed from what, for
 * the version row. The publication window is the lifecycle workflow's to recompute (it knows leniency and policy).
 */
function correctedTerms(record: TermsRow, corrections: RecordCorrections) {
  const day = (date: Date) => date.toISOString().slice(0, 10);
  const fields: Prisma.DishonestyRecordUpdateInput = {};
  const audit: Record<string, { from: string | null; to: string | null }> = {};
  if (corrections.severity !== undefined) {
    fields.severity = corrections.severity;
    audit.severity = { from: record.severity, to: corrections.severity };
  }
  if (corrections.decisionDate !== undefined) {
    fields.decisionDate = new Date(`${corrections.decisionDate}T00:00:00.000Z`);
    audit.decisionDate = { from: day(record.decisionDate), to: corrections.decisionDate };
  }
  if (corrections.sanctionKind !== undefined) {
    fields.sanctionKind = corrections.sanctionKind;
    audit.sanctionKind = { from: record.sanctionKind, to: corrections.sanctionKind };
  }
  return { fields, audit };
}
