/**
 * An administrator sends a dead notification again (POST /outbox/messages/{id}/retry): audited, idempotent, and the
 * dispatcher then delivers it.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import type { Express } from 'express';
import { beforeAll, describe, expect, it } from 'vitest';
import { OUTBOX_CASE_TYPE } from '../../api/outbox/outbox-retry.js';
import { createLogger } from '../../lib/logger.js';
import { OutboxDispatcher } from '../../lib/outbox/outbox-dispatcher.js';
import { bearer, createTestApp } from '../support/api-harness.js';
import { createObjectionWorld, type ObjectionWorld } from '../support/objection-fixtures.js';
import { getTestEnv, uniqueId } from '../support/test-env.js';

const env = await getTestEnv();
let app: Express;
let world: ObjectionWorld;
let admin: string;

beforeAll(async () => {
  world = await createObjectionWorld(env.prisma);
  app = await createTestApp({ taskQueue: uniqueId('outbox-retry') });
  admin = await bearer(world.actors.admin);
});

/** A message of a topic of the test's own (the outbox table is shared with the run's other tests), dead after 12 attempts. */
async function deadMessage(topic = `test.retry-${uniqueId('t').toLowerCase()}`) {
  const id = uniqueId('dead');
  await env.prisma.outboxMessage.create({
    data: { id, topic, recipientId: world.actors.applicant.id, payload: { caseId: 'c-1' }, status: 'DEAD', attempts: 12, lastError: 'HTTP 503' },
  });
  return { id, topic };
}

const retry = (id: string, authorization = admin) => request(app).post(`/outbox/messages/${id}/retry`).set('Authorization', authorization).send({});

describe('retrying a dead outbox message', () => {
  it('an administrator sends a dead message again: pending, attempts reset, one audit event', async () => {
    const { id, topic } = await deadMessage();
    const res = await retry(id);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ retried: true, message: { id, topic, status: 'PENDING', attempts: 0, lastError: 'HTTP 503' } });
    expect(res.body.message.payload).toBeUndefined();
    const stored = await env.prisma.outboxMessage.findUniqueOrThrow({ where: { id } });
    expect(stored.status).toBe('PENDING');
    expect(stored.nextAttemptAt.getTime()).toBeLessThanOrEqual(Date.now());
    const events = await env.prisma.caseEvent.findMany({ where: { caseId: `outbox:${id}` } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ caseType: OUTBOX_CASE_TYPE, type: 'OUTBOX_RETRIED', actorId: world.actors.admin.id, actorRole: 'ADMIN' });
    expect(events[0]!.data).toMatchObject({ topic, attempts: 12, lastError: 'HTTP 503' });
    const verified = await request(app).get(`/audit/verify?caseId=${encodeURIComponent(`outbox:${id}`)}`).set('Authorization', admin);
    expect(verified.status).toBe(200);
    expect(verified.body).toMatchObject({ ok: true, checked: 1 });
  });

  it('retrying twice (a double click, two administrators) changes the message once and audits it once', async () => {
    const { id } = await deadMessage();
    const [first, second] = await Promise.all([retry(id), retry(id)]);
    expect([first.status, second.status]).toEqual([200, 200]);
    expect([first.body.retried, second.body.retried].sort()).toEqual([false, true]);
    const third = await retry(id);
    expect(third.body).toMatchObject({ retried: false, message: { status: 'PENDING' } });
    expect(await env.prisma.caseEvent.count({ where: { caseId: `outbox:${id}` } })).toBe(1);
  });

  it('only an administrator may retry; an unknown message is a 404', async () => {
    const { id } = await deadMessage();
    for (const actor of [world.actors.reviewer, world.actors.supervisor, world.actors.applicant]) {
      expect((await retry(id, await bearer(actor))).status).toBe(403);
    }
    expect((await env.prisma.outboxMessage.findUniqueOrThrow({ where: { id } })).status).toBe('DEAD');
    const missing = await retry(uniqueId('no-such-message'));
    expect(missing.status).toBe(404);
    expect(missing.headers['content-type']).toMatch(/application\/problem\+json/);
  });

  it('the dispatcher delivers a retried message', async () => {
    const received: string[] = [];
    const server: Server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        received.push((JSON.parse(body) as { id: string }).id);
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { id, topic } = await deadMessage();
      const dispatcher = new OutboxDispatcher(env.prisma, {
        webhookUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
        maxAttempts: 3,
        pollMs: 1000,
        topics: [topic],
        logger: createLogger('silent'),
      });
      expect(await dispatcher.dispatchOnce()).toBe(0); // dead: never picked up
      expect((await retry(id)).status).toBe(200);
      expect(await dispatcher.dispatchOnce()).toBe(1);
      expect(received).toEqual([id]);
      expect(await env.prisma.outboxMessage.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: 'DELIVERED', attempts: 1 });
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});

