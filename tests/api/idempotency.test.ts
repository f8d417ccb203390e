import express, { type Express } from 'express';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fingerprintOf, idempotency, storedKeyOf } from '../../api/middleware/idempotency.js';
import { canonicalJson } from '../../lib/audit/canonical-json.js';
import { errorMiddleware } from '../../api/errors/error-middleware.js';
import { createLogger } from '../../lib/logger.js';
import { bearer, createTestApp } from '../support/api-harness.js';
import { createObjectionWorld, type ObjectionWorld } from '../support/objection-fixtures.js';
import { startRealWorker } from '../support/real-worker.js';
import { getTestEnv, uniqueId } from '../support/test-env.js';

const env = await getTestEnv();
const taskQueue = uniqueId('idempotency');
let stopWorker: () => Promise<void>;
let app: Express;
let world: ObjectionWorld;

beforeAll(async () => {
  ({ stop: stopWorker } = await startRealWorker(taskQueue));
  world = await createObjectionWorld(env.prisma);
  app = await createTestApp({ taskQueue, objectionPolicyId: world.policyId });
});
afterAll(async () => {
  await stopWorker?.();
});

function objectionRequest(recordId: string) {
  return { recordId, grounds: 'INACCURATE_OR_INCOMPLETE', statement: '金额错误', evidence: [{ title: '付款凭证' }] };
}

