/**
 * "At most one open objection / repair per record" is a partial unique index whose predicate lists the closed
 * statuses in SQL. It must list exactly the statuses the code treats as closed, or a case closed by a newer status
 * (RECORD_ENDED was the one that drifted) would block every later case on its record.
 */
import { describe, expect, it } from 'vitest';
import { CLOSED_OBJECTION_STATUSES } from '../../domain/objection/objection-types.js';
import { CLOSED_REPAIR_STATUSES } from '../../workflows/repair/repair-contract.js';
import { getTestEnv } from '../support/test-env.js';

const env = await getTestEnv();

async function closedStatusesOfIndex(name: string): Promise<string[]> {
  const rows = await env.prisma.$queryRaw<{ indexdef: string }[]>`SELECT indexdef FROM pg_indexes WHERE indexname = ${name}`;
  expect(rows).toHaveLength(1);
  // PostgreSQL prints `NOT IN (...)` back as `<> ALL (ARRAY[...])`: the quoted statuses after WHERE are the list.
  const predicate = rows[0]!.indexdef.split(' WHERE ')[1];
  expect(predicate, rows[0]!.indexdef).toMatch(/<> ALL|NOT IN/);
  return [...predicate!.matchAll(/'([A-Z_]+)'/g)].map((m) => m[1]!).sort();
}

describe('one open case per record: the index and the code agree on what is closed', () => {
  it('objections', async () => {
    expect(await closedStatusesOfIndex('Objection_one_open_per_record')).toEqual([...CLOSED_OBJECTION_STATUSES].sort());
  });

  it('repair applications', async () => {
    expect(await closedStatusesOfIndex('RepairApplication_one_open_per_record')).toEqual([...CLOSED_REPAIR_STATUSES].sort());
  });
});
