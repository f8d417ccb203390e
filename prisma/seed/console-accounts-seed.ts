import { hashPassword } from '../../api/session/password-hashing.js';
import type { PrismaClient } from '../../lib/prisma.js';
import { SEED } from './reference-seed.js';

/**
 * Demo sign-ins for the console, one per role (printed by `npm start`). Created only when missing, so a password
 * changed later is kept; not created at all with SEED_DEMO_ACCOUNTS=false (production).
 */
export const DEMO_ACCOUNTS = [
  { userId: SEED.users.applicant1, password: 'applicant-1-demo', role: '申请人（住建局）' },
  { userId: SEED.users.reviewer1, password: 'reviewer-1-demo', role: '核查员（中级法院）' },
  { userId: SEED.users.reviewer2, password: 'reviewer-2-demo', role: '核查员（中级法院）' },
  { userId: SEED.users.supervisor1, password: 'supervisor-1-demo', role: '复核负责人（中级法院）' },
  { userId: SEED.users.admin1, password: 'admin-1-demo', role: '信用办管理员' },
] as const;

export async function seedConsoleAccounts(prisma: PrismaClient, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  if (env.SEED_DEMO_ACCOUNTS === 'false') return;
  for (const account of DEMO_ACCOUNTS) {
    const existing = await prisma.localAccount.findUnique({ where: { userId: account.userId } });
    if (existing) continue;
    await prisma.localAccount.create({ data: { userId: account.userId, passwordHash: await hashPassword(account.password) } });
  }
}
