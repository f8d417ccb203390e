import { Prisma } from '../../generated/prisma/client.js';

/** A unique constraint refused the write (Prisma P2002): a concurrent twin got there first. */
export function isUniqueViolation(err: unknown): boolean {
  return err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2002';
}
