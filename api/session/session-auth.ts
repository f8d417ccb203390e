import type { Request, RequestHandler } from 'express';
import { AppError, ErrorCode } from '../../lib/app-error.js';
import { sessionTokenOf } from './session-cookie.js';
import type { SessionStore } from './session-store.js';

/** The header the console sends on every request; a cross-site form or image cannot set it. */
export const CSRF_HEADER = 'x-requested-with';
export const CSRF_HEADER_VALUE = 'credit-console';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Signs the request in by the console's session cookie when it carries no bearer token. An unknown or expired
 * session is no sign-in (the request is anonymous, so public pages keep working); protected routes then answer 401.
 */
export function identifySession(sessions: SessionStore): RequestHandler {
  return async (req, res, next) => {
    if (res.locals.actor || res.locals.authError || req.headers.authorization) return next();
    const token = sessionTokenOf(req);
    if (token) {
      const actor = await sessions.actorOf(token);
      if (actor) {
        res.locals.actor = actor;
        res.locals.sessionToken = token;
      }
    }
    next();
  };
}

/** True when the request's Origin (or, without one, Sec-Fetch-Site) says it comes from this origin. */
function sameOrigin(req: Request): boolean {
  const origin = req.headers.origin;
  if (origin) {
    try {
      return new URL(origin).host === req.headers.host;
    } catch {
      return false;
    }
  }
  const site = req.headers['sec-fetch-site'];
  return site === undefined || site === 'same-origin' || site === 'none';
}

/**
 * CSRF protection for cookie sessions (bearer tokens are not sent by browsers on their own, so they need none): a
 * state-changing request signed in by the cookie must carry the console's header and come from this origin. The
 * SameSite=Strict cookie is the first line; this is the second, for same-site subdomains and old browsers. Signing in
 * itself is checked by origin (login CSRF).
 */
export const csrfProtection: RequestHandler = (req, res, next) => {
  if (SAFE_METHODS.has(req.method)) return next();
  const viaCookie = typeof res.locals.sessionToken === 'string';
  if (viaCookie && req.headers[CSRF_HEADER] !== CSRF_HEADER_VALUE) {
    throw new AppError(ErrorCode.FORBIDDEN, `A request signed in by the console session must carry the header X-Requested-With: ${CSRF_HEADER_VALUE}`);
  }
  if ((viaCookie || req.path === '/auth/login') && !sameOrigin(req)) {
    throw new AppError(ErrorCode.FORBIDDEN, 'Cross-site requests are refused');
  }
  next();
};
