/**
 * A Temporal server of one fault test's own that the test can kill and start again with its state kept:
 *
 * - `server`: the real Temporal server v1.29.1 on PostgreSQL (scripts/ensure-temporal-server.sh, the one
 *   `npm run start:cluster` and docker-compose.yml run), its two databases of the test's own on the shared
 *   PostgreSQL, configured like the cluster (temporal/cluster/temporal-server.yaml);
 * - `dev-server`: the Temporal CLI's dev server (the same server code, v1.29.1) with a SQLite file.
 *
 * FAULT_TEMPORAL_SERVER=server|dev-server chooses; by default the real server when it is built already (the cluster
 * run or an earlier test run built it), else the dev server, so a fresh machine does not spend its CI time on a
 * second Go build.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Connection } from '@temporalio/client';
import pg from 'pg';
import { prepareNamespace, renderServerConfig, setUpTemporalSchemas, type TemporalClusterSettings } from '../../../scripts/cluster/temporal-setup.js';
import { OsProcess } from './os-process.js';
import { freePort, freePortBlock, GiveUp, until } from './ports.js';
import { repoRoot } from './repo-root.js';

const SERVER_VERSION = '1.29.1';
const READY_TIMEOUT_MS = 180_000;

export type TemporalServerKind = 'server' | 'dev-server';

export interface FaultTemporalServer {
  kind: TemporalServerKind;
  address: string;
  process: OsProcess;
  /** Starts it (again) and waits until the namespace answers with the product's search attributes. */
  start(): Promise<void>;
  /** Stops it for good and removes its state. */
  dispose(): Promise<void>;
}

function lastLineOf(script: string, env: NodeJS.ProcessEnv = process.env): string {
  const result = spawnSync('bash', [join(repoRoot, script)], { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });
  const line = result.stdout?.trim().split('\n').pop();
  if (result.status !== 0 || !line) throw new Error(`${script} failed (exit ${result.status})`);
  return line;
}

const cachedServerDir = () =>
  join(process.env.TEMPORAL_CLI_CACHE ?? join(process.env.HOME ?? '/root', '.cache/credit-engine'), `temporal-server-v${SERVER_VERSION}`);

/** The kind FAULT_TEMPORAL_SERVER asks for, else the real server when its binaries are there. */
export function faultServerKind(env: NodeJS.ProcessEnv = process.env): TemporalServerKind {
  const asked = env.FAULT_TEMPORAL_SERVER;
  if (asked === 'server' || asked === 'dev-server') return asked;
  if (asked) throw new Error(`FAULT_TEMPORAL_SERVER=${asked}: expected server or dev-server`);
  const dir = env.TEMPORAL_SERVER_DIR ?? cachedServerDir();
  return existsSync(join(dir, 'temporal-server')) && existsSync(join(dir, 'temporal-sql-tool')) ? 'server' : 'dev-server';
}

async function waitReady(address: string, process: OsProcess): Promise<void> {
  await until(
    `the Temporal server at ${address}`,
    async () => {
      if (!process.running) throw new GiveUp(`it exited:\n${process.output()}`);
      const connection = await Connection.connect({ address, connectTimeout: 2_000 });
      try {
        const { customAttributes } = await connection.operatorService.listSearchAttributes({ namespace: 'default' });
        return customAttributes && 'ClaimedBy' in customAttributes ? true : undefined;
      } finally {
        await connection.close();
      }
    },
    READY_TIMEOUT_MS,
    500,
  );
}

/** `work`, or a failure with the process's output as soon as the process exits. */
async function whileRunning<T>(proc: OsProcess, work: Promise<T>): Promise<T> {
  work.catch(() => {}); // if the process died first, its failure is the one reported
  let timer: NodeJS.Timeout | undefined;
  const died = new Promise<never>((_, reject) => {
    timer = setInterval(() => proc.running || reject(new Error(`${proc.spec.name} exited:\n${proc.output()}`)), 250);
  });
  try {
    return await Promise.race([work, died]);
  } finally {
    clearInterval(timer);
  }
}

