import type { Prisma, PrismaClient } from '../generated/prisma/client.js';
import { localDateOf } from '../domain/calendar/local-date.js';
import { proposeRecord } from '../lib/record-proposals/propose-record.js';
import type { ComplaintReadModelPatch, ComplaintTransition } from '../workflows/complaint/complaint-transition.js';
import { caseEventExists, writeCaseEvent } from './case-event-writer.js';

function toUpdate(patch: ComplaintReadModelPatch): Prisma.ComplaintUpdateInput {
  const { dueAt, repliedAt, closedAt, findingEvidence, ...rest } = patch;
  const date = (value: string | null | undefined) => (value === undefined ? undefined : value === null ? null : new Date(value));
  return {
    ...rest,
    ...(findingEvidence !== undefined ? { findingEvidence: findingEvidence as Prisma.InputJsonValue } : {}),
    ...(dueAt !== undefined ? { dueAt: date(dueAt) } : {}),
    ...(repliedAt !== undefined ? { repliedAt: date(repliedAt) } : {}),
    ...(closedAt !== undefined ? { closedAt: date(closedAt) } : {}),
  };
}

export function createComplaintActivities(prisma: PrismaClient) {
  return {
    /**
     * One step of a complaint: audit event, read model and (on a confirmed finding) the record proposal, in one
     * transaction; idempotent by event key (and the proposal by its source case).
     */
    async recordComplaintTransition(transition: ComplaintTransition): Promise<{ applied: boolean }> {
      const { event, readModel, effect } = transition;
      const applied = await prisma.$transaction(async (tx) => {
        if (await caseEventExists(tx, event.eventKey)) return false;
        let proposalId: string | undefined;
        if (effect) {
          const { proposal } = effect;
          proposalId = (
            await proposeRecord(tx, {
              source: 'COMPLAINT',
              sourceCaseId: event.caseId,
              subjectId: effect.subjectId,
              authorityId: effect.authorityId,
              severity: proposal.severity,
              policyArea: effect.policyArea,
              facts: proposal.facts,
              decisionDate: localDateOf(new Date(event.occurredAt), effect.timeZone),
              sanctionKind: proposal.sanctionKind ?? null,
              rectificationRequired: proposal.rectificationRequired ?? true,
              proposedBy: effect.proposedBy,
            })
          ).id;
          event.data = { ...(event.data ?? {}), proposalId };
        }
        await tx.complaint.update({ where: { id: event.caseId }, data: toUpdate({ ...readModel, ...(proposalId ? { proposalId } : {}) }) });
        await writeCaseEvent(tx, event);
        return true;
      });
      return { applied };
    },
  };
}
