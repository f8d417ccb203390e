import { createHash, timingSafeEqual } from 'node:crypto';
import type { Router } from 'express';
import { apiRouter } from '../api-router.js';
import type { Registry } from 'prom-client';
import { AppError, ErrorCode } from '../../lib/app-error.js';

const BEARER = /^Bearer\s+(\S+)$/i;

const digest = (value: string) => createHash('sha256').update(value).digest();

/**
 * Prometheus metrics, for a scraper holding METRICS_TOKEN (`authorization: { credentials_file: … }` in its scrape
 * config). A user's token does not open it: metrics are for operations, not for a role of the product, and a
 * scraper should not hold a user's rotating token. Without METRICS_TOKEN the endpoint is off (404).
 */
export function metricsRouter(registry: Registry, metricsToken: string | undefined): Router {
  const router = apiRouter();
  const expected = metricsToken ? digest(metricsToken) : undefined;

  router.get('/metrics', async (req, res) => {
    if (!expected) throw new AppError(ErrorCode.NOT_FOUND, 'Metrics are not enabled (set METRICS_TOKEN)');
    const sent = BEARER.exec(req.headers.authorization ?? '')?.[1];
    // Digests have equal lengths, so the comparison takes the same time whatever was sent.
    if (!sent || !timingSafeEqual(digest(sent), expected)) {
      throw new AppError(ErrorCode.UNAUTHENTICATED, 'The metrics endpoint needs Authorization: Bearer <METRICS_TOKEN>');
    }
    res.type(registry.contentType).send(await registry.metrics());
  });

  return router;
}
