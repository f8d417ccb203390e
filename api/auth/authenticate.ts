import type { RequestHandler, Response } from 'express';
import { AppError, ErrorCode } from '../../lib/app-error.js';
import type { Actor, Role } from '../../domain/roles.js';
import { rolesFor, type Permission } from '../access/permissions.js';
import type { TokenVerifier } from './token-verifier.js';

const BEARER = /^Bearer\s+(\S+)$/i;

/**
 * Reads the Bearer token, if any, and stores its actor in res.locals.actor. A token that fails verification is kept
 * as res.locals.authError and answered by rejectFailedAuthentication, after the rate limiter has counted the request
 * (by IP address, since no actor is known).
 */
export function identify(verifier: TokenVerifier): RequestHandler {
  return async (req, res, next) => {
    const header = req.headers.authorization;
    if (header === undefined) return next();
    const token = BEARER.exec(header)?.[1];
    if (!token) {
      // A credential that was sent but cannot be read is refused like a bad token, also on public routes.
      res.locals.authError = new AppError(ErrorCode.UNAUTHENTICATED, 'The Authorization header must be "Bearer <token>"');
    } else {
      try {
        res.locals.actor = await verifier.verify(token);
      } catch (err) {
        res.locals.authError = err;
      }
    }
    next();
  };
}

/** A token that was sent must be valid, on every route (public ones too): a bad one is a 401, not anonymity. */
export const rejectFailedAuthentication: RequestHandler = (_req, res, next) => {
  if (res.locals.authError) throw res.locals.authError;
  next();
};

/** Every route mounted after this one needs a valid Bearer token. */
export const requireAuthenticated: RequestHandler = (_req, res, next) => {
  actorOf(res);
  next();
};

export function actorOf(res: Response): Actor {
  const actor = res.locals.actor as Actor | undefined;
  if (!actor) throw new AppError(ErrorCode.UNAUTHENTICATED, 'A Bearer token is required');
  return actor;
}

/** Lets the request through only for the given roles (private: routes gate by the matrix, with requirePermission). */
function requireRole(...roles: readonly Role[]): RequestHandler {
  return (_req, res, next) => {
    const actor = actorOf(res);
    if (!roles.includes(actor.role)) {
      throw new AppError(ErrorCode.FORBIDDEN, `This action requires one of the roles: ${roles.join(', ')}`);
    }
    next();
  };
}

/** Lets the request through for the roles the authorization matrix (api/access/permissions.ts) gives the action. */
export function requirePermission(permission: Permission): RequestHandler {
  return requireRole(...rolesFor(permission));
}
