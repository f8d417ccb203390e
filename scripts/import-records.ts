/**
 * Imports a file of records (from the national platform) through the API's POST /records/batch, as a staff user of
 * the authority that made them: `npm run import -- records.json --as reviewer-1 [--api http://127.0.0.1:3000]`.
 * The file is a JSON array of RegisterRecordRequest objects (or `{ "records": [...] }`).
 *
 * The whole file is validated first (every batch as a dry run): any bad row stops the import before anything is
 * written, and every bad row is printed with its line in the file's array. Then the batches are sent in order,
 * with a progress bar on stderr. A retry after a failure imports nothing twice (the authority's document number
 * identifies a record). Exit code 0: imported; 1: invalid rows; 2: usage or transport error.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadConfig } from '../lib/config.js';
import { issueToken } from '../lib/auth-tokens.js';

const BATCH = 500;

interface Problem {
  path: string;
  message: string;
}

function usage(message: string): never {
  console.error(`import-records: ${message}\nusage: npm run import -- <file.json> --as <staff user id> [--api URL]`);
  process.exit(2);
}

function progress(done: number, total: number, started: number): void {
  const width = 30;
  const filled = Math.round((done / total) * width);
  const seconds = (performance.now() - started) / 1000;
  const rate = seconds > 0 ? done / seconds : 0;
  process.stderr.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} records  ${rate.toFixed(0)}/s  `);
}

const { values, positionals } = parseArgs({ allowPositionals: true, options: { as: { type: 'string' }, api: { type: 'string' } } });
const file = positionals[0] ?? usage('no file given');
const userId = values.as ?? usage('--as <staff user id> is required (records are registered as that user’s authority)');
const config = loadConfig();
const api = values.api ?? `http://127.0.0.1:${config.PORT}`;
const token = await issueToken({ secret: config.AUTH_TOKEN_SECRET, issuer: config.AUTH_ISSUER, audience: config.AUTH_AUDIENCE }, { id: userId });

const parsed = JSON.parse(readFileSync(file, 'utf8')) as unknown;
const rows = Array.isArray(parsed) ? parsed : (parsed as { records?: unknown[] }).records;
if (!Array.isArray(rows) || rows.length === 0) usage(`${file} holds no records (a JSON array, or { "records": [...] })`);

async function send(batch: unknown[], dryRun: boolean): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(`${api}/records/batch${dryRun ? '?dryRun=true' : ''}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ records: batch }),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

const batches = Array.from({ length: Math.ceil(rows.length / BATCH) }, (_, i) => rows.slice(i * BATCH, (i + 1) * BATCH));

// 1. The whole file, validated before anything is written.
const problems: Problem[] = [];
for (const [n, batch] of batches.entries()) {
  const { status, body } = await send(batch, true);
  if (status === 422) {
    // Paths name the row within its batch: renumber them as rows of the file.
    for (const p of body.errors as Problem[]) problems.push({ ...p, path: p.path.replace(/^records\[(\d+)\]/, (_, i: string) => `[${n * BATCH + Number(i)}]`) });
  } else if (status !== 200) {
    console.error(`import-records: validation failed: ${status} ${JSON.stringify(body)}`);
    process.exit(2);
  }
}
if (problems.length > 0) {
  for (const p of problems) console.error(`${p.path}: ${p.message}`);
  console.error(`import-records: ${new Set(problems.map((p) => p.path.split('.')[0])).size} invalid rows in ${file}; nothing was imported`);
  process.exit(1);
}

// 2. The batches, in order.
const started = performance.now();
let done = 0;
let imported = 0;
let existing = 0;
progress(0, rows.length, started);
for (const batch of batches) {
  const { status, body } = await send(batch, false);
  if (status !== 200) {
    process.stderr.write('\n');
    console.error(`import-records: batch failed after ${done} records: ${status} ${JSON.stringify(body)} — run again to resume (nothing is imported twice)`);
    process.exit(2);
  }
  imported += body.imported as number;
  existing += body.existing as number;
  done += batch.length;
  progress(done, rows.length, started);
}
process.stderr.write('\n');
const seconds = (performance.now() - started) / 1000;
console.log(JSON.stringify({ file, records: rows.length, imported, existing, seconds: Number(seconds.toFixed(1)), perSecond: Number((rows.length / seconds).toFixed(1)) }));
