import type { Router } from 'express';
import { apiRouter } from './api-router.js';
import { actorOf, requirePermission } from './auth/authenticate.js';

/** Who the token says the caller is. */
export function meRouter(): Router {
  const router = apiRouter();
  router.get('/me', requirePermission('me.read'), (_req, res) => {
    res.json(actorOf(res));
  });
  return router;
}
