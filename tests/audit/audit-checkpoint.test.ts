import { spawnSync } from 'node:child_process';
import { generateKeyPairSync, sign } from 'node:crypto';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Express } from 'express';
import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { appendAuditEvent } from '../../lib/audit/append-audit-event.js';
import { canonicalJson } from '../../lib/audit/canonical-json.js';
import { createCheckpoint, type AuditCheckpointRecord, type ExportedCheckpoint } from '../../lib/audit/checkpoint/checkpoint.js';
import { createCheckpointIfDue } from '../../lib/audit/checkpoint/checkpoint-scheduler.js';
import { keyIdOf, loadOrCreateSigningKey } from '../../lib/audit/checkpoint/signing-key.js';
import { verifyAllChains, verifyCaseChain } from '../../lib/audit/verify-audit.js';
import { Role, type Actor } from '../../domain/roles.js';
import { bearer, createTestApp } from '../support/api-harness.js';
import { TEST_AUDIT_KEY_FILE, testAuditKey } from '../support/audit-key.js';
import { getTestEnv, uniqueId } from '../support/test-env.js';

const env = await getTestEnv();
const key = testAuditKey();
const anchor = { anchor: { publicKey: key.publicKey } };
const admin: Actor = { id: uniqueId('admin-checkpoint'), role: Role.ADMIN, subjectId: null, authorityId: null };
let app: Express;

beforeAll(async () => {
  await env.prisma.user.create({ data: { id: admin.id, name: admin.id, role: 'ADMIN' } });
  app = await createTestApp({ taskQueue: uniqueId('audit-checkpoint') });
});

async function writeChain(count: number, caseId = uniqueId('ANCHOR')): Promise<{ caseId: string; ids: bigint[] }> {
  const ids: bigint[] = [];
  for (let i = 0; i < count; i++) {
    const { id } = await env.prisma.$transaction((tx) =>
      appendAuditEvent(tx, {
        eventKey: `${caseId}/${i}`,
        caseId,
        caseType: 'TEST',
        type: `STEP_${i}`,
        actorId: admin.id,
        actorRole: 'ADMIN',
        reason: `第${i}步`,
        data: { step: i },
        occurredAt: new Date(Date.UTC(2026, 0, 5, 8, i)),
      }),
    );
    ids.push(id);
  }
  return { caseId, ids };
}

/** Deletes an event as someone with database access could (past the append-only trigger), and returns it. */
async function deleteEvent(id: bigint) {
  const removed = await env.prisma.caseEvent.findUniqueOrThrow({ where: { id } });
  await env.prisma.$transaction(async (tx) => {
    await tx.$executeRaw`SET LOCAL app.allow_audit_rewrite = 'on'`;
    await tx.$executeRaw`DELETE FROM "CaseEvent" WHERE "id" = ${id}`;
  });
  return async () => {
    await env.prisma.caseEvent.create({ data: { ...removed, data: removed.data ?? undefined } });
  };
}

const runScript = (args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', ...args], {
    env: { ...process.env, DATABASE_URL: env.databaseUrl, AUDIT_SIGNING_KEY_FILE: TEST_AUDIT_KEY_FILE, DATA_DIR: mkdtempSync(join(tmpdir(), 'checkpoint-data-')) },
    encoding: 'utf8',
  });

