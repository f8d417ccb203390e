/**
 * Sets (or resets) the console password of a user and lifts any lockout:
 * `npm run set-password -- <userId>` reads the password from standard input (or CONSOLE_PASSWORD), so it stays out
 * of the shell history. The user must exist in User.
 */
import { readFileSync } from 'node:fs';
import { hashPassword } from '../api/session/password-hashing.js';
import { loadConfig } from '../lib/config.js';
import { createPrismaClient } from '../lib/prisma.js';

const MIN_LENGTH = 12;
const userId = process.argv[2];
if (!userId) {
  console.error('usage: npm run set-password -- <userId>   (password on standard input or in CONSOLE_PASSWORD)');
  process.exit(2);
}
const password = (process.env.CONSOLE_PASSWORD ?? readFileSync(0, 'utf8')).replace(/\r?\n$/, '');
if (password.length < MIN_LENGTH) {
  console.error(`the password must have at least ${MIN_LENGTH} characters`);
  process.exit(2);
}
const prisma = createPrismaClient(loadConfig().DATABASE_URL);
try {
  if (!(await prisma.user.findUnique({ where: { id: userId } }))) {
    console.error(`no user ${userId}`);
    process.exit(1);
  }
  const passwordHash = await hashPassword(password);
  await prisma.localAccount.upsert({
    where: { userId },
    update: { passwordHash, failedAttempts: 0, lockedUntil: null },
    create: { userId, passwordHash },
  });
  await prisma.consoleSession.deleteMany({ where: { userId } });
  console.error(`password of ${userId} set; their console sessions were ended`);
} finally {
  await prisma.$disconnect();
}
