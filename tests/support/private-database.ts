/**
 * A database of one test file's own on the run's PostgreSQL server, for tests that change what every other test
 * reads (the working-day calendar, the whole audit log): migrated and seeded like the run's database, dropped after
 * the file. Costs one `prisma migrate deploy` (a few seconds), so use it only where sharing would interfere.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, inject } from 'vitest';
import { createPrismaClient, type PrismaClient } from '../../lib/prisma.js';
import { dropDatabase, setupDatabase } from '../../scripts/db-setup.js';

export interface PrivateDatabase {
  url: string;
  prisma: PrismaClient;
}

/** Creates, migrates and seeds (reference data, calendar, console accounts) a database dropped after the file. */
export async function createPrivateDatabase(name: string): Promise<PrivateDatabase> {
  const url = new URL(inject('databaseUrl'));
  url.pathname = `/credit_private_${name.replace(/[^a-z0-9_]/gi, '_').toLowerCase()}_${randomBytes(4).toString('hex')}`;
  const databaseUrl = url.toString();
  await setupDatabase(databaseUrl, { reset: true, quiet: true, log: () => {} });
  const prisma = createPrismaClient(databaseUrl);
  afterAll(async () => {
    await prisma.$disconnect();
    await dropDatabase(databaseUrl);
  }, 60_000);
  return { url: databaseUrl, prisma };
}
