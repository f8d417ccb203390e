import type { Router } from 'express';
import { z } from 'zod';
import type { PrismaClient } from '../../generated/prisma/client.js';
import { ROLES } from '../../domain/roles.js';
import { AppError, ErrorCode } from '../../lib/app-error.js';
import type { Logger } from '../../lib/logger.js';
import { OidcSignInError, type OidcSignIn } from '../../lib/oidc-sign-in.js';
import { apiRouter } from '../api-router.js';
import { setSessionCookie } from './session-cookie.js';
import type { SessionStore } from './session-store.js';
import { oidcTransactionCookie } from './oidc-transaction-cookie.js';

/** Where the browser lands: the console, or its login page with the reason a sign-in failed. */
const CONSOLE_HOME = '/console/';
const failedSignIn = (reason: string) => `/console/login?oidcError=${encodeURIComponent(reason)}`;

const callbackQuerySchema = z.object({
  code: z.string().max(2048).optional(),
  state: z.string().max(512).optional(),
  error: z.string().max(256).optional(),
  iss: z.string().max(512).optional(),
});

export interface OidcRouterOptions {
  prisma: PrismaClient;
  sessions: SessionStore;
  logger: Logger;
  /** The provider sign-in; undefined when the office has none (the routes then answer 404). */
  signIn: OidcSignIn | undefined;
  /** The installation secret, from which the transaction cookie's key is derived. */
  installationSecret: string;
}

/**
 * Console sign-in at the office's identity provider (authorization code + PKCE), open to anyone. The callback ends
 * like a local sign-in: the same httpOnly SameSite=Strict session cookie, for the User whose id is the ID token's
 * `sub`. Every failure sends the browser back to the login page with a reason and signs no one in.
 */
export function oidcRouter({ prisma, sessions, logger, signIn, installationSecret }: OidcRouterOptions): Router {
  const router = apiRouter();
  const transactions = oidcTransactionCookie(installationSecret);

  router.get('/auth/methods', (_req, res) => {
    res.json({ password: true, oidc: signIn !== undefined });
  });

  router.get('/auth/oidc/login', async (req, res) => {
    if (!signIn) throw new AppError(ErrorCode.NOT_FOUND, 'No identity provider is configured (OIDC_CLIENT_ID)');
    try {
      const { transaction, url } = await signIn.start();
      await transactions.set(req, res, transaction);
      res.redirect(303, url);
    } catch (err) {
      if (!(err instanceof OidcSignInError)) throw err;
      logger.warn({ reason: err.reason, err: err.message }, 'console sign-in at the identity provider could not start');
      res.redirect(303, failedSignIn(err.reason));
    }
  });

  router.get('/auth/oidc/callback', async (req, res) => {
    if (!signIn) throw new AppError(ErrorCode.NOT_FOUND, 'No identity provider is configured (OIDC_CLIENT_ID)');
    const query = callbackQuerySchema.safeParse(req.query);
    const transaction = await transactions.read(req);
    transactions.clear(req, res);
    try {
      if (!transaction || !query.success) throw new OidcSignInError('state', 'No sign-in was started in this browser, or it expired');
      const subject = await signIn.finish(transaction, query.data);
      const user = await prisma.user.findUnique({ where: { id: subject } });
      if (!user || !(ROLES as readonly string[]).includes(user.role)) {
        throw new OidcSignInError('unknown-user', `The identity provider's user ${subject} is not a user of this service`);
      }
      const { token, expiresAt } = await sessions.create(user.id);
      setSessionCookie(req, res, token, expiresAt);
      logger.info({ userId: user.id }, 'console sign-in through the identity provider');
      res.redirect(303, CONSOLE_HOME);
    } catch (err) {
      if (!(err instanceof OidcSignInError)) throw err;
      logger.warn({ reason: err.reason, err: err.message }, 'console sign-in through the identity provider refused');
      res.redirect(303, failedSignIn(err.reason));
    }
  });

  return router;
}
