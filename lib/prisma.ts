import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../generated/prisma/client.js';
import { parseDatabaseUrl } from './database-url.js';

export type { PrismaClient };

export function createPrismaClient(databaseUrl: string): PrismaClient {
  return new PrismaClient({
    adapter: new PrismaPg({ ...parseDatabaseUrl(databaseUrl), max: 10 }),
    // Prisma's defaults (2 s to get a connection, 5 s for the whole transaction) failed a 100-record import chunk on a
    // loaded machine with a 500; a transaction that still cannot finish is answered 503 (api/errors).
    transactionOptions: { maxWait: 10_000, timeout: 30_000 },
  });
}
