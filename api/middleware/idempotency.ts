import { createHash } from 'node:crypto';
import type { Request, RequestHandler, Response } from 'express';
import { Prisma, type IdempotentRequest, type PrismaClient } from '../../generated/prisma/client.js';
import { AppError, ErrorCode } from '../../lib/app-error.js';
import type { Logger } from '../../lib/logger.js';
import { actorOf } from '../auth/authenticate.js';
import { idempotencyKeyOf } from '../idempotency-key.js';

const IN_PROGRESS = 0;

export interface IdempotencyOptions {
  prisma: PrismaClient;
  logger: Logger;
  /** How long a retry waits for the first request to finish before it answers 409 (default 15 s). */
  waitMs?: number;
  /** A request still "in progress" after this long died with its process; a retry takes it over (default 2 min). */
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

/** JSON with object keys sorted, so the same request body always hashes the same. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/**
 * Fingerprint of the request: its parsed JSON body. A body not parsed yet (a multipart upload, read by its route as
 * a stream) is fingerprinted by its media type (without the boundary, which a client picks anew) and length only.
 */
function requestHash(req: Request): string {
  const parsed = req.body !== undefined;
  const mediaType = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  const basis = parsed ? canonicalJson(req.body) : `unparsed:${mediaType}:${req.headers['content-length'] ?? ''}`;
  return createHash('sha256').update(`${req.method} ${req.path}\n${basis}`).digest('hex');
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const isUniqueViolation = (err: unknown) => err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2002';

/**
 * Idempotency-Key on POST requests (RFC draft "The Idempotency-Key HTTP Header Field"): the first request with a key
 * runs and its answer (status, JSON body, Location) is stored in IdempotentRequest; a retry with the same key and
 * the same body gets that answer again, with `Idempotent-Replayed: true`, and creates nothing.
 *
 * - The key is scoped to the actor, method and path: one person's key never answers another's request.
 * - The same key with a different body is a 422 problem (the request is unprocessable as sent; 409 is kept for a
 *   conflict with the server's state).
 * - A retry that arrives while the first request runs waits for it (polling, up to `waitMs`) and then replays its
 *   answer, so concurrent retries all get the same answer; if the first is still running then, 409 "in progress".
 * - 5xx answers are not stored (the row is removed): a retry runs again.
 */
export function idempotency({ prisma, logger, waitMs = 15_000, leaseMs = 120_000, retentionMs = 86_400_000 }: IdempotencyOptions): RequestHandler {
  /** Inserts the in-progress row, or returns the one already there (removing it first when its retention ran out). */
  async function acquire(key: string, actorId: string, hash: string): Promise<IdempotentRequest | null> {
    const deadline = Date.now() + waitMs;
    for (;;) {
      try {
        await prisma.idempotentRequest.create({ data: { key, actorId, requestHash: hash, status: IN_PROGRESS, body: {} } });
        return null;
      } catch (err) {
        if (!isUniqueViolation(err)) throw err;
      }
      const row = await prisma.idempotentRequest.findUnique({ where: { key } });
      if (!row) continue; // the first request failed with a 5xx a moment ago: run again
      const age = Date.now() - row.createdAt.getTime();
      if (age > retentionMs) {
        await prisma.idempotentRequest.deleteMany({ where: { key, createdAt: row.createdAt } });
        continue;
      }
      if (row.requestHash !== hash) {
        throw new AppError(ErrorCode.IDEMPOTENCY_KEY_REUSED, 'This Idempotency-Key was already used with a different request; use a new key for a new request');
      }
      if (row.status !== IN_PROGRESS) return row;
      if (age > leaseMs) {
        // The first attempt's process died: the retry takes the request over.
        const taken = await prisma.idempotentRequest.updateMany({ where: { key, status: IN_PROGRESS, createdAt: row.createdAt }, data: { createdAt: new Date() } });
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

  /** Stores the answer before it is sent (a retry racing the answer then finds it), or forgets a 5xx. */
  function recordAnswer(res: Response, key: string): void {
    let settled = false;
    const forget = () => prisma.idempotentRequest.deleteMany({ where: { key, status: IN_PROGRESS } });
    const originalJson = res.json.bind(res);
    res.json = ((payload: unknown) => {
      settled = true;
      const status = res.statusCode;
      const answer: StoredAnswer = {
        contentType: (res.getHeader('content-type') as string | undefined)?.split(';')[0] ?? null,
        location: (res.getHeader('location') as string | undefined) ?? null,
        payload,
      };
      const store =
        status >= 500
          ? forget()
          : prisma.idempotentRequest.update({
              where: { key },
              data: { status, body: answer as unknown as Prisma.InputJsonValue, completedAt: new Date() },
            });
      store
        .catch((err: unknown) => logger.error({ err, requestId: res.locals.requestId }, 'could not store the idempotent answer'))
        .finally(() => originalJson(payload));
      return res;
    }) as Response['json'];
    // An answer sent another way (or a dropped connection) is not replayable: let a retry run again.
    res.on('close', () => {
      if (!settled) forget().catch((err: unknown) => logger.error({ err }, 'could not release an idempotency key'));
    });
  }

  return async (req, res, next) => {
    if (req.method !== 'POST') return next();
    const headerKey = idempotencyKeyOf(req);
    if (headerKey === undefined) return next();
    const actor = actorOf(res);
    const key = `${actor.id} ${req.method} ${req.path} ${headerKey}`;
    const existing = await acquire(key, actor.id, requestHash(req));
    if (existing) return replay(res, existing);
    recordAnswer(res, key);
    next();
  };
}
