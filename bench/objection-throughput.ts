/**
 * Benchmark: end-to-end objection cases through the running product (API → Temporal → worker → PostgreSQL).
 * Registers N records, then for each files an objection, accepts it and decides it (CORRECT), with C cases in
 * flight at once; prints latency percentiles per step and cases per second.
 *
 *   npm start                      # in another terminal
 *   npm run bench -- [cases=50] [concurrency=5]
 */
import { randomBytes } from 'node:crypto';
import { loadConfig } from '../lib/config.js';
import { issueToken } from '../lib/auth-tokens.js';

const cases = Number(process.argv[2] ?? 50);
const concurrency = Number(process.argv[3] ?? 5);
const config = loadConfig();
const api = `http://127.0.0.1:${config.PORT}`;
const settings = { secret: config.AUTH_TOKEN_SECRET, issuer: config.AUTH_ISSUER, audience: config.AUTH_AUDIENCE };

const tokens = {
  applicant: await issueToken(settings, { id: 'applicant-1' }),
  reviewer: await issueToken(settings, { id: 'reviewer-1' }),
  reviewer2: await issueToken(settings, { id: 'reviewer-2' }),
};

async function post(path: string, token: string, body: unknown): Promise<{ id: string }> {
  const res = await fetch(api + path, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as { id: string };
}

const timings: Record<string, number[]> = { register: [], file: [], accept: [], decide: [], total: [] };
async function timed<T>(step: string, work: () => Promise<T>): Promise<T> {
  const start = performance.now();
  const result = await work();
  timings[step]!.push(performance.now() - start);
  return result;
}

async function runCase(i: number): Promise<void> {
  const start = performance.now();
  const record = await timed('register', () =>
    post('/records', tokens.reviewer, {
      subjectId: 'body-1',
      source: 'ADMINISTRATIVE_PENALTY',
      documentNumber: `BENCH-${randomBytes(6).toString('hex')}-${i}`,
      severity: 'GENERAL',
      policyArea: 'OTHER',
      decisionDate: '2026-03-02',
      facts: { title: 'bench', summary: 'bench' },
      rectificationRequired: false,
    }),
  );
  const objection = await timed('file', () => post('/objections', tokens.applicant, { recordId: record.id, grounds: 'INACCURATE_OR_INCOMPLETE', statement: 'bench' }));
  await timed('accept', () => post(`/objections/${objection.id}/accept`, tokens.reviewer, {}));
  await timed('decide', () => post(`/objections/${objection.id}/decision`, tokens.reviewer2, { outcome: 'CORRECT', reasons: 'bench', changes: { summary: 'corrected' } }));
  timings.total!.push(performance.now() - start);
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
};

const started = performance.now();
let next = 0;
await Promise.all(
  Array.from({ length: concurrency }, async () => {
    while (next < cases) await runCase(next++);
  }),
);
const seconds = (performance.now() - started) / 1000;
console.log(`objection cases end to end: ${cases} cases, concurrency ${concurrency}, ${seconds.toFixed(1)} s, ${(cases / seconds).toFixed(2)} cases/s`);
for (const [step, values] of Object.entries(timings)) {
  console.log(`  ${step.padEnd(8)} p50 ${percentile(values, 50).toFixed(0)} ms  p95 ${percentile(values, 95).toFixed(0)} ms  max ${Math.max(...values).toFixed(0)} ms`);
}
