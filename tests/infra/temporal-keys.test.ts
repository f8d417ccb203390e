import { describe, expect, it } from 'vitest';
import { loadConfig, temporalKeysOf } from '../../lib/config.js';
import { deriveTemporalKeys } from '../../lib/temporal-security/temporal-keys.js';

const SECRET = 'an-installation-secret-of-enough-length-0123456789';

describe('keys of the Temporal payload codec and of signed actions', () => {
  it('are derived from the installation secret when unset: stable, different per purpose and per secret', () => {
    const a = deriveTemporalKeys({ installationSecret: SECRET });
    const again = deriveTemporalKeys({ installationSecret: SECRET });
    const other = deriveTemporalKeys({ installationSecret: `${SECRET}-other` });
    expect(a.payload.key.equals(again.payload.key)).toBe(true);
    expect(a.signing.publicKeyHex).toBe(again.signing.publicKeyHex);
    expect(Buffer.from(a.signing.secretKey).equals(a.payload.key)).toBe(false);
    expect(a.payload.key.equals(other.payload.key)).toBe(false);
    expect(a.signing.publicKeyHex).not.toBe(other.signing.publicKeyHex);
    expect(a.payload.keyId).toMatch(/^[0-9a-f]{16}$/);
  });

  it('configured keys replace the derived ones; a key that is not 32 bytes of base64 stops start-up', () => {
    const key = Buffer.alloc(32, 7).toString('base64');
    const keys = temporalKeysOf(loadConfig({ AUTH_TOKEN_SECRET: SECRET, TEMPORAL_PAYLOAD_KEY: key, TEMPORAL_ACTOR_SIGNING_KEY: key }));
    expect(keys.payload.key.toString('base64')).toBe(key);
    expect(Buffer.from(keys.signing.secretKey).toString('base64')).toBe(key);
    expect(() => loadConfig({ AUTH_TOKEN_SECRET: SECRET, TEMPORAL_PAYLOAD_KEY: 'c2hvcnQ=' })).toThrow(/TEMPORAL_PAYLOAD_KEY/);
    expect(() => temporalKeysOf(loadConfig({ AUTH_TOKEN_SECRET: SECRET, TEMPORAL_ACTOR_PREVIOUS_PUBLIC_KEYS: 'xyz' }))).toThrow(/PREVIOUS_PUBLIC_KEYS/);
  });
});
