import { Prisma, type OutboxMessage } from '../../generated/prisma/client.js';
import type { Logger } from '../logger.js';
import type { PrismaClient } from '../prisma.js';

export interface OutboxDispatcherOptions {
  webhookUrl: string;
  maxAttempts: number;
  pollMs: number;
  batchSize?: number;
  /** How long a claimed message stays invisible to other dispatchers while it is being sent. */
  leaseSeconds?: number;
  timeoutMs?: number;
  /** Only messages of these topics (dispatchers of different webhooks share one outbox); all topics when unset. */
  topics?: readonly string[];
  logger: Logger;
}

/** Exponential backoff: 1 s, 2 s, 4 s … capped at 5 minutes. */
export function retryDelayMs(attempts: number): number {
  return Math.min(300_000, 1000 * 2 ** Math.max(0, attempts - 1));
}

/**
 * Delivers outbox messages to a webhook, at least once: a message is claimed with a lease (SKIP LOCKED, so
 * several workers can run), POSTed with its id as Idempotency-Key, and marked delivered only on a 2xx answer;
 * otherwise it is retried with backoff until `maxAttempts`, then marked DEAD for an administrator.
 */
export class OutboxDispatcher {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly prisma: PrismaClient,
    private readonly options: OutboxDispatcherOptions,
  ) {}

  async dispatchOnce(): Promise<number> {
    const batch = await this.claim();
    for (const message of batch) await this.deliver(message);
    return batch.length;
  }

  start(): void {
    const tick = () => {
      this.running = this.dispatchOnce()
        .catch((err: unknown) => this.options.logger.error({ err }, 'outbox dispatch failed'))
        .finally(() => {
          if (this.timer) this.timer = setTimeout(tick, this.options.pollMs);
        });
    };
    this.timer = setTimeout(tick, 0);
  }

  async stop(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
  }

  private async claim(): Promise<OutboxMessage[]> {
    const lease = this.options.leaseSeconds ?? 30;
    const topics = this.options.topics ? Prisma.sql`AND topic = ANY(${[...this.options.topics]}::text[])` : Prisma.empty;
    return this.prisma.$queryRaw<OutboxMessage[]>`
      UPDATE "OutboxMessage" SET "nextAttemptAt" = now() + make_interval(secs => ${lease})
      WHERE id IN (
        SELECT id FROM "OutboxMessage"
        WHERE status = 'PENDING' AND "nextAttemptAt" <= now() ${topics}
        ORDER BY "createdAt" LIMIT ${this.options.batchSize ?? 20}
        FOR UPDATE SKIP LOCKED)
      RETURNING *`;
  }

  private async deliver(message: OutboxMessage): Promise<void> {
    let error: string | null = null;
    try {
      const response = await fetch(this.options.webhookUrl, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Idempotency-Key': message.id },
        body: JSON.stringify({ id: message.id, topic: message.topic, recipientId: message.recipientId, payload: message.payload, createdAt: message.createdAt }),
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 10_000),
      });
      if (!response.ok) error = `HTTP ${response.status}`;
    } catch (err) {
      error = err instanceof Error ? err.message : String(err);
    }
    if (error === null) {
      await this.prisma.outboxMessage.update({ where: { id: message.id }, data: { status: 'DELIVERED', deliveredAt: new Date(), attempts: { increment: 1 }, lastError: null } });
      return;
    }
    const attempts = message.attempts + 1;
    const dead = attempts >= this.options.maxAttempts;
    await this.prisma.outboxMessage.update({
      where: { id: message.id },
      data: { attempts, lastError: error.slice(0, 500), status: dead ? 'DEAD' : 'PENDING', nextAttemptAt: new Date(Date.now() + retryDelayMs(attempts)) },
    });
    this.options.logger.warn({ messageId: message.id, attempts, dead, error }, 'notification not delivered');
  }
}
