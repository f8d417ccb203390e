/** List latency: the reviewer's objection list on a database seeded with many cases (generate_series, seconds). */
import pg from 'pg';
import { issueToken, type TokenSettings } from '../../lib/auth-tokens.js';
import { parseDatabaseUrl } from '../../lib/database-url.js';
import { seedLargeLists } from '../../tests/support/large-list-seed.js';
import type { Client } from '@temporalio/client';
import { listObjectionsQuerySchema } from '../../api/objections/objection-schemas.js';
import { createObjectionService } from '../../api/objections/objection-service.js';
import { createPrismaClient } from '../../lib/prisma.js';
import { Timings } from '../support/stats.js';

export interface ListPhaseResult {
  cases: number;
  seedSeconds: number;
  timings: Timings;
}

export async function listPhase(databaseUrl: string, apiUrl: string, tokens: TokenSettings, temporal: Client, cases: number, requests: number): Promise<ListPhaseResult> {
  const started = performance.now();
  const seed = await seedLargeLists(databaseUrl, { cases, authorities: 50, prefix: 'bl-' });
  const seedSeconds = (performance.now() - started) / 1000;
  const sql = new pg.Client(parseDatabaseUrl(databaseUrl));
  await sql.connect();
  await sql.query(`INSERT INTO "User" ("id", "name", "role", "authorityId") VALUES ('bench-list-reviewer', 'bench', 'REVIEWER', $1)`, [seed.authorityIds[0]]);
  await sql.end();
  const token = await issueToken(tokens, { id: 'bench-list-reviewer' });
  const timings = new Timings();
  const get = async (step: string, query: string) =>
    timings.time(step, async () => {
      const res = await fetch(`${apiUrl}/objections${query}`, { headers: { authorization: `Bearer ${token}` } });
      if (res.status !== 200) throw new Error(`GET /objections${query}: ${res.status} ${await res.text()}`);
      return (await res.json()) as { nextCursor: string | null };
    });
  for (let i = 0; i < 10; i++) await get('warm-up', ''); // connections and caches, not counted
  let cursor: string | null = null;
  for (let i = 0; i < requests; i++) {
    await get('page 1', '');
    await get('page 1, status FILED', '?status=FILED');
    // Following nextCursor: deeper and deeper pages, each as fast as the first.
    const next: { nextCursor: string | null } = await get('next page (cursor)', cursor ? `?cursor=${cursor}` : '');
    cursor = next.nextCursor;
  }
  // The same list without HTTP: the service and PostgreSQL alone (what the indexes decide).
  const prisma = createPrismaClient(databaseUrl);
  const service = createObjectionService({ prisma, temporal, taskQueue: 'unused' });
  const reviewer = { id: 'bench-list-reviewer', role: 'REVIEWER' as const, authorityId: seed.authorityIds[0]! };
  for (let i = 0; i < requests; i++) await timings.time('page 1, service and database only', () => service.list(reviewer, listObjectionsQuerySchema.parse({})));
  await prisma.$disconnect();
  return { cases, seedSeconds, timings };
}
