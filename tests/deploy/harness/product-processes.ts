/**
 * The product's own processes as they are deployed: worker/main.ts and api/server.ts, each a Node process of its
 * own (Node's ESM loader with tsx, as `npm run start:cluster` runs them), configured through the environment only.
 */
import type { TokenSettings } from '../../../lib/auth-tokens.js';
import { TEST_AUDIT_KEY_FILE } from '../../support/audit-key.js';
import { OsProcess } from './os-process.js';
import { GiveUp, until } from './ports.js';
import { repoRoot } from './repo-root.js';

/** Local-token settings of the fault tests' API processes (NODE_ENV=test admits this fixed secret). */
export const FAULT_TOKENS: TokenSettings = {
  secret: 'fault-test-secret-0123456789abcdef0123456789abcdef',
  issuer: 'credit-engine-fault-test',
  audience: 'credit-engine-api',
};

export interface ProductSettings {
  databaseUrl: string;
  temporalAddress: string;
  taskQueue: string;
  /** DATA_DIR and EVIDENCE_DIR go below it. */
  dataDir: string;
  objectionPolicyId?: string;
  /** The outbox's receiver (the worker delivers to it). */
  webhookUrl?: string;
  env?: NodeJS.ProcessEnv;
}

export function productEnv(settings: ProductSettings): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.FAULT_TEST_LOG_LEVEL ?? 'warn',
    DATABASE_URL: settings.databaseUrl,
    TEMPORAL_ADDRESS: settings.temporalAddress,
    TEMPORAL_NAMESPACE: 'default',
    TEMPORAL_TASK_QUEUE: settings.taskQueue,
    AUTH_TOKEN_SECRET: FAULT_TOKENS.secret,
    AUTH_ISSUER: FAULT_TOKENS.issuer,
    AUTH_AUDIENCE: FAULT_TOKENS.audience,
    DATA_DIR: settings.dataDir,
    EVIDENCE_DIR: `${settings.dataDir}/evidence`,
    AUDIT_SIGNING_KEY_FILE: TEST_AUDIT_KEY_FILE,
    AUDIT_CHECKPOINT_INTERVAL_MS: '0',
    RATE_LIMIT_PER_MINUTE: '100000',
    OBJECTION_POLICY_ID: settings.objectionPolicyId ?? '',
    NOTIFY_WEBHOOK_URL: settings.webhookUrl ?? '',
    OUTBOX_POLL_MS: '200',
    TEMPORAL_METRICS_BIND_ADDRESS: '',
    METRICS_TOKEN: '',
    ...settings.env,
  };
}

const node = (script: string) => ({ command: process.execPath, args: ['--import', 'tsx', script], cwd: repoRoot });

export function workerProcess(settings: ProductSettings, name = 'worker'): OsProcess {
  // At info: its 'worker started' line is what startWorker() waits for.
  return new OsProcess({ name, ...node('worker/main.ts'), env: { ...productEnv(settings), LOG_LEVEL: process.env.FAULT_TEST_LOG_LEVEL ?? 'info' } });
}

export function apiProcess(settings: ProductSettings, port: number, name = 'api'): OsProcess {
  return new OsProcess({ name, ...node('api/server.ts'), env: { ...productEnv(settings), PORT: String(port), HOST: '127.0.0.1' } });
}

/** Starts a worker and resolves once it logged that it started (its pollers start right after). */
export async function startWorker(worker: OsProcess, timeoutMs = 180_000): Promise<void> {
  const started = worker.nextLine(/"msg":"worker started"/);
  worker.start();
  await Promise.race([
    started,
    until(`${worker.spec.name} to start`, async () => {
      if (!worker.running) throw new GiveUp(`${worker.spec.name} exited:\n${worker.output()}`);
      return undefined;
    }, timeoutMs),
  ]);
}

export interface Readiness {
  status: number;
  checks: Record<string, string>;
}

export async function readiness(baseUrl: string): Promise<Readiness> {
  const res = await fetch(`${baseUrl}/health/ready`, { signal: AbortSignal.timeout(10_000) });
  const body = (await res.json()) as { checks?: Record<string, string> };
  return { status: res.status, checks: body.checks ?? {} };
}

/** Starts an API process and waits until its /health/ready answers 200 (database, Temporal and a polling worker). */
export async function startApi(api: OsProcess, baseUrl: string, timeoutMs = 180_000): Promise<void> {
  api.start();
  await until(
    `${api.spec.name} to be ready`,
    async () => {
      if (!api.running) throw new GiveUp(`${api.spec.name} exited:\n${api.output()}`);
      return (await readiness(baseUrl)).status === 200 ? true : undefined;
    },
    timeoutMs,
    500,
  );
}
