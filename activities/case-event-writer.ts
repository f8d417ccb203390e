import type { Prisma } from '../generated/prisma/client.js';
import { appendAuditEvent } from '../lib/audit/append-audit-event.js';
import type { CaseEventInput } from '../workflows/shared/case-event.js';

type Tx = Prisma.TransactionClient;

/** True when the event was already written: the transition it records is done (retried activity). */
export async function caseEventExists(tx: Tx, eventKey: string): Promise<boolean> {
  return (await tx.caseEvent.findUnique({ where: { eventKey }, select: { id: true } })) !== null;
}

/** Appends a timeline/audit event to its case's hash chain inside the caller's transaction. */
export async function appendCaseEvent(tx: Tx, event: CaseEventInput): Promise<void> {
  await appendAuditEvent(tx, event);
}
