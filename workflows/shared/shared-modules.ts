/**
 * Preloaded once per workflow thread (lib/temporal-security/workflow-bundle.ts, SHARED_WORKFLOW_MODULES): the
 * modules imported here are evaluated before any workflow exists, then deep-frozen by the SDK and shared by every
 * workflow of the reusable V8 context. noble keeps no per-workflow state, and its lazily built tables live in
 * WeakMaps, which freezing leaves writable. zod could not be shared: it writes lazily into its own module objects
 * (its default locale, its eval check), which a frozen shared copy refuses; the bundle no longer carries it at all
 * (tests/workflows/shared-workflow-modules.test.ts). A bare `require('@noble/…')` would not do:
 * the bundler drops it, because the package declares `sideEffects: false`; the references below keep it.
 */
import { ed25519 } from '@noble/curves/ed25519.js';
import { bytesToHex, hexToBytes, utf8ToBytes } from '@noble/hashes/utils.js';

export const SHARED_MODULES = [ed25519, bytesToHex, hexToBytes, utf8ToBytes] as const;
