/**
 * Prints a bearer token for a user of the database, signed with the configured local secret:
 *   npm run token -- <userId> [expiresIn]      e.g. npm run token -- reviewer-1 2h
 */
import { issueToken } from '../lib/auth-tokens.js';
import { loadConfig } from '../lib/config.js';
import { createPrismaClient } from '../lib/prisma.js';
import { ROLES } from '../domain/roles.js';

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

const [userId, expiresIn = '8h'] = process.argv.slice(2);
if (!userId || userId.startsWith('-')) fail('usage: npm run token -- <userId> [expiresIn, e.g. 8h]');

let config;
try {
  config = loadConfig();
} catch (err) {
  fail((err as Error).message);
}

const prisma = createPrismaClient(config.DATABASE_URL);
try {
  const user = await prisma.user.findUnique({ where: { id: userId } }).catch((err: unknown) => {
    fail(`Cannot read users from the database: ${(err as Error).message}`);
  });
  if (!user) {
    const known = await prisma.user.findMany({ select: { id: true }, orderBy: { id: 'asc' }, take: 20 });
    fail(`Unknown user "${userId}". Known users: ${known.map((u) => u.id).join(', ') || '(none: run npm run db:setup)'}`);
  }
  if (!(ROLES as readonly string[]).includes(user.role)) fail(`User ${userId} has an unknown role ${user.role}`);
  const token = await issueToken(
    { secret: config.AUTH_TOKEN_SECRET, issuer: config.AUTH_ISSUER, audience: config.AUTH_AUDIENCE },
    { id: user.id },
    expiresIn,
  ).catch((err: unknown) => fail(`Cannot issue the token: ${(err as Error).message}`));
  console.log(token);
} finally {
  await prisma.$disconnect();
}
