/**
 * docker-compose.yml is a deployment, not a sketch: the real Temporal server on PostgreSQL (never the CLI's dev
 * server), pinned images, health checks, restart policies, the schema job, every search attribute the product
 * registers and every variable the product reads. Parsed with `yaml`; no Docker engine is needed.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { CONFIG_VARIABLES, loadConfig } from '../../lib/config.js';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
/** The server the Temporal CLI v1.5.1 embeds (scripts/ensure-temporal.sh): tests and deployment run the same one. */
const TEMPORAL_SERVER_VERSION = '1.29.1';

interface Service {
  image?: string;
  build?: unknown;
  command?: string | string[];
  entrypoint?: string | string[];
  environment?: Record<string, string | number | boolean | null>;
  restart?: string;
  healthcheck?: { test?: string | string[] };
  depends_on?: Record<string, { condition: string }>;
  volumes?: string[];
}

const compose = parse(readFileSync(join(repoRoot, 'docker-compose.yml'), 'utf8'), { merge: true }) as { services: Record<string, Service> };
const services = compose.services;
const text = (value: string | string[] | undefined) => (Array.isArray(value) ? value.join(' ') : (value ?? ''));
const isJob = (service: Service) => service.restart === 'no';
const appServices = Object.entries(services).filter(([, service]) => service.build !== undefined);

/** Compose interpolation: ${VAR:-default} and ${VAR-default} take the default, ${VAR:?message} the value given. */
function interpolate(value: string, given: Record<string, string>): string {
  return value.replace(/\$\$|\$\{(\w+)(?:(:?[-?])([^}]*))?\}/g, (match, name: string | undefined, op: string | undefined, rest: string | undefined) => {
    if (match === '$$') return '$';
    if (op?.endsWith('-')) return rest ?? '';
    if (op?.endsWith('?') && name && given[name]) return given[name];
    throw new Error(`${match} has no default`);
  });
}

