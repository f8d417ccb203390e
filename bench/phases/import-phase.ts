/**
 * Import rate: a file of records with a realistic spread (many subjects with a few records each, and one subject
 * with many) imported by the product's own command (`npm run import`), then the time until every lifecycle has
 * reported to its subject's eligibility workflow, and the worker's memory with all of them open (each waits on its
 * publication and sanction timers).
 */
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { parseDatabaseUrl } from '../../lib/database-url.js';

export interface ImportPhaseResult {
  records: number;
  subjects: number;
  hotSubjectRecords: number;
  commandSeconds: number;
  settledRecords: number;
  settleSeconds: number;
  hotSettleSeconds: number | null;
}

const HOT = 'bench-imp-hot';

export async function importPhase(options: { databaseUrl: string; apiUrl: string; env: NodeJS.ProcessEnv; dir: string; records: number; settleTimeoutS: number }): Promise<ImportPhaseResult> {
  const { records } = options;
  // One record in 50 is the hot subject's (200 of 10,000), spread through the file as they would arrive.
  const hot = Math.ceil(records / 50);
  const subjects = Math.max(1, Math.floor((records - hot) / 4));
  const sql = new pg.Client(parseDatabaseUrl(options.databaseUrl));
  await sql.connect();
  try {
    await sql.query(
      `INSERT INTO "Subject" ("id", "kind", "name") SELECT 'bench-imp-' || g, 'GOVERNMENT_BODY'::"SubjectKind", 'import subject ' || g FROM generate_series(1, $1::int) g
       UNION ALL SELECT $2, 'GOVERNMENT_BODY'::"SubjectKind", 'import subject (many records)'`,
      [subjects, HOT],
    );
    const rows = Array.from({ length: records }, (_, i) => ({
      subjectId: i % 50 === 0 ? HOT : `bench-imp-${(i % subjects) + 1}`,
      source: 'COURT_JUDGMENT',
      documentNumber: `（2026）导入${i}号`,
      severity: 'GENERAL',
      policyArea: 'OTHER',
      decisionDate: '2026-03-02',
      facts: { title: '导入记录', summary: `national platform record ${i}` },
      rectificationRequired: false,
    }));
    const file = join(options.dir, 'import.json');
    writeFileSync(file, JSON.stringify(rows));

    const started = performance.now();
    await new Promise<void>((resolve, reject) => {
      const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/import-records.ts', file, '--as', 'reviewer-1', '--api', options.apiUrl], {
        env: { ...process.env, ...options.env },
        stdio: ['ignore', 'ignore', 'inherit'],
      });
      child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`npm run import exited ${code}`))));
    });
    const commandSeconds = (performance.now() - started) / 1000;

    // Settled: every imported record is among its subject's eligibility blockers (its lifecycle has reported).
    const blockers = async (where: string, params: unknown[]) =>
      Number((await sql.query(`SELECT coalesce(sum(jsonb_array_length("blockers")), 0) AS n FROM "SubjectEligibility" WHERE ${where}`, params)).rows[0].n);
    let settledRecords = 0;
    let hotSettleSeconds: number | null = null;
    const deadline = performance.now() + options.settleTimeoutS * 1000;
    while (performance.now() < deadline) {
      settledRecords = await blockers(`"subjectId" LIKE 'bench-imp-%'`, []);
      if (hotSettleSeconds === null && (await blockers(`"subjectId" = $1`, [HOT])) >= hot) hotSettleSeconds = (performance.now() - started) / 1000;
      if (settledRecords >= records) break;
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
    return { records, subjects: subjects + 1, hotSubjectRecords: hot, commandSeconds, settledRecords, settleSeconds: (performance.now() - started) / 1000, hotSettleSeconds };
  } finally {
    await sql.end();
  }
}
