import type { Client } from '@temporalio/client';
// A CommonJS package: Node's ESM loader gives it as a default export only.
import protos from '@temporalio/proto';
import type { PrismaClient } from '../../generated/prisma/client.js';

/** A worker that polled within this window counts as polling (an idle worker re-polls at least every ~70 s). */
export const WORKER_POLL_MAX_AGE_MS = 120_000;
const CHECK_TIMEOUT_MS = 3_000;

export type CheckStatus = 'up' | 'down';
export interface Readiness {
  ready: boolean;
  checks: { database: CheckStatus; temporal: CheckStatus; worker: CheckStatus };
}

export interface ReadinessDeps {
  prisma: PrismaClient;
  temporal: Client;
  taskQueue: string;
}

function within<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

async function probe(check: () => Promise<boolean>): Promise<CheckStatus> {
  try {
    return (await within(check(), CHECK_TIMEOUT_MS)) ? 'up' : 'down';
  } catch {
    return 'down';
  }
}

/** Whether some worker polled the task queue's workflow tasks recently (Temporal keeps a poller list per queue). */
export async function workerIsPolling(temporal: Client, taskQueue: string, now = Date.now()): Promise<boolean> {
  const { pollers } = await temporal.workflowService.describeTaskQueue({
    namespace: temporal.options.namespace,
    taskQueue: { name: taskQueue, kind: protos.temporal.api.enums.v1.TaskQueueKind.TASK_QUEUE_KIND_NORMAL },
    taskQueueType: protos.temporal.api.enums.v1.TaskQueueType.TASK_QUEUE_TYPE_WORKFLOW,
  });
  return (pollers ?? []).some((poller) => {
    const seconds = Number(poller.lastAccessTime?.seconds ?? 0);
    return now - seconds * 1000 <= WORKER_POLL_MAX_AGE_MS;
  });
}

/** Checks the database, the Temporal frontend (the namespace answers) and a worker polling the task queue, in parallel. */
export async function checkReadiness(deps: ReadinessDeps): Promise<Readiness> {
  const [database, temporal, worker] = await Promise.all([
    probe(async () => {
      await deps.prisma.$queryRaw`SELECT 1`;
      return true;
    }),
    probe(async () => {
      await deps.temporal.workflowService.describeNamespace({ namespace: deps.temporal.options.namespace });
      return true;
    }),
    probe(() => workerIsPolling(deps.temporal, deps.taskQueue)),
  ]);
  const checks = { database, temporal, worker };
  return { ready: Object.values(checks).every((status) => status === 'up'), checks };
}
