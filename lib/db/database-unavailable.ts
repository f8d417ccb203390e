import { Prisma } from '../../generated/prisma/client.js';

/**
 * Prisma errors that say the database is out of reach or overloaded for now, not that the request is wrong: the
 * server cannot be reached (P1001), closed the connection (P1017), the pool had no connection in time (P2024), or an
 * interactive transaction could not start or finish in time (P2028). Retrying later can succeed.
 */
const TRANSIENT_CODES = new Set(['P1001', 'P1017', 'P2024', 'P2028']);

export function isDatabaseUnavailable(err: unknown): boolean {
  if (err instanceof Prisma.PrismaClientKnownRequestError) return TRANSIENT_CODES.has(err.code);
  if (err instanceof Prisma.PrismaClientInitializationError) return true;
  return false;
}
