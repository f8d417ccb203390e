/**
 * What a test file uses to reach the run's Temporal server and test database (started by global-setup.ts):
 * a Prisma client and a Temporal client (one of each per test file), workers on the bundled workflow code, and
 * unique ids so files and tests can run in parallel against the same server and database.
 */
import { randomBytes } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { DefaultLogger, NativeConnection, Runtime, Worker, type LogLevel, type WorkerOptions } from '@temporalio/worker';
import { afterAll, inject } from 'vitest';
import { createPrismaClient, type PrismaClient } from '../../lib/prisma.js';
import { secureClientOptions, temporalDataConverter } from '../../lib/temporal-connection.js';
import { TEST_TEMPORAL_KEYS } from './temporal-test-keys.js';

export interface TestEnv {
  prisma: PrismaClient;
  temporalClient: Client;
  databaseUrl: string;
  temporalAddress: string;
}

export const TEST_NAMESPACE = 'default';

let testEnv: Promise<TestEnv> | undefined;

async function connect(): Promise<TestEnv> {
  const databaseUrl = inject('databaseUrl');
  const temporalAddress = inject('temporalAddress');
  const connection = await Connection.connect({ address: temporalAddress });
  return {
    prisma: createPrismaClient(databaseUrl),
    // Signs and encrypts like the API's client (lib/temporal-connection.ts).
    temporalClient: new Client({ connection, namespace: TEST_NAMESPACE, ...secureClientOptions(TEST_TEMPORAL_KEYS) }),
    databaseUrl,
    temporalAddress,
  };
}

/**
 * The test file's clients, created on first use and closed after the file's tests.
 * Call it at the top level of the file (`const env = await getTestEnv();`) or in a hook.
 */
export function getTestEnv(): Promise<TestEnv> {
  if (!testEnv) {
    const created = connect();
    testEnv = created;
    registerClose(async () => {
      const env = await created;
      await env.prisma.$disconnect();
      await env.temporalClient.connection.close();
    });
  }
  return testEnv;
}

function registerClose(close: () => Promise<void>): void {
  try {
    afterAll(close);
  } catch {
    // Called while tests already run (no suite is being collected): the forked process ends with the file anyway.
  }
}

export type TestWorkerOptions = Omit<WorkerOptions, 'connection' | 'workflowBundle' | 'workflowsPath' | 'namespace'> & {
  taskQueue: string;
};

export interface TestWorker {
  worker: Worker;
  /** Shuts the worker down, waits for it to finish and closes its connection; rethrows a worker failure. */
  stop(): Promise<void>;
}

let runtimeInstalled = false;

/** Workers log at WARN (TEMPORAL_TEST_LOG_LEVEL to change it), so test output shows failures, not state changes. */
function installQuietRuntime(): void {
  if (runtimeInstalled) return;
  runtimeInstalled = true;
  const level = (process.env.TEMPORAL_TEST_LOG_LEVEL ?? 'WARN') as LogLevel;
  try {
    Runtime.install({ logger: new DefaultLogger(level) });
  } catch {
    // Already installed by the test file itself: keep its settings.
  }
}

/** A worker on the run's bundled workflow code, running in the background until stop(). */
export async function startTestWorker(options: TestWorkerOptions): Promise<TestWorker> {
  installQuietRuntime();
  const connection = await NativeConnection.connect({ address: inject('temporalAddress') });
  let worker: Worker;
  try {
    worker = await Worker.create({
      dataConverter: temporalDataConverter(TEST_TEMPORAL_KEYS),
      ...options,
      connection,
      namespace: TEST_NAMESPACE,
      workflowBundle: { codePath: inject('workflowBundlePath') },
    });
  } catch (err) {
    await connection.close();
    throw err;
  }
  let failure: unknown;
  const running = worker.run().catch((err: unknown) => {
    // Shown at once (tests waiting on this worker would otherwise only time out), rethrown by stop().
    failure = err;
    console.error(`test worker on ${options.taskQueue} failed:`, err);
  });
  let stopped: Promise<void> | undefined;
  const stop = () =>
    (stopped ??= (async () => {
      if (worker.getState() === 'RUNNING') worker.shutdown();
      await running;
      await connection.close();
      if (failure) throw failure;
    })());
  return { worker, stop };
}

/** A unique id for task queues, cases and anything else tests running in parallel must not share. */
export function uniqueId(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${randomBytes(4).toString('hex')}`;
}
