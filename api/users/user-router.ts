import type { Router } from 'express';
import type { PrismaClient } from '../../generated/prisma/client.js';
import { apiRouter } from '../api-router.js';
import { actorOf, requirePermission } from '../auth/authenticate.js';
import { parseInput } from '../validate.js';
import { lookUpUsers } from './user-directory.js';
import { usersQuerySchema } from './user-schemas.js';

/** Names for the ids on a case (claimer, deciders, the timeline's actors), limited to the people the caller may see. */
export function userRouter(prisma: PrismaClient): Router {
  const router = apiRouter();
  router.get('/users', requirePermission('user.read'), async (req, res) => {
    const { ids } = parseInput(usersQuerySchema, req.query);
    res.json(await lookUpUsers(prisma, actorOf(res), ids));
  });
  return router;
}
