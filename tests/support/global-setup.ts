/**
 * Vitest globalSetup: one Temporal dev server (in memory, on a free port) and one freshly reset test database for the
 * whole run, and the workflow code bundled once. Test files reach them through inject() (see test-env.ts).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Connection } from '@temporalio/client';
import { bundleWorkflowCode, DefaultLogger } from '@temporalio/worker';
import type { TestProject } from 'vitest/node';
import { DEFAULT_DATABASE_URL } from '../../lib/database-url.js';
import { workflowBundlerOptions, WORKFLOW_INTERCEPTOR_MODULES } from '../../lib/temporal-security/workflow-bundle.js';
import { dropDatabase, setupDatabase } from '../../scripts/db-setup.js';
import { dropAbandonedTestDatabases } from './abandoned-test-databases.js';
import { TEST_TEMPORAL_KEYS } from './temporal-test-keys.js';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const SERVER_READY_TIMEOUT_MS = 60_000;

/**
 * TEST_DATABASE_URL (kept after the run), else a database of the run's own on the server of DATABASE_URL (or the
 * default), `credit_engine_test_<pid>_<random>`, dropped at teardown: two runs on one server never share one, and
 * never the dev database.
 */
export function testDatabaseUrl(env: NodeJS.ProcessEnv = process.env): { url: string; owned: boolean } {
  if (env.TEST_DATABASE_URL) return { url: env.TEST_DATABASE_URL, owned: false };
  const url = new URL(env.DATABASE_URL || DEFAULT_DATABASE_URL);
  url.pathname = `/credit_engine_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  return { url: url.toString(), owned: true };
}

function temporalBinary(): string {
  // stderr is inherited so a first-time build shows its progress.
  const result = spawnSync('bash', [join(repoRoot, 'scripts/ensure-temporal.sh')], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'inherit'],
    encoding: 'utf8',
  });
  const path = result.stdout?.trim().split('\n').pop();
  if (result.status !== 0 || !path) throw new Error(`scripts/ensure-temporal.sh failed (exit ${result.status})`);
  return path;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

function searchAttributeArgs(): string[] {
  const attributes = JSON.parse(readFileSync(join(repoRoot, 'temporal/search-attributes.json'), 'utf8')) as Record<string, string>;
  return Object.entries(attributes).map(([name, type]) => `--search-attribute=${name}=${type}`);
}

interface DevServer {
  address: string;
  stop(): Promise<void>;
}

async function startDevServer(): Promise<DevServer> {
  const binary = temporalBinary();
  const port = await freePort();
  const address = `127.0.0.1:${port}`;
  const args = ['server', 'start-dev', '--ip', '127.0.0.1', '--port', String(port), '--headless', '--log-level', 'warn'];
  // As scripts/start-temporal.sh runs it (eager activity execution on).
  args.push('--dynamic-config-value', 'system.enableActivityEagerExecution=true');
  const child = spawn(binary, [...args, '--namespace', 'default', ...searchAttributeArgs()], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-8_000)));
  // If vitest dies without running the teardown, the server must not outlive it.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);

  const stop = async () => {
    process.off('exit', killOnExit);
    await stopChild(child);
  };
  try {
    await waitUntilReady(address, child, () => stderr);
  } catch (err) {
    await stop();
    throw err;
  }
  return { address, stop };
}

/** Ready when the frontend answers and the product's search attributes are registered in `default`. */
async function waitUntilReady(address: string, child: ChildProcess, stderr: () => string): Promise<void> {
  const deadline = Date.now() + SERVER_READY_TIMEOUT_MS;
  let lastError: unknown;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`Temporal dev server exited (${child.exitCode ?? child.signalCode}) during start-up:\n${stderr()}`);
    }
    try {
      const connection = await Connection.connect({ address, connectTimeout: 1_000 });
      try {
        const { customAttributes } = await connection.operatorService.listSearchAttributes({ namespace: 'default' });
        if (customAttributes && 'CaseStatus' in customAttributes) return;
        lastError = new Error('search attributes not registered yet');
      } finally {
        await connection.close();
      }
    } catch (err) {
      lastError = err;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`Temporal dev server at ${address} not ready after ${SERVER_READY_TIMEOUT_MS} ms: ${String(lastError)}\n${stderr()}`);
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}

async function bundleWorkflows(dir: string): Promise<string> {
  const { code } = await bundleWorkflowCode({
    workflowsPath: join(repoRoot, 'workflows/index.ts'),
    workflowInterceptorModules: WORKFLOW_INTERCEPTOR_MODULES,
    ...workflowBundlerOptions(TEST_TEMPORAL_KEYS),
    logger: new DefaultLogger('WARN'),
  });
  const path = join(dir, 'workflow-bundle.js');
  writeFileSync(path, code);
  return path;
}

export default async function setup({ provide }: TestProject): Promise<() => Promise<void>> {
  const started = Date.now();
  const tempDir = mkdtempSync(join(tmpdir(), 'credit-engine-tests-'));
  const { url: databaseUrl, owned } = testDatabaseUrl();
  if (owned) {
    const dropped = await dropAbandonedTestDatabases(databaseUrl).catch((error: unknown) => {
      console.warn(`[global-setup] could not look for abandoned test databases: ${String(error)}`);
      return [];
    });
    if (dropped.length > 0) console.log(`[global-setup] dropped ${dropped.length} database(s) of killed test runs: ${dropped.join(', ')}`);
  }

  const [server, , workflowBundlePath] = await Promise.allSettled([
    startDevServer(),
    setupDatabase(databaseUrl, { reset: true, quiet: true, log: () => {} }),
    bundleWorkflows(tempDir),
  ]).then(async (results) => {
    const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed) {
      if (results[0].status === 'fulfilled') await results[0].value.stop();
      rmSync(tempDir, { recursive: true, force: true });
      if (owned) await dropDatabase(databaseUrl).catch(() => {});
      throw failed.reason;
    }
    return results.map((r) => (r as PromiseFulfilledResult<unknown>).value) as [DevServer, void, string];
  });

  provide('temporalAddress', server.address);
  provide('databaseUrl', databaseUrl);
  provide('workflowBundlePath', workflowBundlePath);
  console.log(`[global-setup] Temporal at ${server.address}, database ${new URL(databaseUrl).pathname.slice(1)}, ready in ${Date.now() - started} ms`);

  return async () => {
    await server.stop();
    rmSync(tempDir, { recursive: true, force: true });
    if (owned) await dropDatabase(databaseUrl);
  };
}
