/**
 * Verifies the audit trail: `npx tsx scripts/verify-audit.ts [caseId] [--checkpoint FILE]` checks one case's chain,
 * or without a case id every case's, and then what the newest signed checkpoint anchored (or the exported checkpoint
 * FILE), with the office's key (AUDIT_SIGNING_KEY_FILE): a case with fewer events than anchored had its newest
 * events deleted. Prints the verdict as JSON; exits 1 when something does not verify (printed), 0 if all holds.
 * Reads DATABASE_URL like the API (lib/config.ts).
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { importCheckpoint, type ExportedCheckpoint } from '../lib/audit/checkpoint/checkpoint.js';
import { loadOrCreateSigningKey } from '../lib/audit/checkpoint/signing-key.js';
import { verifyAllChains, verifyCaseChain } from '../lib/audit/verify-audit.js';
import { auditSigningKeyFileOf, loadConfig } from '../lib/config.js';
import { createPrismaClient } from '../lib/prisma.js';

const { values, positionals } = parseArgs({ options: { checkpoint: { type: 'string' } }, allowPositionals: true });
const caseId = positionals[0];
const config = loadConfig();
const prisma = createPrismaClient(config.DATABASE_URL);
try {
  const { publicKey } = loadOrCreateSigningKey(auditSigningKeyFileOf(config));
  const checkpoint = values.checkpoint ? importCheckpoint(JSON.parse(readFileSync(values.checkpoint, 'utf8')) as ExportedCheckpoint) : undefined;
  const options = { anchor: { publicKey, checkpoint } };
  const result = caseId ? await verifyCaseChain(prisma, caseId, options) : await verifyAllChains(prisma, options);
  console.log(JSON.stringify({ scope: caseId ?? 'all', ...result }, null, 2));
  if (!result.ok && result.firstBroken) {
    const { caseId: brokenCase, eventId, eventKey, reason } = result.firstBroken;
    console.error(`audit chain broken in case ${brokenCase} at event ${eventId} (${eventKey}): ${reason}`);
  }
  if (result.checkpoint?.reason) console.error(`audit checkpoint not trusted: ${result.checkpoint.reason}`);
  process.exitCode = result.ok ? 0 : 1;
} catch (err) {
  console.error(`verify-audit failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exitCode = 2;
} finally {
  await prisma.$disconnect();
}
