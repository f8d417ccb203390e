import type { Prisma, PrismaClient } from '../generated/prisma/client.js';
import { endOfLocalDay, localDateOf, startOfLocalDay } from '../domain/calendar/local-date.js';
import type { TimeScale } from '../domain/calendar/time-scale.js';
import { computeRecordWindow, type RecordWindow, type RecordWindowRequest } from '../domain/records/record-window.js';
import type { RecordPatch, RecordTransition } from '../workflows/record/record-transition.js';
import { caseEventExists, writeCaseEvent } from './case-event-writer.js';

const asDate = (day: string) => new Date(`${day}T00:00:00.000Z`);

function toUpdate(patch: RecordPatch): Prisma.DishonestyRecordUpdateInput {
  const { publishedFrom, publishedUntil, minPublishedUntil, revokedAt, ...rest } = patch;
  return {
    ...rest,
    ...(publishedFrom ? { publishedFrom: asDate(publishedFrom) } : {}),
    ...(publishedUntil ? { publishedUntil: asDate(publishedUntil) } : {}),
    ...(minPublishedUntil ? { minPublishedUntil: asDate(minPublishedUntil) } : {}),
    ...(revokedAt ? { revokedAt: new Date(revokedAt) } : {}),
  };
}

export function createRecordActivities(prisma: PrismaClient, timeZone: string, timeScale: TimeScale = {}) {
  return {
    /** Publication and sanction periods of a record (calendar months, or the worker's compressed time). */
    async computeRecordWindow(request: RecordWindowRequest): Promise<RecordWindow> {
      return computeRecordWindow(
        request,
        (day) => endOfLocalDay(day, timeZone).toISOString(),
        (day) => startOfLocalDay(day, timeZone).toISOString(),
        (instant) => localDateOf(new Date(instant), timeZone),
        timeScale,
      );
    },

    /** Writes one lifecycle step: event, record fields and leniency decision in one transaction, once. */
    async recordRecordTransition(transition: RecordTransition): Promise<{ applied: boolean }> {
      const { event, record, leniency } = transition;
      return prisma.$transaction(async (tx) => {
        if (await caseEventExists(tx, event.eventKey)) return { applied: false };
        if (Object.keys(record).length > 0) await tx.dishonestyRecord.update({ where: { id: event.caseId }, data: toUpdate(record) });
        if (leniency) {
          const fields = {
            kind: leniency.kind,
            reasons: leniency.reasons,
            proposedById: leniency.proposedById,
            proposedAt: new Date(leniency.proposedAt),
            status: leniency.status,
            decidedById: leniency.decidedById ?? null,
            decidedAt: leniency.decidedAt ? new Date(leniency.decidedAt) : null,
            decisionReasons: leniency.decisionReasons ?? null,
          };
          await tx.leniencyDecision.upsert({
            where: { id: leniency.id },
            create: { id: leniency.id, recordId: leniency.recordId, ...fields },
            update: fields,
          });
        }
        await writeCaseEvent(tx, event);
        return { applied: true };
      });
    },
  };
}
