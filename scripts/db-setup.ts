/**
 * Prepares a database for the product: creates it if missing, applies the migrations and seeds the reference data
 * and the holiday calendar. Idempotent. Run with `npx tsx scripts/db-setup.ts [--reset]` (DATABASE_URL from the
 * environment, default lib/database-url.ts); the test harness calls setupDatabase() itself.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import pg from 'pg';
import { DEFAULT_DATABASE_URL, parseDatabaseUrl } from '../lib/database-url.js';
import { createPrismaClient } from '../lib/prisma.js';
import { seedCalendar } from '../prisma/seed/calendar-seed.js';
import { seedConsoleAccounts } from '../prisma/seed/console-accounts-seed.js';
import { seedReferenceData } from '../prisma/seed/reference-seed.js';

export interface SetupDatabaseOptions {
  /** Drop the database first (closing its connections) and create it anew. */
  reset?: boolean;
  /** Keep the Prisma CLI's output to show it only if the migration fails. */
  quiet?: boolean;
  log?: (message: string) => void;
}

const repoRoot = fileURLToPath(new URL('..', import.meta.url));

/** PostgreSQL error code of CREATE DATABASE when another caller created it first. */
const DUPLICATE_DATABASE = '42P04';

export async function setupDatabase(databaseUrl: string, options: SetupDatabaseOptions = {}): Promise<void> {
  const log = options.log ?? ((message: string) => console.error(`[db-setup] ${message}`));
  const { database } = parseDatabaseUrl(databaseUrl);
  await ensureDatabase(databaseUrl, options.reset ?? false, log);
  await migrateDeploy(databaseUrl, options.quiet ?? false);
  log(`migrations applied to ${database}`);
  const prisma = createPrismaClient(databaseUrl);
  try {
    await seedReferenceData(prisma);
    await seedCalendar(prisma);
    await seedConsoleAccounts(prisma);
  } finally {
    await prisma.$disconnect();
  }
  log(`reference data and calendar seeded in ${database}`);
}

/** Connects to the server's `postgres` database to create (or drop and create) the target database. */
async function ensureDatabase(databaseUrl: string, reset: boolean, log: (message: string) => void): Promise<void> {
  const { database, ...server } = parseDatabaseUrl(databaseUrl);
  const admin = new pg.Client({ ...server, database: 'postgres', connectionTimeoutMillis: 10_000 });
  try {
    await admin.connect();
  } catch (err) {
    throw new Error(
      `Cannot connect to PostgreSQL at ${server.host}:${server.port} as ${server.user}: ${(err as Error).message}. ` +
        'Is the server running? Set DATABASE_URL to point elsewhere.',
      { cause: err },
    );
  }
  try {
    const name = admin.escapeIdentifier(database);
    if (reset) {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      log(`dropped database ${database}`);
    }
    const existing = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (existing.rowCount === 0) {
      try {
        await admin.query(`CREATE DATABASE ${name}`);
        log(`created database ${database}`);
      } catch (err) {
        if ((err as { code?: string }).code !== DUPLICATE_DATABASE) throw err;
      }
    }
  } finally {
    await admin.end();
  }
}

/** Drops the database (closing its connections), if it exists: the test harness's own database after a run. */
export async function dropDatabase(databaseUrl: string): Promise<void> {
  const { database, ...server } = parseDatabaseUrl(databaseUrl);
  const admin = new pg.Client({ ...server, database: 'postgres', connectionTimeoutMillis: 10_000 });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${admin.escapeIdentifier(database)} WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}

/** `prisma migrate deploy` through scripts/prisma.sh (the offline-safe wrapper), against the given database. */
function migrateDeploy(databaseUrl: string, quiet: boolean): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('bash', ['scripts/prisma.sh', 'migrate', 'deploy'], {
      cwd: repoRoot,
      env: { ...process.env, DATABASE_URL: databaseUrl },
      stdio: quiet ? ['ignore', 'pipe', 'pipe'] : ['ignore', 'inherit', 'inherit'],
    });
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (code === 0) resolve();
      else reject(new Error(`prisma migrate deploy failed (${signal ?? `exit ${code}`})${output ? `:\n${output}` : ''}`));
    });
  });
}

async function main(): Promise<void> {
  const databaseUrl = process.env.DATABASE_URL || DEFAULT_DATABASE_URL;
  const reset = process.argv.includes('--reset');
  await setupDatabase(databaseUrl, { reset });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((err: unknown) => {
    console.error(`[db-setup] ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  });
}
