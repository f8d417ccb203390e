/** The worker as deployed (its own process) refuses compressed time in production before it connects anywhere. */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SECRET = 'a-deployment-secret-of-at-least-32-characters';
const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

describe('the worker and TIME_SCALE_* in production', () => {
  it('the worker process refuses to start with compressed time in production, with that message', () => {
    const started = spawnSync(process.execPath, ['--import', 'tsx', 'worker/main.ts'], {
      cwd: repoRoot,
      // An address nothing listens on: the worker must stop before it connects anywhere.
      env: { ...process.env, NODE_ENV: 'production', AUTH_TOKEN_SECRET: SECRET, TIME_SCALE_SECONDS_PER_WORKING_DAY: '60', TEMPORAL_ADDRESS: '127.0.0.1:9', DATABASE_URL: 'postgresql://nobody@127.0.0.1:9/none' },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(started.status).not.toBe(0);
    expect(started.stderr).toMatch(/TIME_SCALE_SECONDS_PER_WORKING_DAY compress every deadline .* refuses them/);
  }, 40_000);
});
