import { Router } from 'express';
import { actorOf, requirePermission } from './auth/authenticate.js';

/** Who the token says the caller is. */
export function meRouter(): Router {
  const router = Router();
  router.get('/me', requirePermission('me.read'), (_req, res) => {
    res.json(actorOf(res));
  });
  return router;
}
