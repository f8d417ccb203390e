import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import type { DatabaseConnectionFields } from '../../lib/database-url.js';

const run = promisify(execFile);

export interface TemporalClusterSettings {
  /** Directory with temporal-server and temporal-sql-tool (scripts/ensure-temporal-server.sh). */
  serverDir: string;
  database: Omit<DatabaseConnectionFields, 'database'>;
  temporalDb: string;
  visibilityDb: string;
  /** Frontend gRPC port; the other services use ports derived from it. */
  frontendPort: number;
  serverMetricsPort: number;
  /** Where the rendered configuration goes (DIR/config/cluster.yaml). */
  rootDir: string;
  repoRoot: string;
}

/** Creates Temporal's two databases if missing and applies the schema versions v1.29.1 ships (idempotent). */
export async function setUpTemporalSchemas(settings: TemporalClusterSettings, log: (message: string) => void): Promise<void> {
  const env = {
    ...process.env,
    SQL_PLUGIN: 'postgres12',
    SQL_HOST: settings.database.host,
    SQL_PORT: String(settings.database.port),
    SQL_USER: settings.database.user,
    SQL_PASSWORD: settings.database.password ?? '',
  };
  const tool = join(settings.serverDir, 'temporal-sql-tool');
  for (const [db, schema] of [
    [settings.temporalDb, 'postgresql/v12/temporal'],
    [settings.visibilityDb, 'postgresql/v12/visibility'],
  ] as const) {
    await run(tool, ['--db', db, 'create-database'], { env });
    await run(tool, ['--db', db, 'setup-schema', '-v', '0.0'], { env });
    await run(tool, ['--db', db, 'update-schema', '--schema-name', schema], { env });
    log(`Temporal schema ${schema} is current in ${db}`);
  }
}

/** Renders temporal/cluster/temporal-server.yaml into ROOT/config/cluster.yaml; returns the server's arguments. */
export function renderServerConfig(settings: TemporalClusterSettings): string[] {
  const base = settings.frontendPort;
  const values: Record<string, string> = {
    TEMPORAL_DB: settings.temporalDb,
    TEMPORAL_VISIBILITY_DB: settings.visibilityDb,
    DB_HOST: settings.database.host,
    DB_PORT: String(settings.database.port),
    DB_USER: settings.database.user,
    DB_PASSWORD: settings.database.password ?? '',
    SERVER_METRICS_PORT: String(settings.serverMetricsPort),
    FRONTEND_PORT: String(base),
    HISTORY_PORT: String(base + 1),
    MATCHING_PORT: String(base + 2),
    WORKER_PORT: String(base + 6),
    FRONTEND_HTTP_PORT: String(base + 10),
    FRONTEND_MEMBERSHIP_PORT: String(base - 400),
    HISTORY_MEMBERSHIP_PORT: String(base - 399),
    MATCHING_MEMBERSHIP_PORT: String(base - 398),
    WORKER_MEMBERSHIP_PORT: String(base - 394),
    DYNAMIC_CONFIG_FILE: resolve(settings.repoRoot, 'temporal/dynamicconfig/production-sql.yaml'),
  };
  const template = readFileSync(join(settings.repoRoot, 'temporal/cluster/temporal-server.yaml'), 'utf8');
  const rendered = template.replace(/\$\{(\w+)\}/g, (match, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`temporal-server.yaml: no value for ${match}`);
    return value;
  });
  mkdirSync(join(settings.rootDir, 'config'), { recursive: true });
  writeFileSync(join(settings.rootDir, 'config', 'cluster.yaml'), rendered, { mode: 0o600 });
  return ['--root', settings.rootDir, '--env', 'cluster', '--allow-no-auth', 'start'];
}

/** Waits for the frontend, creates the namespace if missing, and registers the product's search attributes. */
export async function prepareNamespace(cli: string, address: string, namespace: string, repoRoot: string, log: (message: string) => void): Promise<void> {
  const temporal = (...args: string[]) => run(cli, [...args, '--address', address]);
  for (let tries = 0; ; tries++) {
    try {
      await temporal('operator', 'cluster', 'health');
      break;
    } catch (err) {
      if (tries >= 240) throw err;
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  try {
    await temporal('operator', 'namespace', 'describe', '--namespace', namespace);
  } catch {
    log(`creating namespace ${namespace}`);
    await temporal('operator', 'namespace', 'create', '--namespace', namespace, '--retention', '30d');
  }
  const attributes = JSON.parse(readFileSync(join(repoRoot, 'temporal/search-attributes.json'), 'utf8')) as Record<string, string>;
  // A new namespace takes a moment to reach every service: retry the listing until it answers.
  let existing = '';
  for (let tries = 0; ; tries++) {
    try {
      existing = (await temporal('operator', 'search-attribute', 'list', '--namespace', namespace, '-o', 'json')).stdout;
      break;
    } catch (err) {
      if (tries >= 60) throw err;
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  for (const [name, type] of Object.entries(attributes)) {
    if (existing.includes(`"${name}"`)) continue;
    log(`registering search attribute ${name} (${type})`);
    await temporal('operator', 'search-attribute', 'create', '--namespace', namespace, '--name', name, '--type', type);
  }
}
