/**
 * Regressions of the defects found by probing the running product (issue 8): each test reproduces a probe's request
 * and failed before its fix.
 */
import { SignJWT } from 'jose';
import type { Express } from 'express';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestApp, TEST_TOKENS } from '../support/api-harness.js';
import { createObjectionWorld, type ObjectionWorld } from '../support/objection-fixtures.js';
import { createRepairWorld, FULL_MATERIALS, repairableRecord, type RepairWorld } from '../support/repair-fixtures.js';
import { startRealWorker } from '../support/real-worker.js';
import { getTestEnv, uniqueId } from '../support/test-env.js';

const env = await getTestEnv();
const taskQueue = uniqueId('security');
let stopWorker: () => Promise<void>;
let app: Express;
let world: ObjectionWorld;
let repairs: RepairWorld;
let repairApp: Express;

beforeAll(async () => {
  ({ stop: stopWorker } = await startRealWorker(taskQueue));
  world = await createObjectionWorld(env.prisma);
  repairs = await createRepairWorld(env.prisma);
  app = await createTestApp({ taskQueue, objectionPolicyId: world.policyId });
  repairApp = await createTestApp({
    taskQueue,
    publicationPolicyId: repairs.publicationPolicyId,
    rectificationPolicyId: repairs.rectificationPolicyId,
    repairPolicyId: repairs.repairPolicyId,
  });
});
afterAll(async () => {
  await stopWorker?.();
});

/** A token signed with the local secret carrying whatever claims an attacker chooses. */
function forgedToken(claims: Record<string, unknown>, subject: string): Promise<string> {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(subject)
    .setIssuer(TEST_TOKENS.issuer)
    .setAudience(TEST_TOKENS.audience)
    .setIssuedAt()
    .setExpirationTime('1h')
    .sign(new TextEncoder().encode(TEST_TOKENS.secret));
}

const fileBody = (recordId: string) => ({ recordId, grounds: 'INACCURATE_OR_INCOMPLETE', statement: '金额错误', evidence: [{ title: '付款凭证' }] });

async function filedAndAccepted(): Promise<string> {
  const filed = await request(app).post('/objections').set('Authorization', await bearer(world.actors.applicant)).send(fileBody(await world.createRecord()));
  expect(filed.status).toBe(201);
  const caseId = filed.body.id as string;
  return caseId;
}

describe('local tokens name a user; the User table says who they are (item 1)', () => {
  it('refuses a token for a user who does not exist, whatever role it claims', async () => {
    const token = await forgedToken({ role: 'ADMIN' }, uniqueId('ghost-user'));
    const res = await request(app).get('/audit/verify').set('Authorization', `Bearer ${token}`);
    expect(res.status).toBe(401);
    expect(res.body.detail).toMatch(/not a registered user/);
  });

  it('ignores a role claim: an applicant who claims SUPERVISOR is still an applicant', async () => {
    const token = await forgedToken({ role: 'SUPERVISOR', authorityId: world.authorityId }, world.actors.applicant.id);
    const me = await request(app).get('/me').set('Authorization', `Bearer ${token}`);
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ id: world.actors.applicant.id, role: 'APPLICANT' });
    const caseId = await filedAndAccepted();
    const accept = await request(app).post(`/objections/${caseId}/accept`).set('Authorization', `Bearer ${token}`).send({});
    expect(accept.status).toBe(403);
  });
});

