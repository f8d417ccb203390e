import type { RequestHandler } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import type { Actor } from '../../domain/roles.js';
import { AppError, ErrorCode } from '../../lib/app-error.js';

export interface RateLimitOptions {
  /** Requests a minute for one actor (or one IP address, for requests without a valid token). */
  perMinute: number;
}

/**
 * Limits requests per actor: mounted after the token is read, it counts a request with a valid token against its
 * actor (people behind one office proxy do not share a budget) and any other request against its IP address (an IPv6
 * address by its /56 network). Over the limit: a 429 problem with Retry-After and the RateLimit headers.
 *
 * The counters live in this process (express-rate-limit's memory store); several API processes behind a load
 * balancer would share one store (express-rate-limit has PostgreSQL and Redis stores) to keep the limit exact.
 */
export function rateLimitPerActor({ perMinute }: RateLimitOptions): RequestHandler {
  return rateLimit({
    windowMs: 60_000,
    limit: perMinute,
    standardHeaders: 'draft-7',
    legacyHeaders: false,
    keyGenerator: (req, res) => {
      const actor = res.locals.actor as Actor | undefined;
      return actor ? `actor:${actor.id}` : `ip:${ipKeyGenerator(req.ip ?? 'unknown')}`;
    },
    handler: (_req, res, next) => {
      const retryAfter = res.getHeader('Retry-After');
      next(new AppError(ErrorCode.RATE_LIMITED, `At most ${perMinute} requests a minute are allowed; retry after ${String(retryAfter ?? 60)} seconds`));
    },
  });
}
