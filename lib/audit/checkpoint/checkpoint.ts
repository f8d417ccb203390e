import { sign, verify, type KeyObject } from 'node:crypto';
import type { Prisma, PrismaClient } from '../../../generated/prisma/client.js';

type Db = PrismaClient | Prisma.TransactionClient;
import { canonicalJson } from '../canonical-json.js';
import { keyIdOf, type AuditSigningKey } from './signing-key.js';

const VERSION = 1;

/** A case's chain head: how many events it had and the hash of its newest. */
export interface ChainHead {
  caseId: string;
  count: number;
  hash: string | null;
}

/** A signed checkpoint, as stored (AuditCheckpoint) and as exported to a file. */
export interface AuditCheckpointRecord {
  id: string;
  createdAt: Date;
  keyId: string;
  heads: ChainHead[];
  signature: string;
}

/** The exported file: the checkpoint with the public key that verifies it, to keep outside the database. */
export interface ExportedCheckpoint {
  version: number;
  id: string;
  createdAt: string;
  keyId: string;
  publicKey: string;
  caseCount: number;
  eventCount: number;
  heads: ChainHead[];
  signature: string;
}

function signedBytes(checkpoint: Pick<AuditCheckpointRecord, 'createdAt' | 'keyId' | 'heads'>): Buffer {
  return Buffer.from(canonicalJson({ version: VERSION, createdAt: checkpoint.createdAt.toISOString(), keyId: checkpoint.keyId, heads: checkpoint.heads }));
}

/** Every case's head, read in one statement (one snapshot of the log). */
export async function readChainHeads(prisma: Db): Promise<ChainHead[]> {
  const rows = await prisma.$queryRaw<{ caseId: string; count: bigint; hash: string | null }[]>`
    SELECT "caseId", count(*) AS count, (array_agg(hash ORDER BY id DESC))[1] AS hash
    FROM "CaseEvent" GROUP BY "caseId" ORDER BY "caseId" COLLATE "C"`;
  return rows.map((row) => ({ caseId: row.caseId, count: Number(row.count), hash: row.hash }));
}

/** Signs the current chain heads and stores them as a new checkpoint. */
export async function createCheckpoint(prisma: Db, key: AuditSigningKey, now: Date = new Date()): Promise<AuditCheckpointRecord> {
  const heads = await readChainHeads(prisma);
  const createdAt = new Date(now.getTime());
  const signature = sign(null, signedBytes({ createdAt, keyId: key.keyId, heads }), key.privateKey).toString('base64');
  const row = await prisma.auditCheckpoint.create({
    data: { createdAt, heads: heads as object[], caseCount: heads.length, eventCount: heads.reduce((n, h) => n + h.count, 0), keyId: key.keyId, signature },
  });
  return { id: row.id.toString(), createdAt, keyId: key.keyId, heads, signature };
}

/** The newest checkpoint, or null before the first. */
export async function latestCheckpoint(prisma: Db): Promise<AuditCheckpointRecord | null> {
  const row = await prisma.auditCheckpoint.findFirst({ orderBy: { id: 'desc' } });
  if (!row) return null;
  return { id: row.id.toString(), createdAt: row.createdAt, keyId: row.keyId, heads: row.heads as unknown as ChainHead[], signature: row.signature };
}

/** Why a checkpoint cannot be trusted, or undefined when the office's public key verifies its signature. */
export function checkpointSignatureProblem(checkpoint: AuditCheckpointRecord, publicKey: KeyObject): string | undefined {
  if (checkpoint.keyId !== keyIdOf(publicKey)) return `checkpoint ${checkpoint.id} was signed with another key (${checkpoint.keyId.slice(0, 16)}…)`;
  let valid = false;
  try {
    valid = verify(null, signedBytes(checkpoint), publicKey, Buffer.from(checkpoint.signature, 'base64'));
  } catch {
    valid = false;
  }
  return valid ? undefined : `the signature of checkpoint ${checkpoint.id} does not verify with the office key`;
}

export function exportCheckpoint(checkpoint: AuditCheckpointRecord, publicKey: KeyObject): ExportedCheckpoint {
  return {
    version: VERSION,
    id: checkpoint.id,
    createdAt: checkpoint.createdAt.toISOString(),
    keyId: checkpoint.keyId,
    publicKey: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    caseCount: checkpoint.heads.length,
    eventCount: checkpoint.heads.reduce((n, h) => n + h.count, 0),
    heads: checkpoint.heads,
    signature: checkpoint.signature,
  };
}

export function importCheckpoint(exported: ExportedCheckpoint): AuditCheckpointRecord {
  return { id: exported.id, createdAt: new Date(exported.createdAt), keyId: exported.keyId, heads: exported.heads, signature: exported.signature };
}
