import { randomBytes } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** Secrets that were ever written in this repository (defaults, examples, test fixtures): never accepted outside tests. */
const PUBLISHED_SECRETS = new Set([
  'local-development-secret-change-me-0123456789',
  'test-secret-for-the-api-tests-0123456789abcdef',
  'another-secret-another-secret-0123456789',
  'change-me-to-a-random-secret-of-32-characters',
]);

export const MIN_SECRET_LENGTH = 32;

/** Why a secret must not sign tokens, or undefined when it may. */
export function weakSecretReason(secret: string): string | undefined {
  if (secret.length < MIN_SECRET_LENGTH) return `shorter than ${MIN_SECRET_LENGTH} characters`;
  if (PUBLISHED_SECRETS.has(secret)) return 'a value published in this repository';
  if (/change-?me|^(secret|password)/i.test(secret)) return 'a placeholder, not a random secret';
  if (new Set(secret).size < 10) return 'too few distinct characters to be random';
  return undefined;
}

/** Where a fresh installation keeps the secret it generated for itself. */
export function instanceSecretPath(dataDir: string): string {
  return join(dataDir, 'secrets', 'auth-token-secret');
}

/**
 * The installation's own token secret: read from its data directory, or generated there (48 random bytes, file mode
 * 0600) on first start. Several processes starting at once agree: the file appears whole (written aside, then linked
 * into place, which fails if it exists) and only the first link wins.
 */
export function loadOrCreateInstanceSecret(dataDir: string): string {
  const path = instanceSecretPath(dataDir);
  try {
    return readFileSync(path, 'utf8').trim();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  const aside = `${path}.${process.pid}.${randomBytes(4).toString('hex')}`;
  writeFileSync(aside, `${randomBytes(48).toString('base64url')}\n`, { flag: 'wx', mode: 0o600 });
  try {
    linkSync(aside, path);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  } finally {
    unlinkSync(aside);
  }
  return readFileSync(path, 'utf8').trim();
}
