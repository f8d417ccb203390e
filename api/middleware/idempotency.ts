import { isUniqueViolation } from '../../lib/db/unique-violation.js';
import { createHash } from 'node:crypto';
import type { RequestHandler, Response } from 'express';
import type { Prisma, IdempotentRequest, PrismaClient } from '../../generated/prisma/client.js';
import { AppError, ErrorCode } from '../../lib/app-error.js';
import { canonicalJson } from '../../lib/audit/canonical-json.js';
import type { Logger } from '../../lib/logger.js';
import { actorOf } from '../auth/authenticate.js';
import { idempotencyKeyOf } from '../idempotency-key.js';

const IN_PROGRESS = 0;

/**
 * Answers that say the request itself was malformed (400 invalid, 413 too large, 415 wrong type, 422 key misuse,
 * 429 rate limit) are not stored: the caller corrects the request and retries with the same key. 5xx neither.
 */
const NOT_STORED = new Set([400, 413, 415, 422, 429]);

export interface IdempotencyOptions {
  prisma: PrismaClient;
  logger: Logger;
  /** How long a retry waits for the first request to finish before it answers 409 (default 15 s). */
  waitMs?: number;
  /** How long a running request holds its key without renewing it; renewed every third of it (default 10 s). */
  leaseMs?: number;
  /** Stored answers are replayed this long; afterwards the key may be used again (default 24 h). */
  retentionMs?: number;
}

/** What is stored of an answer, in IdempotentRequest.body. */
interface StoredAnswer {
  contentType: string | null;
  location: string | null;
  payload: unknown;
}

/**
 * A route whose body is not parsed before the route (a multipart upload) fingerprints the request itself once it has
 * read it, through this gate: 'replayed' means the stored answer was sent and the route must stop.
 */
export type IdempotencyGate = (fingerprint: string) => Promise<'run' | 'replayed'>;

/** The gate of a request with an Idempotency-Key and an unparsed body, if any. */
export function idempotencyGateOf(res: Response): IdempotencyGate | undefined {
  return res.locals.idempotencyGate as IdempotencyGate | undefined;
}

/**
 * The path as routed: routes match case-sensitively and strictly, but a key is scoped by the canonical form so that
 * `/Objections` or `/objections/` can never stand for another request's stored answer.
 */
function canonicalPath(path: string): string {
  return path.replace(/\/{2,}/g, '/').replace(/(.)\/+$/, '$1').toLowerCase();
}

/** The stored row's key: the actor's key for one method and canonical path. */
export function storedKeyOf(actorId: string, method: string, path: string, headerKey: string): string {
  return `${actorId} ${method} ${canonicalPath(path)} ${headerKey}`;
}

/** The fingerprint a request is compared by: method, canonical path and the canonical JSON of its body. */
export function fingerprintOf(method: string, path: string, basis: string): string {
  return createHash('sha256').update(`${method} ${canonicalPath(path)}\n${basis}`).digest('hex');
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));


/**
 * Idempotency-Key on POST requests (RFC draft "The Idempotency-Key HTTP Header Field"): the first request with a key
 * runs and its answer (status, JSON body, Location) is stored in IdempotentRequest; a retry with the same key and
 * the same body gets that answer again, with `Idempotent-Replayed: true`, and creates nothing.
 *
 * - The key is scoped to the actor, method and canonical path: one person's key never answers another's request.
 * - The same key with a different body (for an upload: a different file or name) is a 422 problem.
 * - A retry that arrives while the first request runs waits for it (polling, up to `waitMs`) and then replays its
 *   answer; if the first is still running then, 409 "in progress". The running request holds the key by a lease it
 *   renews; when its process dies the lease lapses within `leaseMs` and the next retry takes the request over (the
 *   action then runs again, and the workflow update id keeps it single).
 * - 5xx and malformed-request answers are not stored (the row is removed): a retry runs again.
 */
