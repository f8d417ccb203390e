import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Temporal's native bridge (NativeConnection, Worker) does not like worker threads.
    pool: 'forks',
    fileParallelism: true,
    // 2-core machines: two test files at a time next to the Temporal dev server and PostgreSQL.
    maxWorkers: 2,
    // One Temporal dev server and one reset test database for the whole run. globalSetup is not bound by
    // hookTimeout (vitest awaits it without a limit), so a first-time Temporal CLI build does not time out there.
    globalSetup: ['tests/support/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
  },
});
