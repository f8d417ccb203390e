import { describe, expect, inject, it } from 'vitest';
import { dropAbandonedTestDatabases } from '../support/abandoned-test-databases.js';
import { testDatabaseUrl } from '../support/global-setup.js';
import { createDatabase } from './database-admin.js';

describe('the test database of a run', () => {
  it('is a database of its own per run by default, on the server of DATABASE_URL, so two runs on one server do not clash', () => {
    const env = { DATABASE_URL: 'postgresql://someone@db.example:5433/credit_engine' };
    const first = testDatabaseUrl(env);
    const second = testDatabaseUrl(env);
    expect(first.url).toMatch(/^postgresql:\/\/someone@db\.example:5433\/credit_engine_test_\d+_[0-9a-f]{8}$/);
    expect(second.url).not.toBe(first.url);
    expect(first.owned).toBe(true);
  });

  it('is TEST_DATABASE_URL when it is set, and then not the run’s to drop', () => {
    const url = 'postgresql://postgres@127.0.0.1:5432/my_tests';
    expect(testDatabaseUrl({ TEST_DATABASE_URL: url, DATABASE_URL: 'postgresql://x@y/z' })).toEqual({ url, owned: false });
  });
});

describe('databases of killed test runs', () => {
  it('are dropped when their process is gone; a live run’s, a derived one of a live run and other databases stay', async () => {
    const server = inject('databaseUrl');
    const deadPid = 999_999_001;
    const livePid = 999_999_002;
    const names = {
      dead: `credit_engine_test_${deadPid}_deadbeef`,
      deadDerived: `credit_engine_test_${deadPid}_deadbeef_plans`,
      live: `credit_engine_test_${livePid}_cafebabe`,
      other: `credit_engine_testish_${deadPid}`,
    };
    for (const name of Object.values(names)) await createDatabase(server, name);
    const isAlive = (pid: number) => pid !== deadPid;
    try {
      const dropped = await dropAbandonedTestDatabases(server, isAlive);
      expect(dropped.sort()).toEqual([names.dead, names.deadDerived].sort());
      expect(await dropAbandonedTestDatabases(server, isAlive)).toEqual([]);
    } finally {
      for (const name of Object.values(names)) await createDatabase(server, name, { drop: true });
    }
  });

  it('are left alone on a server of another host, where a pid means nothing', async () => {
    expect(await dropAbandonedTestDatabases('postgresql://postgres@db.example:5432/x', () => false)).toEqual([]);
  });
});
