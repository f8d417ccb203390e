import type { Logger } from '../../logger.js';
import type { PrismaClient } from '../../prisma.js';
import { createCheckpoint, type AuditCheckpointRecord } from './checkpoint.js';
import type { AuditSigningKey } from './signing-key.js';

/**
 * Signs a checkpoint unless one younger than `intervalMs` exists. Several workers may call it at once: an advisory
 * lock makes them take turns, so one interval gets one checkpoint.
 */
export async function createCheckpointIfDue(prisma: PrismaClient, key: AuditSigningKey, intervalMs: number, now = new Date()): Promise<AuditCheckpointRecord | null> {
  return prisma.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('credit-engine:audit-checkpoint'))`;
    const latest = await tx.auditCheckpoint.findFirst({ orderBy: { id: 'desc' }, select: { createdAt: true } });
    if (latest && now.getTime() - latest.createdAt.getTime() < intervalMs) return null;
    return createCheckpoint(tx, key, now);
  });
}

/** Signs the chain heads every `intervalMs` in the worker process (AUDIT_CHECKPOINT_INTERVAL_MS). */
export class CheckpointScheduler {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly prisma: PrismaClient,
    private readonly key: AuditSigningKey,
    private readonly options: { intervalMs: number; logger: Logger },
  ) {}

  start(): void {
    const tick = () => {
      this.running = createCheckpointIfDue(this.prisma, this.key, this.options.intervalMs)
        .then((checkpoint) => {
          if (checkpoint) this.options.logger.info({ checkpointId: checkpoint.id, cases: checkpoint.heads.length }, 'audit checkpoint signed');
        })
        .catch((err: unknown) => this.options.logger.error({ err }, 'audit checkpoint failed'))
        .finally(() => {
          if (this.timer) this.timer = setTimeout(tick, this.options.intervalMs);
        });
    };
    this.timer = setTimeout(tick, 0);
  }

  async stop(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
  }
}
