/**
 * Signs the audit chain heads into a new checkpoint and exports it as a file to keep outside the database (another
 * machine, write-once storage, a printed fingerprint):
 *
 *   npx tsx scripts/audit-checkpoint.ts [--latest] [--out FILE]
 *
 * --latest exports the newest existing checkpoint instead of signing one. The file defaults to
 * DATA_DIR/audit-checkpoints/checkpoint-<id>.json; it holds the heads, the signature and the public key (check its
 * fingerprint, keyId, against the office's). `scripts/verify-audit.ts --checkpoint FILE` verifies the log against it.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { createCheckpoint, exportCheckpoint, latestCheckpoint } from '../lib/audit/checkpoint/checkpoint.js';
import { loadOrCreateSigningKey } from '../lib/audit/checkpoint/signing-key.js';
import { auditSigningKeyFileOf, loadConfig } from '../lib/config.js';
import { createPrismaClient } from '../lib/prisma.js';

const { values } = parseArgs({ options: { latest: { type: 'boolean', default: false }, out: { type: 'string' } } });
const config = loadConfig();
const prisma = createPrismaClient(config.DATABASE_URL);
try {
  const key = loadOrCreateSigningKey(auditSigningKeyFileOf(config));
  const checkpoint = values.latest ? await latestCheckpoint(prisma) : await createCheckpoint(prisma, key);
  if (!checkpoint) throw new Error('there is no checkpoint yet (run without --latest to sign one)');
  const out = values.out ?? join(config.DATA_DIR, 'audit-checkpoints', `checkpoint-${checkpoint.id}.json`);
  mkdirSync(dirname(out), { recursive: true });
  const exported = exportCheckpoint(checkpoint, key.publicKey);
  writeFileSync(out, `${JSON.stringify(exported, null, 2)}\n`);
  console.log(JSON.stringify({ id: exported.id, createdAt: exported.createdAt, cases: exported.caseCount, events: exported.eventCount, keyId: exported.keyId, file: out }));
} catch (err) {
  console.error(`audit-checkpoint failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exitCode = 2;
} finally {
  await prisma.$disconnect();
}
