import pg from 'pg';
import { parseDatabaseUrl } from '../../lib/database-url.js';

/** `credit_engine_test_<pid>_<random>`, and the databases a file derives from it (`…_plans`). */
const RUN_DATABASE = /^credit_engine_test_(\d+)_[0-9a-f]{8}(_\w+)?$/;
const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Drops the databases of earlier test runs on this machine whose process is gone (a run killed with SIGKILL never
 * reaches its teardown). Only on a server on this host: a pid means nothing on another machine's server.
 * Returns the names it dropped.
 */
export async function dropAbandonedTestDatabases(databaseUrl: string, isAlive: (pid: number) => boolean = alive): Promise<string[]> {
  const server = { ...parseDatabaseUrl(databaseUrl), database: 'postgres' };
  if (!LOCAL_HOSTS.has(server.host)) return [];
  const admin = new pg.Client({ ...server, connectionTimeoutMillis: 10_000 });
  await admin.connect();
  try {
    const { rows } = await admin.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE 'credit\\_engine\\_test\\_%'`);
    const abandoned = rows.map((r) => r.datname).filter((name) => {
      const match = RUN_DATABASE.exec(name);
      return match !== null && !isAlive(Number(match[1]));
    });
    for (const name of abandoned) await admin.query(`DROP DATABASE IF EXISTS ${admin.escapeIdentifier(name)} WITH (FORCE)`);
    return abandoned;
  } finally {
    await admin.end();
  }
}
