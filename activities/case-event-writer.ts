import type { Prisma } from '../generated/prisma/client.js';
import { appendAuditEvent } from '../lib/audit/append-audit-event.js';
import type { CaseEventInput } from '../workflows/shared/case-event.js';

type Tx = Prisma.TransactionClient;

/** True when the event was already written: the transition it records is done (retried activity). */
export async function caseEventExists(tx: Tx, eventKey: string): Promise<boolean> {
  return (await tx.caseEvent.findUnique({ where: { eventKey }, select: { id: true } })) !== null;
}

/**
 * Writes a case's timeline event to the audit chain and, in the same transaction, the notices it carries (a
 * colleague handed a step by 转办 or 委派, see workflows/shared/step-claims.ts): once per event key and recipient.
 * Every case type's transition activity writes its event through here.
 */
export async function writeCaseEvent(tx: Tx, event: CaseEventInput): Promise<void> {
  const { notices, ...audited } = event;
  for (const notice of notices ?? []) {
    await tx.outboxMessage.create({
      data: {
        id: `msg-${event.eventKey}/${notice.recipientId}`,
        topic: notice.topic,
        recipientId: notice.recipientId,
        payload: notice.payload as Prisma.InputJsonValue,
      },
    });
  }
  await appendAuditEvent(tx, audited);
}
