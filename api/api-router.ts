import { Router } from 'express';

/**
 * Every router of the API matches paths case-sensitively and strictly (a trailing slash is another path): `/Objections`
 * and `/objections/` are 404s, never aliases of `/objections` (an alias let a retry with a reused Idempotency-Key
 * slip past the check that it carries the same request).
 */
export function apiRouter(): Router {
  return Router({ caseSensitive: true, strict: true });
}
