import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../lib/config.js';
import { instanceSecretPath } from '../../lib/security/instance-secret.js';

const freshDir = () => mkdtempSync(join(tmpdir(), 'instance-'));

describe('the token secret of an installation (issue 8, item 1)', () => {
  it('generates a random secret on first start, keeps it private, and uses the same one afterwards', () => {
    const dir = freshDir();
    const first = loadConfig({ DATA_DIR: dir });
    expect(first.AUTH_TOKEN_SECRET.length).toBeGreaterThanOrEqual(60);
    expect(statSync(instanceSecretPath(dir)).mode & 0o777).toBe(0o600);
    expect(loadConfig({ DATA_DIR: dir }).AUTH_TOKEN_SECRET).toBe(first.AUTH_TOKEN_SECRET);
    expect(loadConfig({ DATA_DIR: freshDir() }).AUTH_TOKEN_SECRET).not.toBe(first.AUTH_TOKEN_SECRET);
  });

  it('refuses to start with a secret published in the repository or a short one, unless in test mode', () => {
    const published = 'local-development-secret-change-me-0123456789';
    expect(() => loadConfig({ AUTH_TOKEN_SECRET: published, DATA_DIR: freshDir() })).toThrow(/published/);
    expect(() => loadConfig({ AUTH_TOKEN_SECRET: 'too-short', NODE_ENV: 'production' })).toThrow(/shorter than 32/);
    expect(() => loadConfig({ AUTH_TOKEN_SECRET: 'a'.repeat(40) })).toThrow(/distinct characters/);
    expect(loadConfig({ AUTH_TOKEN_SECRET: published, NODE_ENV: 'test' }).AUTH_TOKEN_SECRET).toBe(published);
    const strong = 'q3Vt8nZ0rYw1LxK5pH7sJ2mC9dF4gB6aE0uI8oT3';
    expect(loadConfig({ AUTH_TOKEN_SECRET: strong, NODE_ENV: 'production' }).AUTH_TOKEN_SECRET).toBe(strong);
  });
});
