import { defineConfig } from 'vitest/config';

/**
 * The fast layer (`npm run test:unit`): pure unit tests of the domain, of the workflow building blocks and of the
 * activities' pure parts. No Temporal server, no database, no globalSetup: it runs in seconds. The same files also
 * run in `npm test` (vitest.config.ts includes every test).
 */
export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/domain/**/*.test.ts'],
    // The activity tests load @temporalio/activity, whose native parts do not like worker threads either.
    pool: 'forks',
    testTimeout: 10_000,
  },
});
