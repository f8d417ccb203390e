import { describe, expect, it } from 'vitest';
import { testDatabaseUrl } from '../support/global-setup.js';

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
