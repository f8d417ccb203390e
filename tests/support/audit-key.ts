import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadOrCreateSigningKey, type AuditSigningKey } from '../../lib/audit/checkpoint/signing-key.js';

/**
 * The audit-checkpoint key of the test run: one file shared by every test file (the newest checkpoint in the shared
 * test database is checked by every app, so all must sign and verify with the same key).
 */
export const TEST_AUDIT_KEY_FILE = join(tmpdir(), 'credit-engine-test-keys', 'audit-signing-key.pem');

export function testAuditKey(): AuditSigningKey {
  return loadOrCreateSigningKey(TEST_AUDIT_KEY_FILE);
}
