import { Router } from 'express';
import { actorOf } from './auth/authenticate.js';

/** Who the token says the caller is. */
export function meRouter(): Router {
  const router = Router();
  router.get('/me', (_req, res) => {
    res.json(actorOf(res));
  });
  return router;
}