export function idempotency({ prisma, logger, waitMs = 15_000, leaseMs = 10_000, retentionMs = 86_400_000 }: IdempotencyOptions): RequestHandler {
  const leaseEnd = () => new Date(Date.now() + leaseMs);

  /** Inserts the in-progress row, or returns the finished one already there (after waiting for a running one). */
  async function acquire(key: string, actorId: string, hash: string): Promise<IdempotentRequest | null> {
    const deadline = Date.now() + waitMs;
    for (;;) {
      try {
        await prisma.idempotentRequest.create({ data: { key, actorId, requestHash: hash, status: IN_PROGRESS, body: {}, leaseUntil: leaseEnd() } });
        return null;
      } catch (err) {
        if (!isUniqueViolation(err)) throw err;
      }
      const row = await prisma.idempotentRequest.findUnique({ where: { key } });
      if (!row) continue; // the first request was not stored a moment ago: run again
      if (Date.now() - row.createdAt.getTime() > retentionMs) {
        await prisma.idempotentRequest.deleteMany({ where: { key, createdAt: row.createdAt } });
        continue;
      }
      if (row.requestHash !== hash) {
        throw new AppError(ErrorCode.IDEMPOTENCY_KEY_REUSED, 'This Idempotency-Key was already used with a different request; use a new key for a new request');
      }
      if (row.status !== IN_PROGRESS) return row;
      if (!row.leaseUntil || row.leaseUntil.getTime() < Date.now()) {
        // The first attempt's process died (it stopped renewing): this retry takes the request over.
        const taken = await prisma.idempotentRequest.updateMany({
          where: { key, status: IN_PROGRESS, leaseUntil: row.leaseUntil },
          data: { leaseUntil: leaseEnd() },
        });
        if (taken.count === 1) return null;
        continue;
      }
      if (Date.now() > deadline) {
        throw new AppError(ErrorCode.CONFLICT, 'A request with this Idempotency-Key is still in progress; retry it in a moment');
      }
      await sleep(50);
    }
  }

  function replay(res: Response, row: IdempotentRequest): void {
    const stored = row.body as unknown as StoredAnswer;
    res.status(row.status).setHeader('Idempotent-Replayed', 'true');
    if (stored.location) res.location(stored.location);
    res.type(stored.contentType ?? 'application/json').send(JSON.stringify(stored.payload ?? null));
  }

  /** Keeps the lease while the request runs, stores the answer before it is sent, or forgets an unstorable one. */
  function recordAnswer(res: Response, key: string): void {
    let settled = false;
    const forget = () => prisma.idempotentRequest.deleteMany({ where: { key, status: IN_PROGRESS } });
    const renewal = setInterval(() => {
      prisma.idempotentRequest
        .updateMany({ where: { key, status: IN_PROGRESS }, data: { leaseUntil: leaseEnd() } })
        .catch((err: unknown) => logger.warn({ err, requestId: res.locals.requestId }, 'could not renew an idempotency lease'));
    }, Math.max(50, Math.floor(leaseMs / 3)));
    renewal.unref();
    const originalJson = res.json.bind(res);
    res.json = ((payload: unknown) => {
      settled = true;
      clearInterval(renewal);
      const status = res.statusCode;
      const answer: StoredAnswer = {
        contentType: (res.getHeader('content-type') as string | undefined)?.split(';')[0] ?? null,
        location: (res.getHeader('location') as string | undefined) ?? null,
        payload,
      };
      const store =
        status >= 500 || NOT_STORED.has(status)
          ? forget()
          : prisma.idempotentRequest.update({
              where: { key },
              data: { status, body: answer as unknown as Prisma.InputJsonValue, completedAt: new Date(), leaseUntil: null },
            });
      store
        .catch((err: unknown) => logger.error({ err, requestId: res.locals.requestId }, 'could not store the idempotent answer'))
        .finally(() => originalJson(payload));
      return res;
    }) as Response['json'];
    // An answer sent another way (or a dropped connection) is not replayable: let a retry run again.
    res.on('close', () => {
      clearInterval(renewal);
      if (!settled) forget().catch((err: unknown) => logger.error({ err }, 'could not release an idempotency key'));
    });
  }

  /** Acquires the key for this request: replays a stored answer ('replayed') or lets the request run ('run'). */
  async function begin(res: Response, key: string, actorId: string, hash: string): Promise<'run' | 'replayed'> {
    const existing = await acquire(key, actorId, hash);
    if (existing) {
      replay(res, existing);
      return 'replayed';
    }
    recordAnswer(res, key);
    return 'run';
  }

  return async (req, res, next) => {
    if (req.method !== 'POST') return next();
    const headerKey = idempotencyKeyOf(req);
    if (headerKey === undefined) return next();
    const actor = actorOf(res);
    const key = storedKeyOf(actor.id, req.method, req.path, headerKey);
    if (req.body === undefined && req.is('multipart/form-data')) {
      // Not parsed yet (an upload): the route fingerprints what it read, then passes the gate.
      const gate: IdempotencyGate = (fingerprint) => begin(res, key, actor.id, fingerprintOf(req.method, req.path, `unparsed:${fingerprint}`));
      res.locals.idempotencyGate = gate;
      return next();
    }
    if ((await begin(res, key, actor.id, fingerprintOf(req.method, req.path, canonicalJson(req.body)))) === 'run') next();
  };
}
