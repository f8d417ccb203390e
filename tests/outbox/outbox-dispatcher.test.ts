import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../lib/logger.js';
import { OutboxDispatcher, retryDelayMs } from '../../lib/outbox/outbox-dispatcher.js';
import { getTestEnv, uniqueId } from '../support/test-env.js';

const env = await getTestEnv();

interface Received {
  id: string;
  idempotencyKey: string | undefined;
}

/** A webhook receiver on loopback that answers with the given status and remembers what it got. */
async function startReceiver(status: () => number): Promise<{ url: string; received: Received[]; close: () => Promise<void> }> {
  const received: Received[] = [];
  const server: Server = createServer((req: IncomingMessage, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      const parsed = JSON.parse(body) as { id: string };
      received.push({ id: parsed.id, idempotencyKey: req.headers['idempotency-key'] as string | undefined });
      res.writeHead(status()).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/hook`, received, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

const dispatchers: OutboxDispatcher[] = [];
afterEach(async () => {
  await Promise.all(dispatchers.map((d) => d.stop()));
});

/**
 * Each test dispatches only a topic of its own: the outbox table is shared with every other test of the run, whose
 * messages a dispatcher of all topics would deliver to this test's receiver (and mark DEAD).
 */
async function message(recipientId: string, topic: string) {
  return env.prisma.outboxMessage.create({ data: { id: uniqueId('msg'), topic, recipientId, payload: { ok: true } } });
}

describe('notification outbox', () => {
  it('keeps a message while the receiver is down and delivers it once the receiver is back', async () => {
    const topic = uniqueId('test.delivered');
    const recipient = uniqueId('applicant');
    const msg = await message(recipient, topic);
    let up = false;
    const receiver = await startReceiver(() => (up ? 204 : 503));
    const dispatcher = new OutboxDispatcher(env.prisma, { webhookUrl: receiver.url, maxAttempts: 10, pollMs: 50, leaseSeconds: 0, batchSize: 1000, topics: [topic], logger: createLogger('silent') });
    dispatchers.push(dispatcher);

    await dispatcher.dispatchOnce();
    let row = await env.prisma.outboxMessage.findUniqueOrThrow({ where: { id: msg.id } });
    expect(row).toMatchObject({ status: 'PENDING', attempts: 1 });
    expect(row.lastError).toMatch(/503/);

    up = true;
    await env.prisma.outboxMessage.update({ where: { id: msg.id }, data: { nextAttemptAt: new Date() } });
    await dispatcher.dispatchOnce();
    row = await env.prisma.outboxMessage.findUniqueOrThrow({ where: { id: msg.id } });
    expect(row).toMatchObject({ status: 'DELIVERED', attempts: 2 });
    expect(receiver.received.map((r) => r.id)).toEqual([msg.id, msg.id]);
    expect(receiver.received.every((r) => r.idempotencyKey === r.id)).toBe(true);
    await receiver.close();
  });

  it('gives up after the configured attempts and marks the message dead', async () => {
    const topic = uniqueId('test.dead');
    const msg = await message(uniqueId('applicant'), topic);
    const dispatcher = new OutboxDispatcher(env.prisma, { webhookUrl: 'http://127.0.0.1:9/unreachable', maxAttempts: 2, pollMs: 50, leaseSeconds: 0, batchSize: 1000, timeoutMs: 500, topics: [topic], logger: createLogger('silent') });
    for (let i = 0; i < 2; i++) {
      await env.prisma.outboxMessage.update({ where: { id: msg.id }, data: { nextAttemptAt: new Date() } });
      await dispatcher.dispatchOnce();
    }
    const row = await env.prisma.outboxMessage.findUniqueOrThrow({ where: { id: msg.id } });
    expect(row).toMatchObject({ status: 'DEAD', attempts: 2 });
  });

  it('a dispatcher of some topics leaves the messages of other topics alone', async () => {
    const mine = uniqueId('test.mine');
    const other = uniqueId('test.other');
    const [own, foreign] = [await message(uniqueId('applicant'), mine), await message(uniqueId('applicant'), other)];
    const receiver = await startReceiver(() => 204);
    const dispatcher = new OutboxDispatcher(env.prisma, { webhookUrl: receiver.url, maxAttempts: 2, pollMs: 50, leaseSeconds: 0, batchSize: 1000, topics: [mine], logger: createLogger('silent') });
    expect(await dispatcher.dispatchOnce()).toBe(1);
    expect(receiver.received.map((r) => r.id)).toEqual([own.id]);
    expect(await env.prisma.outboxMessage.findUniqueOrThrow({ where: { id: foreign.id } })).toMatchObject({ status: 'PENDING', attempts: 0 });
    await env.prisma.outboxMessage.delete({ where: { id: foreign.id } });
    await receiver.close();
  });

  it('backs off exponentially up to five minutes', () => {
    expect([1, 2, 3, 10, 20].map(retryDelayMs)).toEqual([1000, 2000, 4000, 300_000, 300_000]);
  });
});