describe('docker-compose.yml', () => {
  it('runs the real Temporal server on PostgreSQL, never the dev server or auto-setup', () => {
    const temporal = services.temporal!;
    expect(temporal.image).toBe(`temporalio/server:${TEMPORAL_SERVER_VERSION}`);
    expect(temporal.environment).toMatchObject({ DB: 'postgres12', POSTGRES_SEEDS: 'postgres', DBNAME: 'temporal', VISIBILITY_DBNAME: 'temporal_visibility' });
    for (const [name, service] of Object.entries(services)) {
      expect(text(service.command), name).not.toContain('start-dev');
      expect(service.image ?? '', name).not.toMatch(/auto-setup|temporalio\/temporal:/);
    }
    // Its dynamic config is the repository's file, mounted where DYNAMIC_CONFIG_FILE_PATH points.
    const dynamicConfig = String(temporal.environment?.DYNAMIC_CONFIG_FILE_PATH);
    const mount = temporal.volumes?.find((volume) => volume.split(':')[1] === '/etc/temporal/config/dynamicconfig');
    expect(mount).toBeDefined();
    expect(dynamicConfig.startsWith('config/dynamicconfig/')).toBe(true);
    expect(existsSync(join(repoRoot, mount!.split(':')[0]!, dynamicConfig.replace('config/dynamicconfig/', '')))).toBe(true);
  });

  it('pins every image it pulls to an exact version', () => {
    for (const [name, service] of Object.entries(services)) {
      expect(service.image, name).toBeDefined();
      const tag = service.image!.split(':')[1];
      expect(tag, `${name}: ${service.image}`).toMatch(/^\d+\.\d+(\.\d+)?([-.][\w.-]+)?$/);
    }
    const adminTools = Object.values(services).filter((service) => service.image?.startsWith('temporalio/admin-tools:'));
    expect(adminTools.length).toBeGreaterThan(0);
    for (const service of adminTools) expect(service.image).toMatch(new RegExp(`^temporalio/admin-tools:${TEMPORAL_SERVER_VERSION.replace(/\./g, '\\.')}-`));
  });

  it('restarts long-running services and health-checks them; one-shot jobs run once', () => {
    const longRunning = Object.entries(services).filter(([, service]) => !isJob(service));
    expect(longRunning.map(([name]) => name).sort()).toEqual(['api', 'postgres', 'temporal', 'temporal-ui', 'worker']);
    for (const [name, service] of longRunning) {
      expect(['unless-stopped', 'always'], name).toContain(service.restart);
      expect(text(service.healthcheck?.test), name).not.toBe('');
    }
    expect(Object.entries(services).filter(([, service]) => isJob(service)).map(([name]) => name).sort()).toEqual(['migrate', 'temporal-init', 'temporal-schema']);
  });

  it('sets up both Temporal schemas in a job the server waits for', () => {
    const job = text(services['temporal-schema']!.command);
    for (const db of ['temporal', 'temporal_visibility']) {
      expect(job).toContain(`--db ${db} create-database`);
      expect(job).toContain(`--db ${db} setup-schema -v 0.0`);
      expect(job).toContain(`--db ${db} update-schema -d`);
    }
    expect(job).toMatch(/postgresql\/v12/);
    expect(job).toMatch(/temporal\/versioned/);
    expect(job).toMatch(/visibility\/versioned/);
    expect(services['temporal-schema']!.environment).toMatchObject({ SQL_PLUGIN: 'postgres12', SQL_HOST: 'postgres' });
    expect(services['temporal-schema']!.depends_on).toEqual({ postgres: { condition: 'service_healthy' } });
    expect(services.temporal!.depends_on).toEqual({ 'temporal-schema': { condition: 'service_completed_successfully' } });
  });

  it('registers every search attribute the product uses, with its type', () => {
    const registered = JSON.parse(readFileSync(join(repoRoot, 'temporal/search-attributes.json'), 'utf8')) as Record<string, string>;
    expect(registered).toHaveProperty('ClaimedBy');
    const init = text(services['temporal-init']!.command);
    const created = Object.fromEntries([...init.matchAll(/\b([A-Z]\w+)=(Keyword|Text|Int|Double|Bool|Datetime|KeywordList)\b/g)].map((m) => [m[1], m[2]]));
    expect(created).toEqual(registered);
    expect(init).toContain('namespace create --namespace default');
    expect(services['temporal-init']!.depends_on).toEqual({ temporal: { condition: 'service_healthy' } });
  });

  it('gives the worker and the API every variable of lib/config.ts, set or defaulted, and the result is a valid production configuration', () => {
    expect(appServices.map(([name]) => name).sort()).toEqual(['api', 'migrate', 'worker']);
    for (const [name, service] of appServices) {
      const environment = service.environment ?? {};
      expect(CONFIG_VARIABLES.filter((variable) => !(variable in environment)), name).toEqual([]);
      const env = Object.fromEntries(
        Object.entries(environment).map(([key, value]) => [key, interpolate(String(value ?? ''), { AUTH_TOKEN_SECRET: 'a-deployment-secret-of-at-least-32-characters' })]),
      );
      const config = loadConfig(env);
      expect(config.NODE_ENV, name).toBe('production');
      expect(config.TEMPORAL_ADDRESS, name).toBe('temporal:7233');
      expect(new URL(config.DATABASE_URL).hostname, name).toBe('postgres');
    }
    // Without AUTH_TOKEN_SECRET compose refuses to start rather than run with a known secret.
    expect(() => interpolate(String(services.api!.environment!.AUTH_TOKEN_SECRET), {})).toThrow(/no default/);
  });

  it('starts the worker and the API after the migration and the Temporal set-up, sharing the audit key volume', () => {
    for (const name of ['worker', 'api']) {
      expect(services[name]!.depends_on).toMatchObject({
        migrate: { condition: 'service_completed_successfully' },
        'temporal-init': { condition: 'service_completed_successfully' },
      });
      const keyDir = String(services[name]!.environment!.AUDIT_SIGNING_KEY_FILE).replace(/\/[^/]+$/, '');
      expect(services[name]!.volumes?.some((volume) => volume.endsWith(`:${keyDir}`)), name).toBe(true);
    }
    expect(text(services.api!.healthcheck?.test)).toContain('/health/live');
  });

  it('runs the same Temporal set-up as `npm run start:cluster`: server version, history shards, dynamic config', () => {
    const cluster = parse(readFileSync(join(repoRoot, 'temporal/cluster/temporal-server.yaml'), 'utf8')) as { persistence: { numHistoryShards: number } };
    expect(String(cluster.persistence.numHistoryShards)).toBe(String(services.temporal!.environment!.NUM_HISTORY_SHARDS));
    const build = readFileSync(join(repoRoot, 'scripts/ensure-temporal-server.sh'), 'utf8');
    expect(build).toContain(`version="${TEMPORAL_SERVER_VERSION}"`);
    const setup = readFileSync(join(repoRoot, 'scripts/cluster/temporal-setup.ts'), 'utf8');
    expect(setup).toContain(`temporal/dynamicconfig/${String(services.temporal!.environment!.DYNAMIC_CONFIG_FILE_PATH).split('/').pop()}`);
  });
});
