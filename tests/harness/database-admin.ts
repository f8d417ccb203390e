import pg from 'pg';
import { parseDatabaseUrl } from '../../lib/database-url.js';

/** Creates (or with `drop`, drops) a database on the server of `serverUrl`, for tests of database housekeeping. */
export async function createDatabase(serverUrl: string, name: string, options: { drop?: boolean } = {}): Promise<void> {
  const admin = new pg.Client({ ...parseDatabaseUrl(serverUrl), database: 'postgres' });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${admin.escapeIdentifier(name)} WITH (FORCE)`);
    if (!options.drop) await admin.query(`CREATE DATABASE ${admin.escapeIdentifier(name)}`);
  } finally {
    await admin.end();
  }
}
