import type { Router } from 'express';
import { apiRouter } from '../api-router.js';
import { PROBLEM_TYPE_BASE } from '../errors/problem-status.js';
import { checkReadiness, type ReadinessDeps } from './readiness.js';

/**
 * Liveness (the process answers) and readiness (it can serve: database, Temporal, a worker polling the task queue),
 * for a load balancer or an orchestrator. Public like /health: they reveal only up/down per dependency.
 */
export function healthRouter(deps: ReadinessDeps): Router {
  const router = apiRouter();

  router.get('/health/live', (_req, res) => {
    res.json({ status: 'live' });
  });

  router.get('/health/ready', async (req, res) => {
    const { ready, checks } = await checkReadiness(deps);
    if (ready) {
      res.json({ status: 'ready', checks });
      return;
    }
    const down = Object.entries(checks)
      .filter(([, status]) => status === 'down')
      .map(([name]) => name);
    res
      .status(503)
      .type('application/problem+json')
      .json({
        type: `${PROBLEM_TYPE_BASE}unavailable`,
        title: 'Service unavailable',
        status: 503,
        detail: `Not ready: ${down.join(', ')} down`,
        instance: req.originalUrl,
        requestId: String(res.locals.requestId ?? ''),
        checks,
      });
  });

  return router;
}
