import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import express, { type Express } from 'express';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessDeniedRecorder } from '../../api/audit/access-denied-audit.js';
import { errorMiddleware } from '../../api/errors/error-middleware.js';
import type { PrismaClient } from '../../generated/prisma/client.js';
import { AppError, ErrorCode } from '../../lib/app-error.js';
import { appendAuditEvent } from '../../lib/audit/append-audit-event.js';
import { verifyAllChains, verifyCaseChain } from '../../lib/audit/verify-audit.js';
import { createLogger } from '../../lib/logger.js';
import { bearer, createTestApp } from '../support/api-harness.js';
import { TEST_AUDIT_KEY_FILE } from '../support/audit-key.js';
import { createObjectionWorld, type ObjectionWorld } from '../support/objection-fixtures.js';
import { eventually } from '../support/eventually.js';
import { createPrivateDatabase } from '../support/private-database.js';
import { startRealWorker } from '../support/real-worker.js';
import { getTestEnv, uniqueId } from '../support/test-env.js';

const env = await getTestEnv();
// Verification of the whole log runs on a log of its own: the shared one holds every other test's events, and the
// tamper tests here and in audit-checkpoint.test.ts break chains in it for a moment.
const ownLog = await createPrivateDatabase('audit_log');
const taskQueue = uniqueId('audit-chain');
let stopWorker: () => Promise<void>;
let app: Express;
let world: ObjectionWorld;

beforeAll(async () => {
  ({ stop: stopWorker } = await startRealWorker(taskQueue));
  world = await createObjectionWorld(env.prisma, { secondReviewAllowed: false });
  app = await createTestApp({ taskQueue, objectionPolicyId: world.policyId });
});
afterAll(async () => {
  await stopWorker?.();
});

/** A synthetic case with `count` events written through the chain helper, one transaction each. */
async function writeChain(count: number, caseId = uniqueId('AUDIT'), prisma: PrismaClient = env.prisma): Promise<{ caseId: string; ids: bigint[] }> {
  const ids: bigint[] = [];
  for (let i = 0; i < count; i++) {
    const { id } = await prisma.$transaction((tx) =>
      appendAuditEvent(tx, {
        eventKey: `${caseId}/${i}`,
        caseId,
        caseType: 'TEST',
        type: `STEP_${i}`,
        actorId: world.actors.reviewer.id,
        actorRole: 'REVIEWER',
        reason: `第${i}步`,
        data: { step: i, nested: { b: [1, { y: 2, x: 1 }], a: null }, at: new Date('2026-01-05T08:00:00Z') },
        occurredAt: new Date(Date.UTC(2026, 0, 5, 8, i)),
      }),
    );
    ids.push(id);
  }
  return { caseId, ids };
}

/** Changes a stored event behind the application's back, as someone with database access could. */
async function tamper(prisma: PrismaClient, eventId: bigint, sql: 'reason' | 'data', value: string): Promise<void> {
  await prisma.$transaction(async (tx) => {
    await tx.$executeRaw`SET LOCAL app.allow_audit_rewrite = 'on'`;
    if (sql === 'reason') await tx.$executeRaw`UPDATE "CaseEvent" SET "reason" = ${value} WHERE "id" = ${eventId}`;
    else await tx.$executeRaw`UPDATE "CaseEvent" SET "data" = ${value}::jsonb WHERE "id" = ${eventId}`;
  });
}

