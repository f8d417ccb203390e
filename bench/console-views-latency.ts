/**
 * Benchmark: latency of the console's aggregate reads (GET /work-items, /work-items/summary, /stats/trends) on a
 * database holding many cases. Seeds N objections (5% open, the rest closed over the last 20 weeks) on N records of
 * one authority with SQL, times each query R times, prints the median and p95, and removes what it seeded.
 *
 *   DATABASE_URL=postgresql://… npx tsx bench/console-views-latency.ts [cases=100000] [runs=20]
 */
import { randomBytes } from 'node:crypto';
import { createCalendarRepository } from '../lib/calendar/calendar-repository.js';
import { createPrismaClient } from '../lib/prisma.js';
import { listWorkItems, workSummary } from '../api/work/work-item-query.js';
import { workItemsQuerySchema } from '../api/work/work-item-schemas.js';
import { caseTrends } from '../api/stats/stats-trends-service.js';

const cases = Number(process.argv[2] ?? 100_000);
const runs = Number(process.argv[3] ?? 20);
const url = process.env.DATABASE_URL;
if (!url) throw new Error('DATABASE_URL is required');
const prisma = createPrismaClient(url);
const tag = `bench${randomBytes(3).toString('hex')}`;
const authorityId = `${tag}-auth`;
const subjectId = `${tag}-subj`;

async function seed() {
  await prisma.authority.create({ data: { id: authorityId, name: '基准测试机关', creditCode: `91${randomBytes(8).toString('hex').toUpperCase()}`.slice(0, 18) } });
  await prisma.subject.create({ data: { id: subjectId, kind: 'GOVERNMENT_BODY', name: '基准测试单位' } });
  await prisma.$executeRawUnsafe(`
    INSERT INTO "DishonestyRecord" ("id","subjectId","authorityId","source","documentNumber","severity","policyArea","facts","decisionDate","publishedFrom","updatedAt")
    SELECT '${tag}-rec-' || g, '${subjectId}', '${authorityId}', 'COURT_JUDGMENT', '（2025）基准' || g || '号', 'GENERAL', 'ARREARS_TO_FIRMS', '{}'::jsonb, DATE '2025-01-02', DATE '2025-01-02', now()
    FROM generate_series(1, ${cases}) g`);
  // Every 20th case open (FILED, due within ±10 days); the others decided over the last 20 weeks.
  await prisma.$executeRawUnsafe(`
    INSERT INTO "Objection" ("id","workflowId","recordId","subjectId","authorityId","applicantId","grounds","statement","evidence","status","currentStep","assigneeRole","dueAt",
                             "policyId","policyVersion","policy","filedAt","closedAt","updatedAt")
    SELECT '${tag}-obj-' || g, '${tag}-wf-' || g, '${tag}-rec-' || g, '${subjectId}', '${authorityId}', 'applicant-1', 'INACCURATE_OR_INCOMPLETE', '基准', '[]'::jsonb,
           CASE WHEN g % 20 = 0 THEN 'FILED' ELSE 'DECIDED' END,
           CASE WHEN g % 20 = 0 THEN 'ACCEPTANCE' END, CASE WHEN g % 20 = 0 THEN 'REVIEWER' END,
           CASE WHEN g % 20 = 0 THEN now() + ((g % 480) - 240) * interval '1 hour' END,
           'bench@1', 1, '{}'::jsonb,
           now() - (g % 140) * interval '1 day' - interval '1 day',
           CASE WHEN g % 20 = 0 THEN NULL ELSE now() - (g % 140) * interval '1 day' END, now()
    FROM generate_series(1, ${cases}) g`);
  // VACUUM as autovacuum would after a bulk load: it also empties the trigram (GIN) indexes' pending lists.
  await prisma.$executeRawUnsafe('VACUUM ANALYZE "Objection"');
  await prisma.$executeRawUnsafe('VACUUM ANALYZE "DishonestyRecord"');
  await prisma.$executeRawUnsafe('VACUUM ANALYZE "Subject"');
}

/** Removes the seeded rows; nothing else references them, so the foreign-key checks (slow on 100k rows) are skipped. */
async function cleanup() {
  await prisma.$transaction([
    prisma.$executeRawUnsafe(`SET LOCAL session_replication_role = replica`),
    prisma.$executeRawUnsafe(`DELETE FROM "Objection" WHERE "id" LIKE '${tag}-obj-%'`),
    prisma.$executeRawUnsafe(`DELETE FROM "DishonestyRecord" WHERE "id" LIKE '${tag}-rec-%'`),
    prisma.$executeRawUnsafe(`DELETE FROM "Subject" WHERE "id" = '${subjectId}'`),
    prisma.$executeRawUnsafe(`DELETE FROM "Authority" WHERE "id" = '${authorityId}'`),
  ]);
}

async function time(name: string, run: () => Promise<unknown>) {
  await run(); // warm-up
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await run();
    ms.push(performance.now() - start);
  }
  ms.sort((a, b) => a - b);
  const at = (q: number) => ms[Math.min(ms.length - 1, Math.floor(q * ms.length))]!.toFixed(1);
  console.log(`${name.padEnd(44)} median ${at(0.5)} ms   p95 ${at(0.95)} ms`);
}

const reviewer = { id: `${tag}-reviewer`, role: 'REVIEWER' as const, authorityId, subjectId: null };
const admin = { id: `${tag}-admin`, role: 'ADMIN' as const, authorityId: null, subjectId: null };
try {
  const seeded = performance.now();
  await seed();
  console.log(`seeded ${cases} objections (${cases / 20} open) in ${((performance.now() - seeded) / 1000).toFixed(1)} s`);
  const calendar = (await createCalendarRepository(prisma).current()).data;
  await time('GET /work-items (reviewer, actionable)', () => listWorkItems(prisma, reviewer, workItemsQuerySchema.parse({})));
  await time('GET /work-items (admin, all, q=文书编号)', () => listWorkItems(prisma, admin, workItemsQuerySchema.parse({ scope: 'all', q: '基准12345' })));
  await time('GET /work-items (admin, all, q=case id)', () => listWorkItems(prisma, admin, workItemsQuerySchema.parse({ scope: 'all', q: `${tag}-obj-4242` })));
  // Every seeded case has this subject: the worst case of a search, which matches all 100,000.
  await time('GET /work-items (admin, all, q=name of all)', () => listWorkItems(prisma, admin, workItemsQuerySchema.parse({ scope: 'all', q: '基准测试单位' })));
  await time('GET /work-items (admin, closed, page 50)', () => listWorkItems(prisma, admin, workItemsQuerySchema.parse({ scope: 'all', open: 'false', page: '50' })));
  await time('GET /work-items/summary (reviewer)', () => workSummary(prisma, reviewer));
  await time('GET /stats/trends (12 weeks)', () => caseTrends(prisma, calendar, 'Asia/Shanghai', 12));
} catch (err) {
  console.error(err);
  process.exitCode = 1;
} finally {
  await cleanup();
  await prisma.$disconnect();
}