describe('Idempotency-Key on POST requests', () => {
  it('ten concurrent retries of one filing create one case and all get the same answer', async () => {
    const recordId = await world.createRecord();
    const key = uniqueId('file');
    const token = await bearer(world.actors.applicant);
    const answers = await Promise.all(
      Array.from({ length: 10 }, () => request(app).post('/objections').set('Authorization', token).set('Idempotency-Key', key).send(objectionRequest(recordId))),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(10).fill(201));
    const first = answers[0]!;
    for (const answer of answers) {
      expect(answer.body).toEqual(first.body);
      expect(answer.headers.location).toBe(`/objections/${first.body.id}`);
    }
    // Exactly one ran; every other one was answered from the stored answer.
    expect(answers.filter((a) => a.headers['idempotent-replayed'] === 'true')).toHaveLength(9);
    expect(await env.prisma.objection.count({ where: { recordId } })).toBe(1);
    expect(await env.prisma.caseEvent.count({ where: { caseId: first.body.id, type: 'FILED' } })).toBe(1);
    const stored = await env.prisma.idempotentRequest.findMany({ where: { actorId: world.actors.applicant.id, key: { endsWith: ` ${key}` } } });
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ status: 201, completedAt: expect.any(Date) });
  });

  it('a retried action returns the first answer instead of a conflict, and acts once', async () => {
    const recordId = await world.createRecord();
    const filed = await request(app).post('/objections').set('Authorization', await bearer(world.actors.applicant)).send(objectionRequest(recordId));
    const caseId = filed.body.id as string;
    const key = uniqueId('accept');
    const accept = async () =>
      request(app).post(`/objections/${caseId}/accept`).set('Authorization', await bearer(world.actors.reviewer)).set('Idempotency-Key', key).send({ note: '受理' });
    const first = await accept();
    expect(first.status).toBe(200);
    expect(first.body.status).toBe('UNDER_VERIFICATION');
    const retried = await Promise.all([accept(), accept(), accept()]);
    for (const retry of retried) {
      expect(retry.status).toBe(200);
      expect(retry.headers['idempotent-replayed']).toBe('true');
      expect(retry.body).toEqual(first.body);
    }
    expect(await env.prisma.caseEvent.count({ where: { caseId, type: 'ACCEPTED' } })).toBe(1);
    // Without the key, the same action again is refused by the case's state.
    const again = await request(app).post(`/objections/${caseId}/accept`).set('Authorization', await bearer(world.actors.reviewer)).send({ note: '受理' });
    expect(again.status).toBe(409);
  });

  it('a retried decision whose first answer was lost gets the decision, not 409, after it closed the case', async () => {
    // Seen in tests/deploy/fault-worker-crash.test.ts: the first attempt answered 500 (not stored) while the decision
    // still landed and closed the case; the retry with the same key must get the decision, and act once.
    const closingWorld = await createObjectionWorld(env.prisma, { secondReviewAllowed: false });
    const closingApp = await createTestApp({ taskQueue, objectionPolicyId: closingWorld.policyId });
    const recordId = await closingWorld.createRecord();
    const filed = await request(closingApp).post('/objections').set('Authorization', await bearer(closingWorld.actors.applicant)).send(objectionRequest(recordId));
    const caseId = filed.body.id as string;
    expect((await request(closingApp).post(`/objections/${caseId}/accept`).set('Authorization', await bearer(closingWorld.actors.reviewer)).send({})).status).toBe(200);
    const key = uniqueId('decide');
    const decide = async () =>
      request(closingApp)
        .post(`/objections/${caseId}/decision`)
        .set('Authorization', await bearer(closingWorld.actors.reviewer2))
        .set('Idempotency-Key', key)
        .send({ outcome: 'REJECT', reasons: '记录无误' });
    const first = await decide();
    expect(first.body.status).toBe('DECIDED');
    // The stored answer is gone, as when the first attempt answered 500 or its process died before storing it.
    await env.prisma.idempotentRequest.deleteMany({ where: { actorId: closingWorld.actors.reviewer2.id } });
    const retry = await decide();
    expect(retry.status).toBe(200);
    expect(retry.headers['idempotent-replayed']).toBeUndefined();
    expect(retry.body.status).toBe('DECIDED');
    expect(await env.prisma.caseEvent.count({ where: { caseId, type: 'DECIDED' } })).toBe(1);
    // Another key (a new decision) on the closed case is refused.
    const other = await request(closingApp)
      .post(`/objections/${caseId}/decision`)
      .set('Authorization', await bearer(closingWorld.actors.reviewer2))
      .set('Idempotency-Key', uniqueId('decide'))
      .send({ outcome: 'REJECT', reasons: '记录无误' });
    expect(other.status).toBe(409);
  });

  it('refuses the same key with a different request body with a 422 problem', async () => {
    const key = uniqueId('reuse');
    const token = await bearer(world.actors.applicant);
    const first = await request(app).post('/objections').set('Authorization', token).set('Idempotency-Key', key).send(objectionRequest(await world.createRecord()));
    expect(first.status).toBe(201);
    const other = await request(app).post('/objections').set('Authorization', token).set('Idempotency-Key', key).send(objectionRequest(await world.createRecord()));
    expect(other.status).toBe(422);
    expect(other.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(other.body.detail).toMatch(/different request/);
    // The same body with its keys in another order is the same request.
    const reordered = await request(app)
      .post('/objections')
      .set('Authorization', token)
      .set('Idempotency-Key', key)
      .set('Content-Type', 'application/json')
      .send(JSON.stringify({ evidence: [{ title: '付款凭证' }], statement: '金额错误', grounds: 'INACCURATE_OR_INCOMPLETE', recordId: first.body.recordId }));
    expect(reordered.status).toBe(201);
    expect(reordered.body.id).toBe(first.body.id);
  });

  it('scopes keys to the actor: another person’s request with the same key is their own', async () => {
    const key = uniqueId('shared');
    const a = await request(app).post('/objections').set('Authorization', await bearer(world.actors.applicant)).set('Idempotency-Key', key).send(objectionRequest(await world.createRecord()));
    const b = await request(app).post('/objections').set('Authorization', await bearer(world.actors.reviewer)).set('Idempotency-Key', key).send(objectionRequest(await world.createRecord()));
    expect(a.status).toBe(201);
    expect(b.status).toBe(403);
    expect(b.headers['idempotent-replayed']).toBeUndefined();
  });

  it('does not store the answer to a malformed request: the corrected retry with the same key runs', async () => {
    const key = uniqueId('invalid');
    const token = await bearer(world.actors.applicant);
    const invalid = await request(app).post('/objections').set('Authorization', token).set('Idempotency-Key', key).send({ grounds: 'NOPE' });
    expect(invalid.status).toBe(400);
    const recordId = await world.createRecord();
    const corrected = await request(app)
      .post('/objections')
      .set('Authorization', token)
      .set('Idempotency-Key', key)
      .send({ recordId, grounds: 'INACCURATE_OR_INCOMPLETE', statement: '金额错误', evidence: [{ title: '付款凭证' }] });
    expect(corrected.status).toBe(201);
    expect(corrected.headers['idempotent-replayed']).toBeUndefined();
  });

  it('rejects a malformed Idempotency-Key with a 400 problem', async () => {
    const res = await request(app).post('/objections').set('Authorization', await bearer(world.actors.applicant)).set('Idempotency-Key', 'short').send({});
    expect(res.status).toBe(400);
    expect(res.body.detail).toMatch(/Idempotency-Key/);
  });
});

