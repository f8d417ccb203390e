/**
 * Seeds a large, realistic set of list rows in a few seconds with generate_series (no per-row round trips), for the
 * EXPLAIN test of the lists and the benchmark's list latency: authorities with many cases each, many subjects with a
 * few records each, one objection per record (one in ten open), and fewer rectifications and repair applications.
 */
import pg from 'pg';
import { parseDatabaseUrl } from '../../lib/database-url.js';

export interface LargeListSeedOptions {
  /** Objections (and records: one each). */
  cases: number;
  authorities?: number;
  subjects?: number;
  /** Rectifications and repair applications (each on its own record). */
  otherCases?: number;
  /** Prefix of every id, so a seed never collides with other rows. */
  prefix: string;
}

export interface LargeListSeed {
  authorityIds: string[];
  subjectIds: string[];
}

export async function seedLargeLists(databaseUrl: string, options: LargeListSeedOptions): Promise<LargeListSeed> {
  const { cases, prefix } = options;
  const authorities = options.authorities ?? 50;
  const subjects = options.subjects ?? Math.max(1, Math.floor(cases / 4));
  const others = Math.min(options.otherCases ?? Math.floor(cases / 5), cases);
  const client = new pg.Client(parseDatabaseUrl(databaseUrl));
  await client.connect();
  try {
    const params = [prefix, authorities, subjects, cases, others];
    await client.query('BEGIN');
    await client.query(
      `INSERT INTO "Authority" ("id", "name", "creditCode")
       SELECT $1 || 'auth-' || g, 'authority ' || g, $1 || 'cc-' || g FROM generate_series(1, $2::int) g`,
      params.slice(0, 2),
    );
    await client.query(
      `INSERT INTO "Subject" ("id", "kind", "name")
       SELECT $1 || 'sub-' || g, 'GOVERNMENT_BODY', 'subject ' || g FROM generate_series(1, $2::int) g`,
      [prefix, subjects],
    );
    // Record g belongs to subject g mod S and authority g mod A; decision dates spread over six years.
    await client.query(
      `INSERT INTO "DishonestyRecord" ("id", "subjectId", "authorityId", "source", "documentNumber", "severity", "policyArea",
         "facts", "decisionDate", "publishedFrom", "updatedAt")
       SELECT $1 || 'rec-' || g, $1 || 'sub-' || (g % $3::int + 1), $1 || 'auth-' || (g % $2::int + 1), 'COURT_JUDGMENT',
         $1 || 'doc-' || g, 'GENERAL', 'OTHER', '{}', date '2020-01-01' + (g % 2190), date '2020-01-01' + (g % 2190), now()
       FROM generate_series(1, $4::int + $5::int) g`,
      params,
    );
    // Objection g on record g, filed every 5 minutes since 2025-01-01; one in ten open (FILED or UNDER_VERIFICATION).
    await client.query(
      `INSERT INTO "Objection" ("id", "workflowId", "recordId", "subjectId", "authorityId", "applicantId", "grounds", "statement",
         "evidence", "status", "dueAt", "policyId", "policyVersion", "policy", "filedAt", "closedAt", "updatedAt")
       SELECT $1 || 'obj-' || g, 'objection-' || $1 || 'obj-' || g, $1 || 'rec-' || g, $1 || 'sub-' || (g % $3::int + 1),
         $1 || 'auth-' || (g % $2::int + 1), 'applicant', 'INACCURATE_OR_INCOMPLETE', 'seeded', '[]',
         CASE g % 10 WHEN 0 THEN 'FILED' WHEN 1 THEN 'UNDER_VERIFICATION' ELSE 'DECIDED' END,
         timestamp '2025-01-01' + g * interval '5 minutes' + interval '7 days', 'objection-default@1', 1, '{}',
         timestamp '2025-01-01' + g * interval '5 minutes',
         CASE WHEN g % 10 < 2 THEN NULL ELSE timestamp '2025-01-01' + g * interval '5 minutes' + interval '3 days' END, now()
       FROM generate_series(1, $4::int) g`,
      params.slice(0, 4),
    );
    // Rectifications and repair applications on the records after the objections' (one each per record).
    await client.query(
      `INSERT INTO "Rectification" ("id", "workflowId", "recordId", "subjectId", "authorityId", "status", "policyId",
         "policyVersion", "policy", "openedAt", "updatedAt")
       SELECT $1 || 'rect-' || g, 'rectification-' || $1 || 'rect-' || g, $1 || 'rec-' || ($4::int + g),
         $1 || 'sub-' || (($4::int + g) % $3::int + 1), $1 || 'auth-' || (($4::int + g) % $2::int + 1),
         CASE g % 5 WHEN 0 THEN 'RECTIFYING' ELSE 'RECTIFIED' END, 'rectification-default@1', 1, '{}',
         timestamp '2025-01-01' + g * interval '11 minutes', now()
       FROM generate_series(1, $5::int) g`,
      params,
    );
    await client.query(
      `INSERT INTO "RepairApplication" ("id", "workflowId", "recordId", "subjectId", "authorityId", "applicantId", "status",
         "materials", "policyId", "policyVersion", "policy", "filedAt", "updatedAt")
       SELECT $1 || 'rep-' || g, 'repair-' || $1 || 'rep-' || g, $1 || 'rec-' || ($4::int + g),
         $1 || 'sub-' || (($4::int + g) % $3::int + 1), $1 || 'auth-' || (($4::int + g) % $2::int + 1), 'applicant',
         CASE g % 5 WHEN 0 THEN 'UNDER_REVIEW' ELSE 'APPROVED' END, '[]', 'repair-default@1', 1, '{}',
         timestamp '2025-01-01' + g * interval '13 minutes', now()
       FROM generate_series(1, $5::int) g`,
      params,
    );
    await client.query('COMMIT');
    // VACUUM as autovacuum would: it also moves the rows out of the trigram (GIN) indexes' pending lists.
    // With the largest statistics target ANALYZE samples up to 3,000,000 rows: every row of a seeded table, so the
    // statistics, and the plans the tests check, are the same on every run (a 30,000-row sample of 50,000 rows
    // flipped the inbox search to a hash join over a sequential scan in one CI run out of many).
    await client.query('SET default_statistics_target = 10000');
    await client.query('VACUUM ANALYZE "Authority", "Subject", "DishonestyRecord", "Objection", "Rectification", "RepairApplication"');
    await client.query('RESET default_statistics_target');
  } catch (err) {
    await client.query('ROLLBACK').catch(() => {});
    throw err;
  } finally {
    await client.end();
  }
  return {
    authorityIds: Array.from({ length: authorities }, (_, i) => `${prefix}auth-${i + 1}`),
    subjectIds: Array.from({ length: Math.min(subjects, 10) }, (_, i) => `${prefix}sub-${i + 1}`),
  };
}
