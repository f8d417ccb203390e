import type { KeyObject } from 'node:crypto';
import type { Prisma, PrismaClient } from '../../generated/prisma/client.js';
import { checkpointSignatureProblem, latestCheckpoint, type AuditCheckpointRecord, type ChainHead } from './checkpoint/checkpoint.js';
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
  /** With an anchor: the checkpoint checked (null before the first one) and whether the log still holds what it signed. */
  checkpoint?: CheckpointVerdict | null;
}

export interface CheckpointVerdict {
  id: string;
  createdAt: string;
  ok: boolean;
  /** Why the checkpoint itself cannot be trusted (wrong key, forged signature). */
  reason?: string;
}

/**
 * Verification against a signed checkpoint of the chain heads: every case it anchored must still have at least its
 * anchored number of events, the last of them with the anchored hash. This is what detects a deleted newest event,
 * which leaves no gap in the chain itself.
 */
export interface AuditAnchor {
  /** The office's public key (never the key a checkpoint names: that one could be the forger's). */
  publicKey: KeyObject;
  /** A checkpoint to check against (e.g. one exported to a file); the newest in the database by default. */
  checkpoint?: AuditCheckpointRecord | null;
}

export interface VerifyOptions {
  anchor?: AuditAnchor | undefined;
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
function createChecker(heads: Map<string, ChainHead>, checkpointLabel: string) {
  let caseId: string | undefined;
  let previousHash: string | null = null;
  let last: ChainedEvent | undefined;
  let position = 0;
  let checked = 0;
  const seen = new Set<string>();
  /** A case that ended (or never appeared) with fewer events than the checkpoint anchored. */
  const truncated = (id: string, lastEvent: ChainedEvent | undefined, count: number): AuditBreak | undefined => {
    const head = heads.get(id);
    if (!head || count >= head.count) return undefined;
    return {
      caseId: id,
      eventId: lastEvent?.id.toString() ?? '',
      eventKey: lastEvent?.eventKey ?? '',
      reason: `the case has ${count} events, ${checkpointLabel} anchored ${head.count}: its newest events were deleted`,
    };
  };
  return {
    get checked() {
      return checked;
    },
    /** After the last event: cases cut short, and anchored cases of the scope that have no events left. */
    finish(scope: string[] | 'all'): AuditBreak | undefined {
      const ended = caseId === undefined ? undefined : truncated(caseId, last, position);
      if (ended) return ended;
      const anchored = scope === 'all' ? [...heads.keys()] : scope;
      for (const id of anchored) if (!seen.has(id)) return truncated(id, undefined, 0);
      return undefined;
    },
    check(event: ChainedEvent): AuditBreak | undefined {
      if (event.caseId !== caseId) {
        const ended = caseId === undefined ? undefined : truncated(caseId, last, position);
        if (ended) return ended;
        caseId = event.caseId;
        seen.add(caseId);
        previousHash = null;
        position = 0;
      }
      checked += 1;
      position += 1;
      last = event;
      const broken = (reason: string): AuditBreak => ({ caseId: event.caseId, eventId: event.id.toString(), eventKey: event.eventKey, reason });
      if (!event.hash) return broken('the event carries no hash (written outside the audit chain)');
      if (event.prevHash !== previousHash) {
        return broken(previousHash === null ? 'the first event of the case links to a previous hash' : 'prevHash does not match the hash of the previous event of the case');
      }
      const recomputed = eventHash({ ...event, prevHash: event.prevHash });
      if (recomputed !== event.hash) return broken('the hash does not match the event’s content');
      previousHash = event.hash;
      const head = heads.get(event.caseId);
      if (head && head.count === position && head.hash !== event.hash) {
        return broken(`the event ${checkpointLabel} anchored as the case's newest has another hash: the chain was rewritten`);
      }
      return undefined;
    },
  };
}

interface Anchoring {
  heads: Map<string, ChainHead>;
  label: string;
  verdict?: CheckpointVerdict | null;
}

/** Loads and checks the anchor's checkpoint; its heads count only when the office's key verifies its signature. */
async function anchoring(prisma: PrismaClient, anchor: AuditAnchor | undefined, scope: string[] | 'all'): Promise<Anchoring> {
  if (!anchor) return { heads: new Map(), label: '' };
  const checkpoint = anchor.checkpoint === undefined ? await latestCheckpoint(prisma) : anchor.checkpoint;
  if (!checkpoint) return { heads: new Map(), label: '', verdict: null };
  const verdict: CheckpointVerdict = { id: checkpoint.id, createdAt: checkpoint.createdAt.toISOString(), ok: true };
  const problem = checkpointSignatureProblem(checkpoint, anchor.publicKey);
  if (problem) return { heads: new Map(), label: '', verdict: { ...verdict, ok: false, reason: problem } };
  const inScope = scope === 'all' ? checkpoint.heads : checkpoint.heads.filter((head) => scope.includes(head.caseId));
  return { heads: new Map(inScope.map((head) => [head.caseId, head])), label: `checkpoint ${checkpoint.id} (${verdict.createdAt})`, verdict };
}

async function verifyInBatches(
  prisma: PrismaClient,
  scope: string[] | 'all',
  where: (after: ChainedEvent | undefined) => Prisma.CaseEventWhereInput,
  options: VerifyOptions,
): Promise<AuditVerification> {
  const anchor = await anchoring(prisma, options.anchor, scope);
  const checker = createChecker(anchor.heads, anchor.label);
  const verdict = (result: Omit<AuditVerification, 'checkpoint'>): AuditVerification => {
    if (anchor.verdict === undefined) return result;
    if (!anchor.verdict) return { ...result, checkpoint: null };
    const anchoredBreak = result.firstBroken?.reason.includes(anchor.label) ?? false;
    const checkpoint = { ...anchor.verdict, ok: anchor.verdict.ok && !anchoredBreak };
    return { ...result, ok: result.ok && anchor.verdict.ok, checkpoint };
  };
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
      if (firstBroken) return verdict({ ok: false, checked: checker.checked, firstBroken });
    }
    if (batch.length < BATCH) {
      const firstBroken = checker.finish(scope);
      return verdict(firstBroken ? { ok: false, checked: checker.checked, firstBroken } : { ok: true, checked: checker.checked });
    }
    last = batch[batch.length - 1];
  }
}

/** Recomputes one case's chain (events of the case in id order) and reports its first broken link. */
export function verifyCaseChain(prisma: PrismaClient, caseId: string, options: VerifyOptions = {}): Promise<AuditVerification> {
  return verifyInBatches(prisma, [caseId], (after) => (after ? { caseId, id: { gt: after.id } } : { caseId }), options);
}

/** Recomputes every case's chain, case by case, reading the log in batches; reports the first broken link. */
export function verifyAllChains(prisma: PrismaClient, options: VerifyOptions = {}): Promise<AuditVerification> {
  return verifyInBatches(
    prisma,
    'all',
    (after) => (after ? { OR: [{ caseId: { gt: after.caseId } }, { caseId: after.caseId, id: { gt: after.id } }] } : {}),
    options,
  );
}
