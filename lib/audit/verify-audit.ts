import type { Prisma, PrismaClient } from '../../generated/prisma/client.js';
import { eventHash } from './event-hash.js';

/** Where a chain first fails to verify. */
export interface AuditBreak {
  caseId: string;
  /** CaseEvent.id (a bigint, as a string). */
  eventId: string;
  eventKey: string;
  reason: string;
}

/** The verdict on one case's chain or on the whole log. */
export interface AuditVerification {
  ok: boolean;
  /** Events checked (up to and including the first broken one). */
  checked: number;
  firstBroken?: AuditBreak;
}

const chainedEvent = {
  id: true,
  eventKey: true,
  caseId: true,
  caseType: true,
  type: true,
  actorId: true,
  actorRole: true,
  reason: true,
  data: true,
  occurredAt: true,
  prevHash: true,
  hash: true,
} satisfies Prisma.CaseEventSelect;

type ChainedEvent = Prisma.CaseEventGetPayload<{ select: typeof chainedEvent }>;

const BATCH = 1_000;

/**
 * Checks events given in (caseId, id) order: each links to the hash of the event before it in its case (null for a
 * case's first) and carries the hash of its own content. Returns the first event that fails either test.
 */
function createChecker() {
  let caseId: string | undefined;
  let previousHash: string | null = null;
  let checked = 0;
  return {
    get checked() {
      return checked;
    },
    check(event: ChainedEvent): AuditBreak | undefined {
      if (event.caseId !== caseId) {
        caseId = event.caseId;
        previousHash = null;
      }
      checked += 1;
      const broken = (reason: string): AuditBreak => ({ caseId: event.caseId, eventId: event.id.toString(), eventKey: event.eventKey, reason });
      if (!event.hash) return broken('the event carries no hash (written outside the audit chain)');
      if (event.prevHash !== previousHash) {
        return broken(previousHash === null ? 'the first event of the case links to a previous hash' : 'prevHash does not match the hash of the previous event of the case');
      }
      const recomputed = eventHash({ ...event, prevHash: event.prevHash });
      if (recomputed !== event.hash) return broken('the hash does not match the event’s content');
      previousHash = event.hash;
      return undefined;
    },
  };
}

async function verifyInBatches(
  prisma: PrismaClient,
  where: (after: ChainedEvent | undefined) => Prisma.CaseEventWhereInput,
): Promise<AuditVerification> {
  const checker = createChecker();
  let last: ChainedEvent | undefined;
  for (;;) {
    const batch = await prisma.caseEvent.findMany({
      where: where(last),
      orderBy: [{ caseId: 'asc' }, { id: 'asc' }],
      take: BATCH,
      select: chainedEvent,
    });
    for (const event of batch) {
      const firstBroken = checker.check(event);
      if (firstBroken) return { ok: false, checked: checker.checked, firstBroken };
    }
    if (batch.length < BATCH) return { ok: true, checked: checker.checked };
    last = batch[batch.length - 1];
  }
}

/** Recomputes one case's chain (events of the case in id order) and reports its first broken link. */
export function verifyCaseChain(prisma: PrismaClient, caseId: string): Promise<AuditVerification> {
  return verifyInBatches(prisma, (after) => (after ? { caseId, id: { gt: after.id } } : { caseId }));
}

/** Recomputes every case's chain, case by case, reading the log in batches; reports the first broken link. */
export function verifyAllChains(prisma: PrismaClient): Promise<AuditVerification> {
  return verifyInBatches(prisma, (after) =>
    after ? { OR: [{ caseId: { gt: after.caseId } }, { caseId: after.caseId, id: { gt: after.id } }] } : {},
  );
}
