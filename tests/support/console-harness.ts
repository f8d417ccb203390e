import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { hashPassword } from '../../api/session/password-hashing.js';
import { createTestApp } from './api-harness.js';
import { launchBrowser } from './browser.js';
import { startRealWorker } from './real-worker.js';
import { getTestEnv, uniqueId } from './test-env.js';

/** The password of every test person's console account. */
export const CONSOLE_PASSWORD = 'console-test-password';
/** The smallest PDF that file-type recognises, as a file for an upload field. */
export const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
export const pdf = (name: string) => ({ name, mimeType: 'application/pdf', buffer: PDF });

type TestAppOptions = Parameters<typeof createTestApp>[0];

export interface ConsoleHarnessOptions<W> {
  /** Prefix of the task queue (and so of the worker) of the test file. */
  name: string;
  /** The file's people and reference data; each actor gets a console password. */
  world: () => Promise<W>;
  /** The app's options besides its task queue (policies, an identity provider…); they may use the app's own URL. */
  app?: (world: W, baseUrl: string) => Omit<TestAppOptions, 'taskQueue'>;
  /** Without a Temporal worker (pages that start no workflow, e.g. signing in); default true. */
  worker?: boolean;
}

export interface ConsoleHarness<W> {
  world: W;
  taskQueue: string;
  /** Where the app listens (127.0.0.1 and a random port); the console is at `${baseUrl}/console/`. */
  baseUrl: string;
  browser: Browser;
  stop(): Promise<void>;
}

/**
 * What every browser test starts with: a real Temporal worker on a task queue of its own, the file's world with a
 * console password for each actor, the real app listening on a random port (known before the app is built, so an
 * identity provider can be told its redirect URL) and Debian's chromium.
 */
export async function startConsoleHarness<W extends { actors: Record<string, { id: string }> }>(options: ConsoleHarnessOptions<W>): Promise<ConsoleHarness<W>> {
  const env = await getTestEnv();
  const taskQueue = uniqueId(options.name);
  const worker = options.worker === false ? undefined : await startRealWorker(taskQueue);
  const world = await options.world();
  const passwordHash = await hashPassword(CONSOLE_PASSWORD);
  await env.prisma.localAccount.createMany({ data: Object.values(world.actors).map((a) => ({ userId: a.id, passwordHash })) });
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const app = await createTestApp({ taskQueue, ...options.app?.(world, baseUrl) });
  server.on('request', app);
  const browser = await launchBrowser();
  return {
    world,
    taskQueue,
    baseUrl,
    browser,
    async stop() {
      await browser.close();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await worker?.stop();
    },
  };
}
