/**
 * `npm run bench`: one command that starts what it needs (a Temporal dev server as `npm start` runs it, a database of
 * its own, the product's worker and API as processes, and a worker for the bench-only bare workflows in this
 * process), then measures in one run, against the same server:
 *   1. whole cases per second and the latency of each step, for the product's objection cases and for two bare
 *      Temporal workflows of the same shape (no-op steps as ordinary activities, and as local activities: the floor);
 *   2. the reviewer's objection list at BENCH_LIST_CASES seeded cases;
 *   3. importing BENCH_IMPORT records with `npm run import`, and the worker's memory with their lifecycles open.
 * Knobs: BENCH_CASES (32), BENCH_LIST_CASES (100000), BENCH_IMPORT (2000; the issue's target is 10000), BENCH_SETTLE_TIMEOUT_S (180),
 * BENCH_PHASES (cases,list,import), BENCH_DATABASE_URL (credit_engine_bench on the server of DATABASE_URL); TEMPORAL_EAGER_ACTIVITIES=false runs the dev
 * server without eager activity execution (scripts/start-temporal.sh), to measure what it gives.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Client, Connection } from '@temporalio/client';
import { DefaultLogger, NativeConnection, Runtime, Worker } from '@temporalio/worker';
import { issueToken } from '../lib/auth-tokens.js';
import { DEFAULT_DATABASE_URL } from '../lib/database-url.js';
import { setupDatabase } from '../scripts/db-setup.js';
import { createBareActivities } from './bare/bare-activities.js';
import { bareCase, productCase, type CaseDriver } from './case-drivers.js';
import { importPhase } from './phases/import-phase.js';
import { listPhase } from './phases/list-phase.js';
import { freePort, rssMiB, startTemporal, startWorkerAndApi, stopAll } from './support/processes.js';
import { ms, ratio, runConcurrently, Timings } from './support/stats.js';
import { targetReport, type CasesAt, type ImportFigures, type ListFigures } from './support/targets.js';

const knob = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const CASES = knob('BENCH_CASES', 32);
const LIST_CASES = knob('BENCH_LIST_CASES', 100_000);
const IMPORT = knob('BENCH_IMPORT', 2_000);
const SETTLE_TIMEOUT_S = knob('BENCH_SETTLE_TIMEOUT_S', 180);
/** Which phases run: BENCH_PHASES=cases,list,import (all, the default); e.g. `cases` for the latency figures alone. */
const PHASES = new Set((process.env.BENCH_PHASES ?? 'cases,list,import').split(',').map((p) => p.trim()));
const log = (line: string) => console.log(line);
const benchStarted = performance.now();
const elapsed = () => `${((performance.now() - benchStarted) / 1000).toFixed(0)} s`;
/** The machine's load average (1, 5, 15 min): absolute figures only compare at a similar load. */
const load = () => `load average ${loadavg().map((l) => l.toFixed(1)).join(' / ')}`;
const eager = (process.env.TEMPORAL_EAGER_ACTIVITIES ?? 'true') !== 'false';

const dir = mkdtempSync(join(tmpdir(), 'credit-bench-'));
const databaseUrl = process.env.BENCH_DATABASE_URL ?? Object.assign(new URL(process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL), { pathname: '/credit_engine_bench' }).toString();
Runtime.install({ logger: new DefaultLogger('WARN') });

