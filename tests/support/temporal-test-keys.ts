import { deriveTemporalKeys } from '../../lib/temporal-security/temporal-keys.js';

/**
 * The payload and signing keys of the test run: the bundle (global-setup.ts) verifies with this public key, the test
 * clients and workers (test-env.ts) sign and encrypt with these keys, as API and worker do in the product.
 */
export const TEST_TEMPORAL_KEYS = deriveTemporalKeys({ installationSecret: 'test-installation-secret-for-temporal-0123456789' });
