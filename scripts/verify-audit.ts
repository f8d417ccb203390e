/**
 * Verifies the hash chain of the audit trail: `npx tsx scripts/verify-audit.ts [caseId]` checks one case's chain, or
 * without an argument every case's. Prints the verdict as JSON; exits 1 at the first broken link (printed), 0 if the
 * chain holds. Reads DATABASE_URL like the API (lib/config.ts).
 */
import { verifyAllChains, verifyCaseChain } from '../lib/audit/verify-audit.js';
import { loadConfig } from '../lib/config.js';
import { createPrismaClient } from '../lib/prisma.js';

const caseId = process.argv[2];
const prisma = createPrismaClient(loadConfig().DATABASE_URL);
try {
  const result = caseId ? await verifyCaseChain(prisma, caseId) : await verifyAllChains(prisma);
  console.log(JSON.stringify({ scope: caseId ?? 'all', ...result }, null, 2));
  if (!result.ok && result.firstBroken) {
    const { caseId: brokenCase, eventId, eventKey, reason } = result.firstBroken;
    console.error(`audit chain broken in case ${brokenCase} at event ${eventId} (${eventKey}): ${reason}`);
  }
  process.exitCode = result.ok ? 0 : 1;
} catch (err) {
  console.error(`verify-audit failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exitCode = 2;
} finally {
  await prisma.$disconnect();
}
