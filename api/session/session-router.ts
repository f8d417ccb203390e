import type { Router } from 'express';
import { apiRouter } from '../api-router.js';
import type { PrismaClient } from '../../generated/prisma/client.js';
import type { Actor } from '../../domain/roles.js';
import { AppError, ErrorCode } from '../../lib/app-error.js';
import { jsonBodyOnly } from '../middleware/json-body-only.js';
import { parseInput } from '../validate.js';
import { checkPassword } from './login-service.js';
import { clearSessionCookie, sessionTokenOf, setSessionCookie } from './session-cookie.js';
import { loginRequestSchema, logoutRequestSchema } from './session-schemas.js';
import type { SessionStore } from './session-store.js';

/** Console sign-in with a local account's password, and sign-out. Open to anyone (they are how one signs in). */
export function sessionRouter(prisma: PrismaClient, sessions: SessionStore): Router {
  const router = apiRouter();
  router.use('/auth', jsonBodyOnly([]));

  router.post('/auth/login', async (req, res) => {
    const { userId, password } = parseInput(loginRequestSchema, req.body);
    await checkPassword(prisma, userId, password);
    const user = await prisma.user.findUnique({ where: { id: userId } });
    if (!user) throw new AppError(ErrorCode.UNAUTHENTICATED, 'Wrong user name or password', { reason: 'invalid-credentials' });
    const { token, expiresAt } = await sessions.create(user.id);
    setSessionCookie(req, res, token, expiresAt);
    res.json({ id: user.id, name: user.name, role: user.role, subjectId: user.subjectId, authorityId: user.authorityId, expiresAt: expiresAt.toISOString() });
  });

  router.post('/auth/logout', async (req, res) => {
    const { allSessions } = parseInput(logoutRequestSchema, req.body ?? {});
    const token = sessionTokenOf(req);
    if (token) await sessions.destroy(token);
    const actor = res.locals.actor as Actor | undefined;
    if (allSessions && actor) await sessions.destroyAllOf(actor.id);
    clearSessionCookie(req, res);
    res.status(204).end();
  });

  return router;
}