describe('one open repair application per record (item 2)', () => {
  it('creates exactly one of 20 parallel applications for one record; the others are 409', async () => {
    const record = await repairableRecord(env.prisma, env.temporalClient, taskQueue, repairs);
    const token = await bearer(repairs.actors.applicant);
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => request(repairApp).post('/repairs').set('Authorization', token).send({ recordId: record.id, materials: FULL_MATERIALS })),
    );
    const statuses = answers.map((res) => res.status).sort();
    // Anything but 201 or 409 is a defect: show what it said.
    expect(answers.filter((res) => res.status !== 201 && res.status !== 409).map((res) => res.body)).toEqual([]);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(19);
    expect(await env.prisma.repairApplication.count({ where: { recordId: record.id } })).toBe(1);
  });

  it('does not accept a filed application once its record is no longer in force', async () => {
    const record = await repairableRecord(env.prisma, env.temporalClient, taskQueue, repairs);
    const filed = await request(repairApp).post('/repairs').set('Authorization', await bearer(repairs.actors.applicant)).send({ recordId: record.id, materials: FULL_MATERIALS });
    expect(filed.status).toBe(201);
    await env.prisma.dishonestyRecord.update({ where: { id: record.id }, data: { status: 'REPAIRED' } });
    const accept = await request(repairApp).post(`/repairs/${filed.body.id}/acceptance`).set('Authorization', await bearer(repairs.actors.reviewer)).send({});
    expect(accept.status).toBe(409);
    expect(accept.body.detail).toMatch(/REPAIRED/);
  });
});

describe('Idempotency-Key scoping (items 3, 4 and 7)', () => {
  it('runs a different action sent with a key already used for another action on the same case', async () => {
    const caseId = await filedAndAccepted();
    const key = uniqueId('reused-key');
    const accepted = await request(app).post(`/objections/${caseId}/accept`).set('Authorization', await bearer(world.actors.reviewer)).set('Idempotency-Key', key).send({});
    expect(accepted.body.status).toBe('UNDER_VERIFICATION');
    const decided = await request(app)
      .post(`/objections/${caseId}/decision`)
      .set('Authorization', await bearer(world.actors.reviewer))
      .set('Idempotency-Key', key)
      .send({ outcome: 'REJECT', reasons: '记录准确' });
    expect(decided.status).toBe(200);
    expect(decided.headers['idempotent-replayed']).toBeUndefined();
    expect(decided.body.status).not.toBe('UNDER_VERIFICATION');
    expect(decided.body.timeline.map((e: { type: string }) => e.type)).toContain('DECIDED');
  });

  it('does not route a case or slash variant of a path to the stored answer of another body', async () => {
    const token = await bearer(world.actors.applicant);
    const key = uniqueId('variant-key');
    const first = await request(app).post('/objections').set('Authorization', token).set('Idempotency-Key', key).send(fileBody(await world.createRecord()));
    expect(first.status).toBe(201);
    const other = fileBody(await world.createRecord());
    for (const path of ['/Objections', '/objections/', '/OBJECTIONS/']) {
      const variant = await request(app).post(path).set('Authorization', token).set('Idempotency-Key', key).send(other);
      expect(variant.status, path).not.toBe(201);
      expect([404, 422], path).toContain(variant.status);
    }
    const same = await request(app).post('/objections').set('Authorization', token).set('Idempotency-Key', key).send(other);
    expect(same.status).toBe(422);
  });
});

describe('bad input is a 400, not a 500 (item 6)', () => {
  it('refuses JSON nested thousands of levels deep, with an Idempotency-Key', async () => {
    const deep = `${'{"a":'.repeat(8_000)}1${'}'.repeat(8_000)}`;
    const res = await request(app)
      .post('/objections')
      .set('Authorization', await bearer(world.actors.applicant))
      .set('Idempotency-Key', uniqueId('deep'))
      .set('Content-Type', 'application/json')
      .send(deep);
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
  });

  it('refuses a due-date question beyond the years the calendar can hold', async () => {
    const res = await request(app).get('/calendar/due-date?from=9999-12-29&workingDays=5').set('Authorization', await bearer(world.actors.reviewer));
    expect(res.status).toBe(400);
    expect(res.body.detail).toMatch(/from/);
  });
});

describe('sent credentials are checked on public routes too (item 9)', () => {
  it('answers a malformed Authorization header on /public/records with 401', async () => {
    for (const header of ['Basic YWRtaW46YWRtaW4=', 'Bearer', 'token abc']) {
      const res = await request(app).get('/public/records').set('Authorization', header);
      expect(res.status, header).toBe(401);
    }
    expect((await request(app).get('/public/records')).status).toBe(200);
  });
});