describe('hash-chained audit trail', () => {
  it('the events of a real objection case form one valid chain', async () => {
    const recordId = await world.createRecord();
    const filed = await request(app)
      .post('/objections')
      .set('Authorization', await bearer(world.actors.applicant))
      .send({ recordId, grounds: 'INACCURATE_OR_INCOMPLETE', statement: '金额错误', evidence: [{ title: '付款凭证' }] });
    expect(filed.status).toBe(201);
    const caseId = filed.body.id as string;
    expect((await request(app).post(`/objections/${caseId}/accept`).set('Authorization', await bearer(world.actors.reviewer)).send({})).status).toBe(200);
    const decided = await request(app)
      .post(`/objections/${caseId}/decision`)
      .set('Authorization', await bearer(world.actors.reviewer2))
      .send({ outcome: 'REJECT', reasons: '经核实，记录无误' });
    expect(decided.status).toBe(200);
    await eventually(async () => ((await env.prisma.caseEvent.count({ where: { caseId, type: 'DECIDED' } })) > 0 ? true : undefined));

    const events = await env.prisma.caseEvent.findMany({ where: { caseId }, orderBy: { id: 'asc' } });
    expect(events.length).toBeGreaterThanOrEqual(4);
    expect(events[0]).toMatchObject({ type: 'FILED', prevHash: null });
    events.forEach((event, i) => {
      expect(event.hash).toMatch(/^[0-9a-f]{64}$/);
      if (i > 0) expect(event.prevHash).toBe(events[i - 1]!.hash);
    });
    expect(await verifyCaseChain(env.prisma, caseId)).toEqual({ ok: true, checked: events.length });

    const byApi = await request(app).get(`/audit/verify?caseId=${caseId}`).set('Authorization', await bearer(world.actors.admin));
    expect(byApi.status).toBe(200);
    expect(byApi.body).toMatchObject({ scope: caseId, ok: true, checked: events.length });
    // The endpoint also checks the newest signed checkpoint (none yet, or one this new case is not in).
    expect(byApi.body.checkpoint === null || byApi.body.checkpoint.ok === true).toBe(true);
  });

  it('twenty concurrent writers on one case keep a single chain', async () => {
    const caseId = uniqueId('AUDIT-CONCURRENT');
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        env.prisma.$transaction((tx) =>
          appendAuditEvent(tx, {
            eventKey: `${caseId}/${i}`,
            caseId,
            caseType: 'TEST',
            type: 'PARALLEL',
            actorId: 'system',
            actorRole: 'ADMIN',
            data: { i },
            occurredAt: new Date().toISOString(),
          }),
        ),
      ),
    );
    const events = await env.prisma.caseEvent.findMany({ where: { caseId }, orderBy: { id: 'asc' } });
    expect(events).toHaveLength(20);
    // A fork would show as two events naming the same predecessor.
    expect(new Set(events.map((e) => e.prevHash)).size).toBe(20);
    expect(events.filter((e) => e.prevHash === null)).toHaveLength(1);
    expect(await verifyCaseChain(env.prisma, caseId)).toEqual({ ok: true, checked: 20 });
  });

  it('a row altered directly in PostgreSQL fails verification at that row, by the function, the endpoint and the command', async () => {
    const { caseId, ids } = await writeChain(5);
    expect(await verifyCaseChain(env.prisma, caseId)).toEqual({ ok: true, checked: 5 });
    const original = await env.prisma.caseEvent.findUniqueOrThrow({ where: { id: ids[2]! } });

    await tamper(env.prisma, ids[2]!, 'reason', '第2步（已篡改）');
    const verdict = await verifyCaseChain(env.prisma, caseId);
    expect(verdict).toMatchObject({ ok: false, checked: 3, firstBroken: { caseId, eventId: ids[2]!.toString(), eventKey: `${caseId}/2` } });
    expect(verdict.firstBroken?.reason).toMatch(/hash/);

    const admin = await bearer(world.actors.admin);
    const one = await request(app).get('/audit/verify').query({ caseId }).set('Authorization', admin);
    expect(one.status).toBe(200);
    expect(one.body).toMatchObject({ scope: caseId, ok: false, firstBroken: { caseId, eventId: ids[2]!.toString() } });
    const all = await request(app).get('/audit/verify').set('Authorization', admin);
    expect(all.status).toBe(200);
    expect(all.body).toMatchObject({ scope: 'all', ok: false });

    const command = spawnSync('npx', ['tsx', 'scripts/verify-audit.ts', caseId], {
      env: { ...process.env, DATABASE_URL: env.databaseUrl, AUDIT_SIGNING_KEY_FILE: TEST_AUDIT_KEY_FILE },
      encoding: 'utf8',
    });
    expect(command.status).toBe(1);
    expect(command.stderr).toContain(`at event ${ids[2]!.toString()}`);

    // Putting the row back restores the chain (the test leaves the shared log verifiable for others).
    await tamper(env.prisma, ids[2]!, 'reason', original.reason!);
    expect(await verifyCaseChain(env.prisma, caseId)).toEqual({ ok: true, checked: 5 });
  });

  it('altered data, and a deleted event, break the chain where they happened', async () => {
    const { caseId, ids } = await writeChain(4);
    const original = await env.prisma.caseEvent.findUniqueOrThrow({ where: { id: ids[1]! } });
    await tamper(env.prisma, ids[1]!, 'data', JSON.stringify({ ...(original.data as object), step: 99 }));
    expect(await verifyCaseChain(env.prisma, caseId)).toMatchObject({ ok: false, firstBroken: { eventId: ids[1]!.toString() } });
    // Key order inside jsonb is not part of the hash: the same data written in another order verifies.
    await tamper(env.prisma, ids[1]!, 'data', JSON.stringify(Object.fromEntries(Object.entries(original.data as object).reverse())));
    expect(await verifyCaseChain(env.prisma, caseId)).toEqual({ ok: true, checked: 4 });

    const removed = await env.prisma.caseEvent.findUniqueOrThrow({ where: { id: ids[2]! } });
    await env.prisma.$transaction(async (tx) => {
      await tx.$executeRaw`SET LOCAL app.allow_audit_rewrite = 'on'`;
      await tx.$executeRaw`DELETE FROM "CaseEvent" WHERE "id" = ${ids[2]!}`;
    });
    expect(await verifyCaseChain(env.prisma, caseId)).toMatchObject({
      ok: false,
      firstBroken: { eventId: ids[3]!.toString(), reason: expect.stringMatching(/prevHash/) },
    });
    // Inserting is what the log allows: putting the event back where it was mends the chain.
    await env.prisma.caseEvent.create({ data: { ...removed, data: removed.data ?? undefined } });
    expect(await verifyCaseChain(env.prisma, caseId)).toEqual({ ok: true, checked: 4 });
  });

  it('the database refuses to update or delete an audit event without the rewrite setting', async () => {
    const { ids } = await writeChain(1);
    await expect(env.prisma.caseEvent.update({ where: { id: ids[0]! }, data: { reason: 'changed' } })).rejects.toThrow(/append-only/);
    await expect(env.prisma.caseEvent.deleteMany({ where: { id: ids[0]! } })).rejects.toThrow(/append-only/);
    await expect(env.prisma.$executeRaw`UPDATE "CaseEvent" SET "reason" = 'x' WHERE "id" = ${ids[0]!}`).rejects.toThrow(/append-only/);
    expect((await env.prisma.caseEvent.findUniqueOrThrow({ where: { id: ids[0]! } })).reason).toBe('第0步');
  });

  it('verifies the whole log case by case and names the first broken case, including an event written outside the chain', async () => {
    const prisma = ownLog.prisma;
    const seeded = await prisma.caseEvent.count();
    const run = uniqueId('LOG');
    const chains = [await writeChain(2, `${run}-A`, prisma), await writeChain(3, `${run}-B`, prisma), await writeChain(2, `${run}-C`, prisma)];
    expect(await verifyAllChains(prisma)).toEqual({ ok: true, checked: seeded + 7 });

    const [, b, c] = chains as [unknown, { caseId: string; ids: bigint[] }, { caseId: string; ids: bigint[] }];
    await tamper(prisma, b.ids[1]!, 'reason', '第1步（已篡改）');
    expect(await verifyAllChains(prisma)).toMatchObject({ ok: false, firstBroken: { caseId: b.caseId, eventId: b.ids[1]!.toString(), reason: expect.stringMatching(/hash/) } });
    await tamper(prisma, b.ids[1]!, 'reason', '第1步');
    expect(await verifyAllChains(prisma)).toEqual({ ok: true, checked: seeded + 7 });

    // A writer that bypassed lib/audit would leave an event without a hash: the log names it.
    const stray = await prisma.caseEvent.create({
      data: { eventKey: `${c.caseId}/stray`, caseId: c.caseId, caseType: 'TEST', type: 'STRAY', actorId: 'system', actorRole: 'ADMIN', occurredAt: new Date() },
    });
    expect(await verifyAllChains(prisma)).toMatchObject({
      ok: false,
      firstBroken: { caseId: c.caseId, eventId: stray.id.toString(), reason: expect.stringMatching(/no hash/) },
    });
  });

  it('a refused request leaves an ACCESS_DENIED event in the actor’s access chain', async () => {
    const requestId = `denied-${randomUUID()}`;
    const forbidden = await request(app).get('/audit/verify').set('Authorization', await bearer(world.actors.reviewer)).set('X-Request-Id', requestId);
    expect(forbidden.status).toBe(403);
    const accessCase = `access:${world.actors.reviewer.id}`;
    const event = await env.prisma.caseEvent.findFirstOrThrow({ where: { caseId: accessCase, type: 'ACCESS_DENIED' }, orderBy: { id: 'desc' } });
    expect(event).toMatchObject({
      caseType: 'ACCESS',
      actorId: world.actors.reviewer.id,
      actorRole: 'REVIEWER',
      data: { method: 'GET', path: '/audit/verify', status: 403, code: 'forbidden', requestId },
    });
    expect(await verifyCaseChain(env.prisma, accessCase)).toMatchObject({ ok: true });

    const anonymousId = `anon-${randomUUID()}`;
    const unauthenticated = await request(app).get('/objections').set('X-Request-Id', anonymousId);
    expect(unauthenticated.status).toBe(401);
    const anonymous = await env.prisma.caseEvent.findFirst({
      where: { caseId: 'access:anonymous', data: { path: ['requestId'], equals: anonymousId } },
    });
    expect(anonymous).toMatchObject({ type: 'ACCESS_DENIED', actorId: 'anonymous', data: { status: 401, code: 'unauthenticated', path: '/objections' } });
  });

  it('a workflow update refused by its validator as FORBIDDEN is audited as denied', async () => {
    const recordId = await world.createRecord();
    const filed = await request(app)
      .post('/objections')
      .set('Authorization', await bearer(world.actors.applicant))
      .send({ recordId, grounds: 'INACCURATE_OR_INCOMPLETE', statement: '金额错误' });
    const caseId = filed.body.id as string;
    // Another applicant of the same body sees the case, but the workflow's validator lets only the filer withdraw.
    const colleague = { id: uniqueId('applicant-colleague'), role: 'APPLICANT' as const, subjectId: world.subjectId, authorityId: null };
    await env.prisma.user.create({ data: { id: colleague.id, name: '同单位联络员', role: 'APPLICANT', subjectId: world.subjectId } });
    const res = await request(app).post(`/objections/${caseId}/withdraw`).set('Authorization', await bearer(colleague)).send({});
    expect(res.status).toBe(403);
    expect(res.body.detail).toMatch(/Only the applicant who filed/);
    const event = await env.prisma.caseEvent.findFirst({
      where: { caseId: `access:${colleague.id}`, data: { path: ['path'], equals: `/objections/${caseId}/withdraw` } },
    });
    expect(event).toMatchObject({ type: 'ACCESS_DENIED', data: { status: 403 } });
  });

  it('a failure to write the denial event is logged and the caller still gets its 403', async () => {
    const failing = { $transaction: () => Promise.reject(new Error('database down')) } as unknown as PrismaClient;
    const logged: string[] = [];
    const logger = createLogger('silent');
    logger.error = ((_obj: unknown, message: string) => void logged.push(message)) as unknown as typeof logger.error;
    const bare = express();
    bare.get('/forbidden', () => {
      throw new AppError(ErrorCode.FORBIDDEN, 'no');
    });
    bare.use(errorMiddleware(logger, { onDenied: accessDeniedRecorder(failing, logger) }));
    const res = await request(bare).get('/forbidden');
    expect(res.status).toBe(403);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(logged).toEqual(['could not write the ACCESS_DENIED audit event']);
  });

  it('only an administrator may verify the log', async () => {
    for (const actor of [world.actors.applicant, world.actors.reviewer, world.actors.supervisor]) {
      expect((await request(app).get('/audit/verify').set('Authorization', await bearer(actor))).status).toBe(403);
    }
    expect((await request(app).get('/audit/verify')).status).toBe(401);
    expect((await request(app).get('/audit/verify?caseId=a&caseId=b').set('Authorization', await bearer(world.actors.admin))).status).toBe(400);
  });
});
