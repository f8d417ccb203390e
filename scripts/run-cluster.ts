/**
 * `npm run start:cluster`: the product as it is deployed, on one machine. The real Temporal server v1.29.1 (built
 * once from its Go module, scripts/ensure-temporal-server.sh) on the local PostgreSQL with its schemas set up, the
 * product's database migrated and seeded, then two workers and two API processes (ports 3001 and 3002), each
 * restarted with backoff when it dies while the others keep serving. Ctrl-C stops everything (processes first, the
 * server last).
 *
 * Env: DATABASE_URL (default …/credit_engine_cluster: not `npm start`'s database), CLUSTER_TEMPORAL_PORT (7333),
 * CLUSTER_API_PORTS (3001,3002), CLUSTER_WORKERS (2), CLUSTER_TEMPORAL_DB (credit_temporal; visibility: its name +
 * _visibility), and every product variable of lib/config.ts (METRICS_TOKEN, NOTIFY_WEBHOOK_URL, …), passed on.
 */
import { execFileSync } from 'node:child_process';
import { createConnection } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDatabaseUrl } from '../lib/database-url.js';
import { setupDatabase } from './db-setup.js';
import { Supervisor } from './cluster/supervisor.js';
import { prepareNamespace, renderServerConfig, setUpTemporalSchemas } from './cluster/temporal-setup.js';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const log = (message: string) => console.error(`[cluster] ${message}`);

const databaseUrl = process.env.DATABASE_URL || 'postgresql://postgres@127.0.0.1:5432/credit_engine_cluster';
const temporalPort = Number(process.env.CLUSTER_TEMPORAL_PORT ?? 7333);
const apiPorts = (process.env.CLUSTER_API_PORTS ?? '3001,3002').split(',').map(Number);
const workers = Number(process.env.CLUSTER_WORKERS ?? 2);
const temporalDb = process.env.CLUSTER_TEMPORAL_DB ?? 'credit_temporal';
const namespace = process.env.TEMPORAL_NAMESPACE ?? 'default';
const temporalAddress = `127.0.0.1:${temporalPort}`;
const tsx = join(repoRoot, 'node_modules/.bin/tsx');

function lastLine(command: string, args: string[]): string {
  const out = execFileSync(command, args, { cwd: repoRoot, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });
  const line = out.trim().split('\n').pop();
  if (!line) throw new Error(`${command} ${args.join(' ')} printed nothing`);
  return line;
}

function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    socket.once('connect', () => socket.end(() => resolve(true)));
    socket.once('error', () => resolve(false));
  });
}

async function waitForPort(port: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await portOpen(port))) {
    if (Date.now() > deadline) throw new Error(`nothing listens on port ${port} after ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

for (const port of [temporalPort, ...apiPorts]) {
  if (await portOpen(port)) throw new Error(`port ${port} is already in use (set CLUSTER_TEMPORAL_PORT / CLUSTER_API_PORTS)`);
}

const cli = lastLine('bash', ['scripts/ensure-deps.sh']);
const serverDir = lastLine('bash', ['scripts/ensure-temporal-server.sh']);
const { host, port, user, password } = parseDatabaseUrl(databaseUrl);
const database = { host, port, user, ...(password ? { password } : {}) };
const settings = {
  serverDir,
  database,
  temporalDb,
  visibilityDb: `${temporalDb}_visibility`,
  frontendPort: temporalPort,
  serverMetricsPort: temporalPort + 668, // 8001 with the default port
  rootDir: join(repoRoot, '.data/cluster/temporal'),
  repoRoot,
};
await setUpTemporalSchemas(settings, log);

const supervisor = new Supervisor({ log });
let stopping = false;
const stopAll = async (signal: string) => {
  if (stopping) return;
  stopping = true;
  log(`${signal}: stopping`);
  await supervisor.stop();
  process.exit(0);
};
// `on`, not `once`: Ctrl-C reaches this process twice (from the terminal and relayed by tsx/npm), and a second
// signal without a handler would end it before its children stopped.
process.on('SIGINT', () => void stopAll('SIGINT'));
process.on('SIGTERM', () => void stopAll('SIGTERM'));
// However this process ends, its children (in process groups of their own) do not outlive it.
process.on('exit', () => supervisor.killAll());

supervisor.start({ name: 'temporal', command: join(serverDir, 'temporal-server'), args: renderServerConfig(settings), cwd: settings.rootDir });
await prepareNamespace(cli, temporalAddress, namespace, repoRoot, log);
await setupDatabase(databaseUrl, { quiet: true, log: (message) => log(message) });

const productEnv = { ...process.env, DATABASE_URL: databaseUrl, TEMPORAL_ADDRESS: temporalAddress, TEMPORAL_NAMESPACE: namespace };
for (let i = 1; i <= workers; i++) {
  supervisor.start({
    name: `worker-${i}`,
    command: tsx,
    args: ['worker/main.ts'],
    cwd: repoRoot,
    env: { ...productEnv, TEMPORAL_METRICS_BIND_ADDRESS: process.env.TEMPORAL_METRICS_BIND_ADDRESS || `127.0.0.1:${9463 + i}` },
  });
}
apiPorts.forEach((port, i) => {
  supervisor.start({ name: `api-${i + 1}`, command: tsx, args: ['api/server.ts'], cwd: repoRoot, env: { ...productEnv, PORT: String(port) } });
});
await Promise.all(apiPorts.map((port) => waitForPort(port, 120_000)));
execFileSync(tsx, ['scripts/adopt-records.ts'], { cwd: repoRoot, env: productEnv, stdio: 'inherit' });

console.error(`
  Credit engine cluster is running (Ctrl-C stops everything; a process that dies is restarted with backoff)
    Temporal server v1.29.1  ${temporalAddress} (PostgreSQL: ${temporalDb}, ${temporalDb}_visibility; metrics :${settings.serverMetricsPort})
    Workers                  ${workers}, SDK metrics on 127.0.0.1:${Array.from({ length: workers }, (_, i) => 9464 + i).join(', :')}
    API processes            ${apiPorts.map((port) => `http://127.0.0.1:${port}`).join(', ')}
    Database                 ${databaseUrl.replace(/:[^:@/]+@/, ':***@')}
  A reverse proxy (nginx, HAProxy) belongs in front of the API processes, routing by GET /health/ready.
`);
