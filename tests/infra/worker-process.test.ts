/**
 * The worker as it is deployed: its own process (worker/main.ts), reporting the Temporal SDK's metrics on the
 * configured Prometheus address, logging JSON lines, and seen by the API's readiness check while it polls.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { pino } from 'pino';
import request from 'supertest';
import { afterAll, describe, expect, it } from 'vitest';
import { workerIsPolling } from '../../api/observability/readiness.js';
import { caseOfWorkflowId, forwardToPino } from '../../lib/observability/worker-runtime.js';
import { createTestApp } from '../support/api-harness.js';
import { TEST_AUDIT_KEY_FILE } from '../support/audit-key.js';
import { getTestEnv, uniqueId } from '../support/test-env.js';

const env = await getTestEnv();
const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

let worker: ChildProcess | undefined;
let api: ChildProcess | undefined;
afterAll(() => {
  worker?.kill('SIGKILL');
  api?.kill('SIGKILL');
});

describe('worker and API processes', () => {
  it('the worker serves the SDK metrics on TEMPORAL_METRICS_BIND_ADDRESS, logs JSON, and makes the API ready', async () => {
    const taskQueue = uniqueId('worker-process');
    const port = await freePort();
    const app = await createTestApp({ taskQueue });
    expect((await request(app).get('/health/ready')).body.checks.worker).toBe('down');

    const lines: string[] = [];
    worker = spawn(process.execPath, ['--import', 'tsx', 'worker/main.ts'], {
      cwd: repoRoot,
      env: {
        ...process.env,
        NODE_ENV: 'test',
        DATABASE_URL: env.databaseUrl,
        TEMPORAL_ADDRESS: env.temporalAddress,
        TEMPORAL_TASK_QUEUE: taskQueue,
        TEMPORAL_METRICS_BIND_ADDRESS: `127.0.0.1:${port}`,
        NOTIFY_WEBHOOK_URL: '',
        AUDIT_CHECKPOINT_INTERVAL_MS: '0',
        LOG_LEVEL: 'info',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    worker.stdout?.on('data', (chunk: Buffer) => lines.push(...chunk.toString().split('\n').filter(Boolean)));
    worker.stderr?.on('data', (chunk: Buffer) => lines.push(...chunk.toString().split('\n').filter(Boolean)));

    await until('the worker to poll', async () => ((await workerIsPolling(env.temporalClient, taskQueue)) ? true : undefined), 90_000);
    const metrics = await until(
      'the worker metrics',
      async () => {
        const res = await fetch(`http://127.0.0.1:${port}/metrics`);
        const text = await res.text();
        return text.includes('temporal_num_pollers') ? text : undefined;
      },
      30_000,
    );
    expect(metrics).toMatch(new RegExp(`temporal_num_pollers\\{[^}]*task_queue="${taskQueue}"`));
    expect(metrics).toMatch(/temporal_worker_task_slots_available\{/);

    const ready = await request(app).get('/health/ready');
    expect(ready.status).toBe(200);

    // The API as its own process too (api/server.ts under Node's ESM loader, which vitest's bundling does not
    // reproduce): ready with this worker, metrics behind the token.
    const apiPort = await freePort();
    api = spawn(process.execPath, ['--import', 'tsx', 'api/server.ts'], {
      cwd: repoRoot,
      env: {
        ...process.env,
        NODE_ENV: 'test',
        DATABASE_URL: env.databaseUrl,
        TEMPORAL_ADDRESS: env.temporalAddress,
        TEMPORAL_TASK_QUEUE: taskQueue,
        PORT: String(apiPort),
        METRICS_TOKEN: 'process-test-metrics-token',
        AUDIT_SIGNING_KEY_FILE: TEST_AUDIT_KEY_FILE,
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    const apiReady = await until(
      'the API process to be ready',
      async () => {
        const res = await fetch(`http://127.0.0.1:${apiPort}/health/ready`);
        return res.ok ? ((await res.json()) as unknown) : undefined;
      },
      60_000,
    );
    expect(apiReady).toEqual({ status: 'ready', checks: { database: 'up', temporal: 'up', worker: 'up' } });
    const scraped = await fetch(`http://127.0.0.1:${apiPort}/metrics`, { headers: { authorization: 'Bearer process-test-metrics-token' } });
    expect(scraped.status).toBe(200);
    expect(await scraped.text()).toMatch(/http_request_duration_seconds_count\{method="GET",route="\/health\/ready",status="200"\} 1/);
    const started = lines.map((line) => JSON.parse(line) as Record<string, unknown>).find((entry) => entry.msg === 'worker started');
    expect(started).toMatchObject({ service: 'credit-engine', taskQueue, metrics: `127.0.0.1:${port}` });
  }, 150_000);

  it('forwards SDK log entries to pino with the workflow id and the case it names', () => {
    const written: string[] = [];
    const forward = forwardToPino(pino({ level: 'debug' }, { write: (line: string) => written.push(line) }));
    forward({ level: 'WARN', message: 'Activity failed', timestampNanos: 0n, meta: { workflowId: 'objection-OBJ-20260105-AB', activityType: 'recordObjectionTransition' } });
    const entry = JSON.parse(written[0]!) as Record<string, unknown>;
    expect(entry).toMatchObject({ level: 40, msg: 'Activity failed', workflowId: 'objection-OBJ-20260105-AB', caseId: 'OBJ-20260105-AB' });
    expect(caseOfWorkflowId('rectification-rec-1')).toEqual({ recordId: 'rec-1' });
    expect(caseOfWorkflowId('eligibility-body-1')).toEqual({ subjectId: 'body-1' });
    expect(caseOfWorkflowId(undefined)).toEqual({});
  });
});
