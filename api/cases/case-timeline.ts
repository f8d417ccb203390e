import type { CaseEvent, PrismaClient } from '../../generated/prisma/client.js';

export function eventView(event: CaseEvent) {
  return {
    type: event.type,
    actorId: event.actorId,
    actorRole: event.actorRole,
    reason: event.reason,
    data: event.data,
    occurredAt: event.occurredAt.toISOString(),
  };
}

/** A case's timeline: its own events only (ids of different case types never mix), in the order they happened. */
export async function timelineOf(prisma: PrismaClient, caseId: string, caseType: string) {
  const events = await prisma.caseEvent.findMany({ where: { caseId, caseType }, orderBy: [{ occurredAt: 'asc' }, { id: 'asc' }] });
  return events.map(eventView);
}
