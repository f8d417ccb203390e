import type { RequestHandler, Response } from 'express';
import { AppError, ErrorCode } from '../../lib/app-error.js';
import { verifyToken, type TokenSettings } from '../../lib/auth-tokens.js';
import type { Actor, Role } from '../../domain/roles.js';

/** Requires a Bearer token and stores the actor in res.locals.actor. */
export function authenticate(settings: TokenSettings): RequestHandler {
  return async (req, res, next) => {
    const header = req.headers.authorization;
    const match = header ? /^Bearer\s+(\S+)$/i.exec(header) : null;
    if (!match?.[1]) throw new AppError(ErrorCode.UNAUTHENTICATED, 'A Bearer token is required');
    res.locals.actor = await verifyToken(settings, match[1]);
    next();
  };
}

export function actorOf(res: Response): Actor {
  const actor = res.locals.actor as Actor | undefined;
  if (!actor) throw new AppError(ErrorCode.UNAUTHENTICATED, 'A Bearer token is required');
  return actor;
}

/** Lets the request through only for the given roles. */
export function requireRole(...roles: Role[]): RequestHandler {
  return (_req, res, next) => {
    const actor = actorOf(res);
    if (!roles.includes(actor.role)) {
      throw new AppError(ErrorCode.FORBIDDEN, `This action requires one of the roles: ${roles.join(', ')}`);
    }
    next();
  };
}
