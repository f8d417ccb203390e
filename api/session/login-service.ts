import type { PrismaClient } from '../../generated/prisma/client.js';
import { AppError, ErrorCode } from '../../lib/app-error.js';
import { DECOY_HASH, verifyPassword } from './password-hashing.js';

/** Failed sign-ins in a row that lock an account, and for how long. */
export const LOCKOUT_THRESHOLD = 5;
export const LOCKOUT_MS = 15 * 60 * 1000;

const refused = () => new AppError(ErrorCode.UNAUTHENTICATED, 'Wrong user name or password', { reason: 'invalid-credentials' });

/**
 * Checks a local account's password. Unknown users and wrong passwords get the same answer after the same work (an
 * argon2 verification); LOCKOUT_THRESHOLD failures in a row lock the account for LOCKOUT_MS, during which even the
 * right password is refused (the answer says until when). The failure counter is incremented atomically, so
 * concurrent guesses cannot slip past the threshold.
 */
export async function checkPassword(prisma: PrismaClient, userId: string, password: string, now = new Date()): Promise<void> {
  const account = await prisma.localAccount.findUnique({ where: { userId } });
  if (!account) {
    await verifyPassword(DECOY_HASH, password);
    throw refused();
  }
  if (account.lockedUntil && account.lockedUntil > now) {
    throw new AppError(ErrorCode.UNAUTHENTICATED, `The account is locked after repeated failed sign-ins until ${account.lockedUntil.toISOString()}`, {
      reason: 'locked',
      lockedUntil: account.lockedUntil.toISOString(),
    });
  }
  if (await verifyPassword(account.passwordHash, password)) {
    if (account.failedAttempts > 0 || account.lockedUntil) {
      await prisma.localAccount.update({ where: { userId }, data: { failedAttempts: 0, lockedUntil: null } });
    }
    return;
  }
  const counted = await prisma.localAccount.update({ where: { userId }, data: { failedAttempts: { increment: 1 } } });
  if (counted.failedAttempts >= LOCKOUT_THRESHOLD) {
    const lockedUntil = new Date(now.getTime() + LOCKOUT_MS);
    await prisma.localAccount.update({ where: { userId }, data: { failedAttempts: 0, lockedUntil } });
    throw new AppError(ErrorCode.UNAUTHENTICATED, `The account is locked after repeated failed sign-ins until ${lockedUntil.toISOString()}`, {
      reason: 'locked',
      lockedUntil: lockedUntil.toISOString(),
    });
  }
  throw refused();
}
