import { createHash, randomBytes } from 'node:crypto';
import type { PrismaClient } from '../../generated/prisma/client.js';
import { ROLES, type Actor, type Role } from '../../domain/roles.js';

/** How long a console sign-in lasts (absolute; signing in again starts a new one). */
export const SESSION_LIFETIME_MS = 8 * 60 * 60 * 1000;

const digest = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * Console sessions in PostgreSQL. The cookie holds 256 random bits; the table holds only their SHA-256, so a copy of
 * the table signs no one in. The actor (role, subject, authority) is read from User on every request, like a bearer
 * token's, so a changed role or a removed user takes effect at once.
 */
export function createSessionStore(prisma: PrismaClient) {
  return {
    async create(userId: string, now = new Date()): Promise<{ token: string; expiresAt: Date }> {
      const token = randomBytes(32).toString('base64url');
      const expiresAt = new Date(now.getTime() + SESSION_LIFETIME_MS);
      await prisma.$transaction([
        prisma.consoleSession.deleteMany({ where: { userId, expiresAt: { lte: now } } }),
        prisma.consoleSession.create({ data: { id: digest(token), userId, expiresAt } }),
      ]);
      return { token, expiresAt };
    },

    /** The signed-in actor, or null for an unknown or expired session (or a user who no longer exists). */
    async actorOf(token: string, now = new Date()): Promise<Actor | null> {
      const session = await prisma.consoleSession.findUnique({ where: { id: digest(token) } });
      if (!session || session.expiresAt <= now) return null;
      const user = await prisma.user.findUnique({ where: { id: session.userId } });
      if (!user || !(ROLES as readonly string[]).includes(user.role)) return null;
      return { id: user.id, role: user.role as Role, subjectId: user.subjectId, authorityId: user.authorityId };
    },

    async destroy(token: string): Promise<void> {
      await prisma.consoleSession.deleteMany({ where: { id: digest(token) } });
    },

    async destroyAllOf(userId: string): Promise<void> {
      await prisma.consoleSession.deleteMany({ where: { userId } });
    },
  };
}
export type SessionStore = ReturnType<typeof createSessionStore>;
