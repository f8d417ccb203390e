import type { Prisma } from '../generated/prisma/client.js';
import type { CaseEventInput } from '../workflows/shared/case-event.js';

type Tx = Prisma.TransactionClient;

/** True when the event was already written: the transition it records is done (retried activity). */
export async function caseEventExists(tx: Tx, eventKey: string): Promise<boolean> {
  return (await tx.caseEvent.findUnique({ where: { eventKey }, select: { id: true } })) !== null;
}

/** Appends a timeline/audit event inside the caller's transaction. */
export async function appendCaseEvent(tx: Tx, event: CaseEventInput): Promise<void> {
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
}
