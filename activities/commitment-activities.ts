import type { Prisma, PrismaClient } from '../generated/prisma/client.js';
import { endOfLocalDay, localDateOf } from '../domain/calendar/local-date.js';
import type { TimeScale } from '../domain/calendar/time-scale.js';
import type { CommitmentReadModelPatch, CommitmentTransition } from '../workflows/commitment/commitment-transition.js';
import { caseEventExists, writeCaseEvent } from './case-event-writer.js';

const DAY_MS = 86_400_000;

function toData(patch: CommitmentReadModelPatch) {
  const { dueAt, closedAt, dueDate, ...rest } = patch;
  return {
    ...rest,
    dueDate: new Date(`${dueDate}T00:00:00.000Z`),
    dueAt: dueAt === null ? null : new Date(dueAt),
    ...(closedAt !== undefined ? { closedAt: closedAt === null ? null : new Date(closedAt) } : {}),
  };
}

/** The id of a commitment's check row: one per period. */
export const commitmentCheckId = (commitmentId: string, period: number) => `${commitmentId}-C${period + 1}`;

export function createCommitmentActivities(prisma: PrismaClient, timeZone: string, timeScale: TimeScale = {}) {
  return {
    /**
     * When a period's check opens: at the end of its due date in the office's zone, or on the worker's compressed
     * clock (a calendar day lasts `secondsPerWorkingDay`, counted from the registration).
     */
    async commitmentCheckOpensAt(request: { dueDate: string; registeredAt: string }): Promise<string> {
      const scale = timeScale.secondsPerWorkingDay;
      if (!scale) return endOfLocalDay(request.dueDate, timeZone).toISOString();
      const registeredOn = localDateOf(new Date(request.registeredAt), timeZone);
      const days = Math.max(0, (Date.parse(`${request.dueDate}T00:00:00Z`) - Date.parse(`${registeredOn}T00:00:00Z`)) / DAY_MS) + 1;
      return new Date(Date.parse(request.registeredAt) + days * scale * 1000).toISOString();
    },

    /**
     * Writes one transition of a commitment: the audit event, the read model and, on a check, the check's finding,
     * in one transaction. Idempotent: an event key already written means the transition is done.
     */
    async recordCommitmentTransition(transition: CommitmentTransition): Promise<{ applied: boolean }> {
      const { event, readModel, check } = transition;
      return prisma.$transaction(async (tx) => {
        if (await caseEventExists(tx, event.eventKey)) return { applied: false };
        const row = await tx.commitment.update({ where: { id: event.caseId }, data: toData(readModel) });
        if (check) {
          const id = commitmentCheckId(row.id, check.period);
          const data = {
            commitmentId: row.id,
            subjectId: row.subjectId,
            authorityId: row.authorityId,
            kind: row.kind,
            policyArea: row.policyArea,
            period: check.period,
            dueDate: new Date(`${check.dueDate}T00:00:00.000Z`),
            outcome: check.outcome,
            reasons: check.reasons,
            evidence: check.evidence as Prisma.InputJsonValue,
            checkedById: check.checkedById,
            checkedAt: new Date(check.checkedAt),
          };
          await tx.commitmentCheck.upsert({ where: { id }, create: { id, ...data }, update: {} });
        }
        await writeCaseEvent(tx, event);
        return { applied: true };
      });
    },
  };
}