try {
  const [temporalPort, apiPort] = [await freePort(), await freePort()];
  const [temporalAddress] = await Promise.all([startTemporal(temporalPort, dir), setupDatabase(databaseUrl, { reset: true, quiet: true, log: () => {} })]);
  const tokenSettings = { secret: randomBytes(32).toString('hex'), issuer: 'credit-engine-bench', audience: 'credit-engine-api' };
  const env = {
    NODE_ENV: 'development',
    DATABASE_URL: databaseUrl,
    TEMPORAL_ADDRESS: temporalAddress,
    TEMPORAL_TASK_QUEUE: 'bench-product',
    AUTH_TOKEN_SECRET: tokenSettings.secret,
    AUTH_ISSUER: tokenSettings.issuer,
    AUTH_AUDIENCE: tokenSettings.audience,
    DATA_DIR: dir,
    // Rate limits off for the run: the bench is one actor sending far more than a person would.
    RATE_LIMIT_PER_MINUTE: '1000000000',
    LOG_LEVEL: 'warn',
    AUDIT_CHECKPOINT_INTERVAL_MS: '0',
  };
  const { worker } = await startWorkerAndApi(env, apiPort);
  const apiUrl = `http://127.0.0.1:${apiPort}`;
  log(`# npm run bench — ${new Date().toISOString()}; Temporal dev server ${temporalAddress} (SQLite file, as npm start), database ${new URL(databaseUrl).pathname.slice(1)}`);
  log(`rate limits: OFF for this run (RATE_LIMIT_PER_MINUTE=1000000000); ready after ${elapsed()}; ${load()}`);
  log(`eager activity execution: ${eager ? 'on' : 'off (TEMPORAL_EAGER_ACTIVITIES=false)'}`);

  // The bare workflows' worker, in this process, on its own task queue of the same server.
  const bareQueue = 'bench-bare';
  const client = new Client({ connection: await Connection.connect({ address: temporalAddress }), namespace: 'default' });
  const bareWorker = await Worker.create({
    connection: await NativeConnection.connect({ address: temporalAddress }),
    taskQueue: bareQueue,
    workflowsPath: fileURLToPath(new URL('./bare/bare-workflows.ts', import.meta.url)),
    activities: createBareActivities(client, bareQueue),
  });
  const bareRunning = bareWorker.run();

  // 1. Cases end to end, side by side.
  const api = {
    url: apiUrl,
    tokens: {
      applicant: await issueToken(tokenSettings, { id: 'applicant-1' }),
      reviewer: await issueToken(tokenSettings, { id: 'reviewer-1' }),
      reviewer2: await issueToken(tokenSettings, { id: 'reviewer-2' }),
    },
  };
  const variants: [string, CaseDriver][] = [
    ['product', productCase(api)],
    ['bare, ordinary activities', bareCase(client, bareQueue, false)],
    ['bare, local activities (floor)', bareCase(client, bareQueue, true)],
  ];
  if (PHASES.has('cases')) for (const [, driver] of variants) await runConcurrently(4, 2, (i) => driver(1_000_000 + i, new Timings())); // warm-up
  const casesAt: CasesAt = new Map();
  let listFigures: ListFigures | null = null;
  let importFigures: ImportFigures | null = null;
  for (const concurrency of PHASES.has('cases') ? [1, 4, 16] : []) {
    const cases = concurrency === 1 ? Math.max(5, Math.round(CASES / 4)) : CASES;
    const results = [];
    for (const [name, driver] of variants) {
      const timings = new Timings();
      const seconds = await runConcurrently(cases, concurrency, (i) => driver(i, timings));
      results.push({ name, rate: cases / seconds, timings });
    }
    const [product, ordinary, floor] = results as [(typeof results)[0], (typeof results)[0], (typeof results)[0]];
    casesAt.set(concurrency, [product, ordinary, floor]);
    log(`\n## ${cases} cases, ${concurrency} in flight (after ${elapsed()}; ${load()})`);
    log(`| | cases/s | vs bare ordinary | vs floor | accept p50 / p95 / p99 | decide p50 / p95 / p99 |`);
    log(`| --- | --- | --- | --- | --- | --- |`);
    for (const r of results) {
      const steps = (step: string) => [50, 95, 99].map((q) => ms(r.timings.p(step, q))).join(' / ');
      log(`| ${r.name} | ${r.rate.toFixed(2)} | ${(r.rate / ordinary.rate).toFixed(2)}× | ${(r.rate / floor.rate).toFixed(2)}× | ${steps('accept')} | ${steps('decide')} |`);
    }
    const vsFloor = (step: string) => [50, 95, 99].map((q) => ratio(product.timings.p(step, q), floor.timings.p(step, q))).join(' / ');
    log(`product ÷ floor, p50 / p95 / p99: accept ${vsFloor('accept')}; decide ${vsFloor('decide')}; register ${vsFloor('register')}; file ${vsFloor('file')}`);
  }

  if (PHASES.has('list')) {
    // 2. Lists at scale.
    const list = await listPhase(databaseUrl, apiUrl, tokenSettings, client, LIST_CASES, 100);
    listFigures = { cases: LIST_CASES, page1P99: list.timings.p('page 1', 99) };
    log(`\n## Reviewer's objection list at ${LIST_CASES.toLocaleString('en')} seeded cases (seeded in ${list.seedSeconds.toFixed(0)} s; after ${elapsed()}; ${load()})`);
    for (const step of ['page 1', 'page 1, status FILED', 'next page (cursor)', 'page 1, service and database only']) {
      const how = step.includes('only') ? 'in process' : 'HTTP round trip';
      log(`- ${step}: p50 ${ms(list.timings.p(step, 50))}, p99 ${ms(list.timings.p(step, 99))} (${how}, ${list.timings.steps.get(step)?.length} requests)`);
    }
  }

  if (PHASES.has('import')) {
    // 3. Import, and the worker's memory with the imported lifecycles open.
    const rssBefore = rssMiB(worker.pid!);
    const imported = await importPhase({ databaseUrl, apiUrl, env, dir, records: IMPORT, settleTimeoutS: SETTLE_TIMEOUT_S });
    const rssAfter = rssMiB(worker.pid!);
    importFigures = { records: imported.records, commandSeconds: imported.commandSeconds, settledRecords: imported.settledRecords, rssBeforeMiB: rssBefore, rssAfterMiB: rssAfter };
    log(`\n## Import of ${imported.records.toLocaleString('en')} records (${imported.subjects.toLocaleString('en')} subjects; one has ${imported.hotSubjectRecords}) (after ${elapsed()}; ${load()})`);
    log(`- npm run import (whole file validated, then written, every lifecycle started): ${imported.commandSeconds.toFixed(1)} s, ${(imported.records / imported.commandSeconds).toFixed(0)} records/s`);
    log(`- every lifecycle reported to its subject's eligibility: ${imported.settledRecords.toLocaleString('en')} of ${imported.records.toLocaleString('en')} after ${imported.settleSeconds.toFixed(0)} s (${(imported.settledRecords / imported.settleSeconds).toFixed(0)} records/s)${imported.settledRecords < imported.records ? ` — gave up after BENCH_SETTLE_TIMEOUT_S=${SETTLE_TIMEOUT_S}` : ''}`);
    log(`- the subject with ${imported.hotSubjectRecords} records settled after ${imported.hotSettleSeconds === null ? 'more than the timeout' : `${imported.hotSettleSeconds.toFixed(0)} s`}`);
    log(`- worker memory (RSS): ${rssBefore.toFixed(0)} MiB before, ${rssAfter.toFixed(0)} MiB with ${imported.settledRecords.toLocaleString('en')} more open lifecycles (each waiting on its publication and sanction timers)`);
  }
  log(`\n## Targets of issue 12, judged on this run (${load()})`);
  for (const line of targetReport(casesAt, listFigures, importFigures)) log(line);
  log(`\ntotal bench time ${elapsed()}; ${load()}`);
  bareWorker.shutdown();
  await bareRunning;
  await client.connection.close();
} finally {
  await stopAll();
  rmSync(dir, { recursive: true, force: true });
}
