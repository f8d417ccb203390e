/**
 * What `npm run bench` starts for itself and stops at the end: a Temporal dev server (scripts/start-temporal.sh, the
 * product's own configuration, on a free port and a data directory of the run), and the product's worker and API as
 * processes (so the worker's memory is its own).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { Connection } from '@temporalio/client';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const children: ChildProcess[] = [];

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until<T>(what: string, timeoutMs: number, check: () => Promise<T | undefined>, child?: ChildProcess, output?: () => string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child && child.exitCode !== null) throw new Error(`${what}: the process exited (${child.exitCode})\n${output?.() ?? ''}`);
    const value = await check().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`${what}: not ready after ${timeoutMs} ms\n${output?.() ?? ''}`);
    await sleep(250);
  }
}

function start(name: string, command: string, args: string[], env: NodeJS.ProcessEnv): { child: ChildProcess; output: () => string } {
  const child = spawn(command, args, { cwd: repoRoot, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-6_000));
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  children.push(child);
  return { child, output: () => `[${name}] ${output}` };
}

/** The Temporal dev server as `npm start` runs it (SQLite file), on `port`, with data under `dataDir`. */
export async function startTemporal(port: number, dataDir: string): Promise<string> {
  const address = `127.0.0.1:${port}`;
  const { child, output } = start('temporal', 'bash', ['scripts/start-temporal.sh'], { TEMPORAL_PORT: String(port), TEMPORAL_DATA_DIR: dataDir });
  await until('Temporal dev server', 120_000, async () => {
    const connection = await Connection.connect({ address, connectTimeout: 1_000 });
    try {
      const { customAttributes } = await connection.operatorService.listSearchAttributes({ namespace: 'default' });
      return customAttributes && 'CaseStatus' in customAttributes ? true : undefined;
    } finally {
      await connection.close();
    }
  }, child, output);
  return address;
}

/**
 * The product's worker (worker/main.ts) and API (api/server.ts), each as its own process; resolves once the API's
 * /health/ready answers 200, which needs the database, Temporal and a worker polling the task queue.
 */
export async function startWorkerAndApi(env: NodeJS.ProcessEnv, port: number): Promise<{ worker: ChildProcess; api: ChildProcess }> {
  // BENCH_WORKER_CPU_PROFILE=<dir>: the worker writes a V8 CPU profile there when it stops (open it in Chrome DevTools).
  const profile = process.env.BENCH_WORKER_CPU_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_WORKER_CPU_PROFILE}`] : [];
  const worker = start('worker', process.execPath, [...profile, '--import', 'tsx', 'worker/main.ts'], env);
  const api = start('api', process.execPath, ['--import', 'tsx', 'api/server.ts'], { ...env, PORT: String(port) });
  await until(
    'worker and API',
    300_000,
    async () => {
      if (worker.child.exitCode !== null) throw new Error(`the worker exited (${worker.child.exitCode})\n${worker.output()}`);
      return (await fetch(`http://127.0.0.1:${port}/health/ready`)).status === 200 ? true : undefined;
    },
    api.child,
    () => `${worker.output()}\n${api.output()}`,
  );
  return { worker: worker.child, api: api.child };
}

/** Resident memory of a process, in MiB (Linux). */
export function rssMiB(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmRSS:'));
  return Number(line?.replace(/\D+/g, '') ?? 0) / 1024;
}

/** Stops everything the bench started (SIGTERM, then SIGKILL after 5 s). */
export async function stopAll(): Promise<void> {
  await Promise.all(
    children.map(async (child) => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    }),
  );
}
process.once('exit', () => children.forEach((child) => child.exitCode === null && child.kill('SIGKILL')));