/** A small app with the real middleware and database, whose handler the test controls. */
function buildMiniApp(handler: express.RequestHandler, actorId: string, waitMs?: number): Express {
  const logger = createLogger('silent');
  const mini = express();
  mini.use(express.json());
  mini.use((_req, res, next) => {
    res.locals.actor = { id: actorId, role: 'APPLICANT' };
    next();
  });
  mini.use(idempotency({ prisma: env.prisma, logger, ...(waitMs ? { waitMs } : {}) }));
  mini.post('/things', handler);
  mini.use(errorMiddleware(logger));
  return mini;
}

describe('the idempotency middleware around a failing or slow handler', () => {
  const uniqueActor = uniqueId('actor');
  const miniApp = (handler: express.RequestHandler, waitMs?: number) => buildMiniApp(handler, uniqueActor, waitMs);

  it('does not store a 5xx answer: the retry runs again', async () => {
    let calls = 0;
    const mini = miniApp((_req, res) => {
      calls++;
      if (calls === 1) throw new Error('database went away');
      res.status(201).json({ created: calls });
    });
    const key = uniqueId('flaky');
    const first = await request(mini).post('/things').set('Idempotency-Key', key).send({ a: 1 });
    expect(first.status).toBe(500);
    const second = await request(mini).post('/things').set('Idempotency-Key', key).send({ a: 1 });
    expect(second.status).toBe(201);
    expect(second.body).toEqual({ created: 2 });
    const third = await request(mini).post('/things').set('Idempotency-Key', key).send({ a: 1 });
    expect(third.body).toEqual({ created: 2 });
    expect(third.headers['idempotent-replayed']).toBe('true');
    expect(calls).toBe(2);
  });

  it('answers 409 "in progress" when the first request is still running after the wait', async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    let started: () => void = () => {};
    const running = new Promise<void>((resolve) => (started = resolve));
    const mini = miniApp(async (_req, res) => {
      started();
      await gate;
      res.status(201).json({ done: true });
    }, 300);
    const key = uniqueId('slow');
    const first = request(mini).post('/things').set('Idempotency-Key', key).send({ b: 2 }).then((r) => r);
    // The handler runs only once the first request holds the key: the duplicate is sent after that, never before.
    await running;
    const duplicate = await request(mini).post('/things').set('Idempotency-Key', key).send({ b: 2 });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.detail).toMatch(/in progress/);
    release();
    expect((await first).status).toBe(201);
    const replayed = await request(mini).post('/things').set('Idempotency-Key', key).send({ b: 2 });
    expect(replayed.status).toBe(201);
    expect(replayed.headers['idempotent-replayed']).toBe('true');
  });
});

describe('an in-progress key whose process died (issue 13: keys "in progress" for good after a kill -9)', () => {
  const actorId = uniqueId('crashed-actor');
  const miniApp = (handler: express.RequestHandler) => buildMiniApp(handler, actorId, 300);

  /** The row a request leaves behind when its process is killed mid-request: in progress, lease as given. */
  async function orphanedRow(headerKey: string, body: object, leaseUntil: Date) {
    await env.prisma.idempotentRequest.create({
      data: {
        key: storedKeyOf(actorId, 'POST', '/things', headerKey),
        actorId,
        requestHash: fingerprintOf('POST', '/things', canonicalJson(body)),
        status: 0,
        body: {},
        leaseUntil,
      },
    });
  }

  it('lets the retry take the request over once the dead request’s lease has lapsed', async () => {
    const key = uniqueId('orphan');
    await orphanedRow(key, { c: 3 }, new Date(Date.now() - 1_000));
    const mini = miniApp((_req, res) => res.status(201).json({ ran: true }));
    const retry = await request(mini).post('/things').set('Idempotency-Key', key).send({ c: 3 });
    expect(retry.status).toBe(201);
    expect(retry.body).toEqual({ ran: true });
    const replayed = await request(mini).post('/things').set('Idempotency-Key', key).send({ c: 3 });
    expect(replayed.headers['idempotent-replayed']).toBe('true');
  });

  it('keeps answering "in progress" while the lease of a live request holds', async () => {
    const key = uniqueId('live');
    await orphanedRow(key, { d: 4 }, new Date(Date.now() + 60_000));
    const mini = miniApp((_req, res) => res.status(201).json({ ran: true }));
    const retry = await request(mini).post('/things').set('Idempotency-Key', key).send({ d: 4 });
    expect(retry.status).toBe(409);
    expect(retry.body.detail).toMatch(/in progress/);
  });
});