export async function startFaultTemporalServer(kind: TemporalServerKind = faultServerKind()): Promise<FaultTemporalServer> {
  return kind === 'server' ? startRealServer() : startDevServer();
}

async function startDevServer(): Promise<FaultTemporalServer> {
  const cli = lastLineOf('scripts/ensure-temporal.sh');
  const dir = mkdtempSync(join(tmpdir(), 'fault-temporal-'));
  const [port, httpPort] = [await freePort(), await freePort()];
  const address = `127.0.0.1:${port}`;
  const attributes = JSON.parse(readFileSync(join(repoRoot, 'temporal/search-attributes.json'), 'utf8')) as Record<string, string>;
  const proc = new OsProcess({
    name: 'temporal-dev-server',
    command: cli,
    args: [
      'server', 'start-dev', '--headless', '--ip', '127.0.0.1', '--port', String(port), '--http-port', String(httpPort),
      '--db-filename', join(dir, 'temporal.db'), '--namespace', 'default', '--log-level', 'warn',
      ...Object.entries(attributes).map(([name, type]) => `--search-attribute=${name}=${type}`),
    ],
  });
  const server: FaultTemporalServer = {
    kind: 'dev-server',
    address,
    process: proc,
    async start() {
      proc.start();
      await waitReady(address, proc);
    },
    async dispose() {
      await proc.stop(5_000);
      rmSync(dir, { recursive: true, force: true });
    },
  };
  try {
    await server.start();
  } catch (err) {
    await server.dispose().catch(() => {});
    throw err;
  }
  return server;
}

async function startRealServer(): Promise<FaultTemporalServer> {
  const cli = lastLineOf('scripts/ensure-temporal.sh');
  const serverDir = lastLineOf('scripts/ensure-temporal-server.sh');
  const rootDir = mkdtempSync(join(tmpdir(), 'fault-temporal-'));
  // The service ports derive from the frontend port (scripts/cluster/temporal-setup.ts): find a block all free.
  const base = await freePortBlock([-400, -399, -398, -394, 0, 1, 2, 6, 10, 668]);
  const suffix = `${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const settings: TemporalClusterSettings = {
    serverDir,
    database: { host: '127.0.0.1', port: 5432, user: 'postgres' },
    temporalDb: `credit_temporal_fault_${suffix}`,
    visibilityDb: `credit_temporal_fault_${suffix}_visibility`,
    frontendPort: base,
    serverMetricsPort: base + 668,
    rootDir,
    repoRoot,
  };
  await setUpTemporalSchemas(settings, () => {});
  const address = `127.0.0.1:${base}`;
  const args = renderServerConfig(settings);
  // The shared PostgreSQL serves every session on the machine: connection pools of a test's size, not a cluster's.
  const configFile = join(rootDir, 'config', 'cluster.yaml');
  writeFileSync(configFile, readFileSync(configFile, 'utf8').replace(/maxConns: \d+/g, 'maxConns: 3').replace(/maxIdleConns: \d+/g, 'maxIdleConns: 1'));
  const proc = new OsProcess({ name: 'temporal-server', command: join(serverDir, 'temporal-server'), args, cwd: rootDir });
  let namespaceReady = false;
  const server: FaultTemporalServer = {
    kind: 'server',
    address,
    process: proc,
    async start() {
      proc.start();
      if (!namespaceReady) {
        await whileRunning(proc, prepareNamespace(cli, address, 'default', repoRoot, () => {}));
        namespaceReady = true;
      }
      await waitReady(address, proc);
    },
    async dispose() {
      await proc.stop(10_000);
      rmSync(rootDir, { recursive: true, force: true });
      const admin = new pg.Client({ host: '127.0.0.1', port: 5432, user: 'postgres', database: 'postgres' });
      await admin.connect();
      try {
        for (const db of [settings.temporalDb, settings.visibilityDb]) await admin.query(`DROP DATABASE IF EXISTS ${admin.escapeIdentifier(db)} WITH (FORCE)`);
      } finally {
        await admin.end();
      }
    },
  };
  try {
    await server.start();
  } catch (err) {
    await server.dispose().catch(() => {}); // its databases and files must not outlive a failed start
    throw err;
  }
  return server;
}
