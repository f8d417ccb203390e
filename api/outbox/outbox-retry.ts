import { randomUUID } from 'node:crypto';
import type { OutboxMessage, PrismaClient } from '../../generated/prisma/client.js';
import type { Actor } from '../../domain/roles.js';
import { AppError, ErrorCode } from '../../lib/app-error.js';
import { appendAuditEvent } from '../../lib/audit/append-audit-event.js';

/** Case type of the audit chains of outbox messages, one chain per message (`outbox:<messageId>`). */
export const OUTBOX_CASE_TYPE = 'OUTBOX';

/**
 * Sends a dead message again: DEAD → PENDING with its attempts reset and due now, so the dispatcher picks it up on
 * its next poll, and an OUTBOX_RETRIED audit event, in one transaction. The change is conditional on the message
 * still being DEAD, so two administrators (or a double click) retry it once: the second gets `retried: false` and no
 * second event. A message that is not dead is left as it is (retried: false); an unknown id is a 404.
 */
export async function retryDeadMessage(prisma: PrismaClient, actor: Actor, id: string): Promise<{ message: OutboxMessage; retried: boolean }> {
  return prisma.$transaction(async (tx) => {
    const dead = await tx.outboxMessage.findUnique({ where: { id }, omit: { payload: true } });
    if (!dead) throw new AppError(ErrorCode.NOT_FOUND, `No outbox message ${id}`);
    const now = new Date();
    const moved = await tx.outboxMessage.updateMany({ where: { id, status: 'DEAD' }, data: { status: 'PENDING', attempts: 0, nextAttemptAt: now } });
    if (moved.count === 0) return { message: dead as OutboxMessage, retried: false };
    await appendAuditEvent(tx, {
      eventKey: `outbox-retry/${randomUUID()}`,
      caseId: `outbox:${id}`,
      caseType: OUTBOX_CASE_TYPE,
      type: 'OUTBOX_RETRIED',
      actorId: actor.id,
      actorRole: actor.role,
      data: { topic: dead.topic, recipientId: dead.recipientId, attempts: dead.attempts, lastError: dead.lastError },
      occurredAt: now,
    });
    const message = await tx.outboxMessage.findUniqueOrThrow({ where: { id }, omit: { payload: true } });
    return { message: message as OutboxMessage, retried: true };
  });
}
