import type { Prisma } from '../../generated/prisma/client.js';
import { eventHash, storedJson } from './event-hash.js';

/** One audit event to append to its case's chain. */
export interface AuditEventInput {
  /** Unique key; a retried writer uses the same one, so the event is written once. */
  eventKey: string;
  caseId: string;
  caseType: string;
  type: string;
  actorId: string;
  actorRole: string;
  reason?: string | null;
  data?: unknown;
  occurredAt: string | Date;
}

/**
 * Key space of the audit chain's advisory locks (the two-integer form of pg_advisory_xact_lock), so they never meet
 * a one-integer advisory lock taken elsewhere (Prisma Migrate's, or another feature's).
 */
const AUDIT_LOCK_SPACE = 0x41554454; // 'AUDT'

/**
 * Appends an event to the hash chain of its case, inside the caller's transaction: the single writer of CaseEvent.
 * A transaction-scoped advisory lock on the case id serialises writers of one case until they commit, so two
 * concurrent writers never link to the same previous event (the chain cannot fork).
 */
export async function appendAuditEvent(tx: Prisma.TransactionClient, event: AuditEventInput): Promise<{ id: bigint; hash: string }> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${AUDIT_LOCK_SPACE}::int4, hashtext(${event.caseId}))`;
  const previous = await tx.caseEvent.findFirst({ where: { caseId: event.caseId }, orderBy: { id: 'desc' }, select: { hash: true } });
  const row = chainedRow(event, previous?.hash ?? null);
  const created = await tx.caseEvent.create({ data: row, select: { id: true } });
  return { id: created.id, hash: row.hash };
}

/**
 * The first event of each of many chains, in one statement: only for cases created in the caller's transaction (an
 * import's new records), whose chains nobody else can know of, let alone write to, before it commits. No lock and no
 * previous hash to read: each chain starts here.
 */
export async function appendFirstAuditEvents(tx: Prisma.TransactionClient, events: readonly AuditEventInput[]): Promise<void> {
  if (events.length === 0) return;
  await tx.caseEvent.createMany({ data: events.map((event) => chainedRow(event, null)) });
}

function chainedRow(event: AuditEventInput, prevHash: string | null) {
  const occurredAt = new Date(event.occurredAt);
  const data = storedJson(event.data);
  const reason = event.reason ?? null;
  const fields = { eventKey: event.eventKey, caseId: event.caseId, caseType: event.caseType, type: event.type, actorId: event.actorId, actorRole: event.actorRole, reason, occurredAt };
  const hash = eventHash({ ...fields, prevHash, data });
  return { ...fields, data: data === null ? undefined : (data as Prisma.InputJsonValue), prevHash, hash };
}
