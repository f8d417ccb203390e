/** Compressed time is a test and demonstration setting of the worker: a production configuration refuses it. */
import { describe, expect, it } from 'vitest';
import { loadConfig, timeScaleOf } from '../../lib/config.js';

const SECRET = 'a-deployment-secret-of-at-least-32-characters';

describe('TIME_SCALE_* configuration', () => {
  it('is real time unless set; a test or demonstration sets seconds per working day and per month', () => {
    expect(timeScaleOf(loadConfig({ AUTH_TOKEN_SECRET: SECRET }))).toEqual({ secondsPerWorkingDay: undefined, secondsPerMonth: undefined });
    const scaled = loadConfig({ AUTH_TOKEN_SECRET: SECRET, NODE_ENV: 'test', TIME_SCALE_SECONDS_PER_WORKING_DAY: '60', TIME_SCALE_SECONDS_PER_MONTH: '0.5' });
    expect(timeScaleOf(scaled)).toEqual({ secondsPerWorkingDay: 60, secondsPerMonth: 0.5 });
    // Empty (as in .env.example and docker-compose.yml) is unset.
    expect(timeScaleOf(loadConfig({ AUTH_TOKEN_SECRET: SECRET, TIME_SCALE_SECONDS_PER_WORKING_DAY: '', TIME_SCALE_SECONDS_PER_MONTH: '' }))).toEqual({
      secondsPerWorkingDay: undefined,
      secondsPerMonth: undefined,
    });
  });

  it('refuses nonsense values', () => {
    expect(() => loadConfig({ AUTH_TOKEN_SECRET: SECRET, TIME_SCALE_SECONDS_PER_WORKING_DAY: '0' })).toThrow(/TIME_SCALE_SECONDS_PER_WORKING_DAY/);
    expect(() => loadConfig({ AUTH_TOKEN_SECRET: SECRET, TIME_SCALE_SECONDS_PER_MONTH: 'fast' })).toThrow(/TIME_SCALE_SECONDS_PER_MONTH/);
  });

  it('a production configuration refuses either setting, naming it', () => {
    const production = { AUTH_TOKEN_SECRET: SECRET, NODE_ENV: 'production' };
    expect(() => loadConfig({ ...production, TIME_SCALE_SECONDS_PER_WORKING_DAY: '60' })).toThrow(/TIME_SCALE_SECONDS_PER_WORKING_DAY .*NODE_ENV=production/);
    expect(() => loadConfig({ ...production, TIME_SCALE_SECONDS_PER_MONTH: '3600' })).toThrow(/TIME_SCALE_SECONDS_PER_MONTH .*NODE_ENV=production/);
    expect(loadConfig(production).NODE_ENV).toBe('production');
  });
});