describe('audit checkpoints', () => {
  it('deleting the newest event of a case passes the chain but fails against the signed checkpoint (function, endpoint, command)', async () => {
    const { caseId, ids } = await writeChain(3);
    const checkpoint = await createCheckpoint(env.prisma, key);
    expect(checkpoint.heads).toContainEqual({ caseId, count: 3, hash: expect.any(String) });
    expect(await verifyCaseChain(env.prisma, caseId, anchor)).toMatchObject({ ok: true, checked: 3, checkpoint: { id: checkpoint.id, ok: true } });

    const restore = await deleteEvent(ids[2]!);
    try {
      // The chain alone cannot tell: its remaining events link up.
      expect(await verifyCaseChain(env.prisma, caseId)).toEqual({ ok: true, checked: 2 });
      const verdict = await verifyCaseChain(env.prisma, caseId, anchor);
      expect(verdict).toMatchObject({ ok: false, checkpoint: { id: checkpoint.id, ok: false }, firstBroken: { caseId, eventId: ids[1]!.toString() } });
      expect(verdict.firstBroken?.reason).toMatch(/has 2 events, checkpoint \d+ .* anchored 3: its newest events were deleted/);
      const all = await verifyAllChains(env.prisma, anchor);
      expect(all.ok).toBe(false);

      const res = await request(app).get('/audit/verify').query({ caseId }).set('Authorization', await bearer(admin));
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ scope: caseId, ok: false, checkpoint: { id: checkpoint.id, ok: false }, firstBroken: { caseId } });

      const command = runScript(['scripts/verify-audit.ts', caseId]);
      expect(command.status).toBe(1);
      expect(command.stderr).toMatch(/newest events were deleted/);
    } finally {
      await restore();
    }
    expect(await verifyCaseChain(env.prisma, caseId, anchor)).toMatchObject({ ok: true, checkpoint: { ok: true } });
  });

  it('a case whose every event was deleted is missing from the log, and that is detected too', async () => {
    const { caseId, ids } = await writeChain(1);
    await createCheckpoint(env.prisma, key);
    const restore = await deleteEvent(ids[0]!);
    try {
      expect(await verifyCaseChain(env.prisma, caseId)).toEqual({ ok: true, checked: 0 });
      expect(await verifyCaseChain(env.prisma, caseId, anchor)).toMatchObject({ ok: false, firstBroken: { caseId, eventId: '', reason: expect.stringMatching(/has 0 events/) } });
    } finally {
      await restore();
    }
  });

  it('a rewritten chain whose event count still matches is caught by the anchored hash', async () => {
    const { caseId, ids } = await writeChain(2);
    await createCheckpoint(env.prisma, key);
    const restore = await deleteEvent(ids[1]!);
    // A replacement written properly through the chain helper: the chain verifies, the count is right again.
    await env.prisma.$transaction((tx) =>
      appendAuditEvent(tx, {
        eventKey: `${caseId}/replaced`,
        caseId,
        caseType: 'TEST',
        type: 'STEP_1',
        actorId: admin.id,
        actorRole: 'ADMIN',
        reason: '改写',
        data: { step: 1 },
        occurredAt: new Date(Date.UTC(2026, 0, 5, 8, 1)),
      }),
    );
    try {
      expect(await verifyCaseChain(env.prisma, caseId)).toEqual({ ok: true, checked: 2 });
      const verdict = await verifyCaseChain(env.prisma, caseId, anchor);
      expect(verdict).toMatchObject({ ok: false, firstBroken: { caseId, reason: expect.stringMatching(/another hash: the chain was rewritten/) } });
    } finally {
      await env.prisma.$transaction(async (tx) => {
        await tx.$executeRaw`SET LOCAL app.allow_audit_rewrite = 'on'`;
        await tx.$executeRaw`DELETE FROM "CaseEvent" WHERE "eventKey" = ${`${caseId}/replaced`}`;
      });
      await restore();
    }
    expect(await verifyCaseChain(env.prisma, caseId, anchor)).toMatchObject({ ok: true });
  });

  it('a forged checkpoint (heads changed under the old signature, or signed with another key) is not trusted', async () => {
    const { caseId } = await writeChain(2);
    const genuine = await createCheckpoint(env.prisma, key);
    const forgedHeads = genuine.heads.map((head) => (head.caseId === caseId ? { ...head, count: 1, hash: null } : head));
    // Checked as given checkpoints (as from a file), so the shared table's newest checkpoint stays genuine for the
    // other test files: the signature check is the same whatever the checkpoint's source.
    const verifyWith = (checkpoint: AuditCheckpointRecord) => verifyCaseChain(env.prisma, caseId, { anchor: { publicKey: key.publicKey, checkpoint } });

    let verdict = await verifyWith({ ...genuine, id: 'forged-1', heads: forgedHeads });
    expect(verdict).toMatchObject({ ok: false, checkpoint: { id: 'forged-1', ok: false, reason: expect.stringMatching(/signature .* does not verify/) } });

    const intruder = generateKeyPairSync('ed25519');
    const intruderKeyId = keyIdOf(intruder.publicKey);
    const createdAt = new Date();
    const payload = Buffer.from(canonicalJson({ version: 1, createdAt: createdAt.toISOString(), keyId: intruderKeyId, heads: forgedHeads }));
    verdict = await verifyWith({ id: 'forged-2', createdAt, keyId: intruderKeyId, heads: forgedHeads, signature: sign(null, payload, intruder.privateKey).toString('base64') });
    expect(verdict).toMatchObject({ ok: false, checkpoint: { id: 'forged-2', ok: false, reason: expect.stringMatching(/another key/) } });

    // The same claim under the office's own key names the intruder's keyId: still refused.
    verdict = await verifyWith({ id: 'forged-3', createdAt, keyId: key.keyId, heads: forgedHeads, signature: sign(null, payload, intruder.privateKey).toString('base64') });
    expect(verdict).toMatchObject({ ok: false, checkpoint: { ok: false, reason: expect.stringMatching(/does not verify/) } });

    expect(await verifyWith(genuine)).toMatchObject({ ok: true, checkpoint: { id: genuine.id, ok: true } });
  });

  it('checkpoints are append-only, and a periodic checkpoint is signed once per interval', async () => {
    const latest = await env.prisma.auditCheckpoint.findFirstOrThrow({ orderBy: { id: 'desc' } });
    await expect(env.prisma.auditCheckpoint.delete({ where: { id: latest.id } })).rejects.toThrow(/append-only/);
    await expect(env.prisma.$executeRaw`UPDATE "AuditCheckpoint" SET "signature" = 'x' WHERE "id" = ${latest.id}`).rejects.toThrow(/append-only/);

    expect(await createCheckpointIfDue(env.prisma, key, 3_600_000)).toBeNull();
    const due = await createCheckpointIfDue(env.prisma, key, 3_600_000, new Date(Date.now() + 3_600_000));
    expect(due).not.toBeNull();
    const concurrent = await Promise.all([1, 2, 3].map(() => createCheckpointIfDue(env.prisma, key, 3_600_000, new Date(Date.now() + 7_300_000))));
    expect(concurrent.filter(Boolean)).toHaveLength(1);
  });

  it('exports a checkpoint to a file that verification can use instead of the table', async () => {
    const { caseId, ids } = await writeChain(2);
    const out = join(mkdtempSync(join(tmpdir(), 'checkpoint-export-')), 'checkpoint.json');
    const exported = runScript(['scripts/audit-checkpoint.ts', '--out', out]);
    expect(exported.status, exported.stderr).toBe(0);
    const file = JSON.parse(readFileSync(out, 'utf8')) as ExportedCheckpoint;
    expect(file).toMatchObject({ version: 1, keyId: key.keyId, publicKey: expect.stringContaining('BEGIN PUBLIC KEY') });
    expect(file.heads).toContainEqual({ caseId, count: 2, hash: expect.any(String) });

    const restore = await deleteEvent(ids[1]!);
    try {
      const command = runScript(['scripts/verify-audit.ts', caseId, '--checkpoint', out]);
      expect(command.status).toBe(1);
      expect(JSON.parse(command.stdout)).toMatchObject({ ok: false, checkpoint: { id: file.id, ok: false } });
    } finally {
      await restore();
    }
    expect(runScript(['scripts/verify-audit.ts', caseId, '--checkpoint', out]).status).toBe(0);
  });

  it('a fresh installation generates its own key file (owner-only), and keeps it', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'fresh-install-')), 'data', 'keys', 'audit-signing-key.pem');
    const first = loadOrCreateSigningKey(path);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(loadOrCreateSigningKey(path).keyId).toBe(first.keyId);
    expect(loadOrCreateSigningKey(join(mkdtempSync(join(tmpdir(), 'other-install-')), 'k.pem')).keyId).not.toBe(first.keyId);
  });
});
