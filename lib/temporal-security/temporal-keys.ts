import { createHash, hkdfSync } from 'node:crypto';
import { ed25519 } from '@noble/curves/ed25519.js';
import { bytesToHex } from '@noble/hashes/utils.js';

/** The keys that protect what the product keeps in Temporal. */
export interface TemporalKeys {
  /** AES-256-GCM key of the payload codec; its id (not secret) is written into each encrypted payload. */
  payload: PayloadKey;
  /** Keys used before a key change: they still decrypt the payloads they wrote. */
  previousPayloadKeys: PayloadKey[];
  /** Ed25519 key with which the API and the worker sign the updates and signals they send to workflows. */
  signing: { secretKey: Uint8Array; publicKeyHex: string };
  /** Public keys of earlier signing keys: replayed histories hold signals they signed. */
  previousPublicKeysHex: string[];
}

export interface PayloadKey {
  keyId: string;
  key: Buffer;
}

export interface TemporalKeySettings {
  /** AUTH_TOKEN_SECRET: the installation's secret, from which unset keys are derived. */
  installationSecret: string;
  /** TEMPORAL_PAYLOAD_KEY: 32 bytes, base64. */
  payloadKey?: string | undefined;
  /** TEMPORAL_ACTOR_SIGNING_KEY: a 32-byte Ed25519 seed, base64. */
  actorSigningKey?: string | undefined;
  /** TEMPORAL_PAYLOAD_PREVIOUS_KEYS: earlier payload keys (base64, comma-separated), for decryption only. */
  previousPayloadKeys?: string | undefined;
  /** TEMPORAL_ACTOR_PREVIOUS_PUBLIC_KEYS: public keys (hex, comma-separated) of earlier signing keys. */
  previousPublicKeys?: string | undefined;
}

const KEY_BYTES = 32;

/** Decodes a configured 32-byte key; undefined when it is not exactly 32 bytes of base64. */
export function decodeKey(value: string): Buffer | undefined {
  const bytes = Buffer.from(value, 'base64');
  return bytes.length === KEY_BYTES && bytes.toString('base64').replace(/=+$/, '') === value.replace(/=+$/, '') ? bytes : undefined;
}

/** HKDF-SHA256 from the installation secret: each purpose has its own key, and none reveals the secret or another. */
function derive(secret: string, purpose: string): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, 'credit-engine/temporal', purpose, KEY_BYTES));
}

function configured(value: string | undefined, name: string): Buffer | undefined {
  if (!value) return undefined;
  const key = decodeKey(value);
  if (!key) throw new Error(`${name} must be 32 bytes in base64 (e.g. openssl rand -base64 32)`);
  return key;
}

/**
 * The payload and signing keys: the configured ones, else derived from the installation secret, so an installation
 * without them is still protected and API and worker (which share that secret) agree on the keys.
 */
export function deriveTemporalKeys(settings: TemporalKeySettings): TemporalKeys {
  const payloadKey = configured(settings.payloadKey, 'TEMPORAL_PAYLOAD_KEY') ?? derive(settings.installationSecret, 'payload-key/v1');
  const seed = configured(settings.actorSigningKey, 'TEMPORAL_ACTOR_SIGNING_KEY') ?? derive(settings.installationSecret, 'actor-signing-key/v1');
  const secretKey = new Uint8Array(seed);
  return {
    payload: payloadKeyOf(payloadKey),
    previousPayloadKeys: list(settings.previousPayloadKeys).map((value) => payloadKeyOf(configured(value, 'TEMPORAL_PAYLOAD_PREVIOUS_KEYS')!)),
    signing: { secretKey, publicKeyHex: bytesToHex(ed25519.getPublicKey(secretKey)) },
    previousPublicKeysHex: list(settings.previousPublicKeys).map((hex) => {
      if (!/^[0-9a-f]{64}$/i.test(hex)) throw new Error('TEMPORAL_ACTOR_PREVIOUS_PUBLIC_KEYS must be 32-byte public keys in hex');
      return hex.toLowerCase();
    }),
  };
}

const list = (value: string | undefined): string[] => (value ?? '').split(',').map((item) => item.trim()).filter(Boolean);

function payloadKeyOf(key: Buffer): PayloadKey {
  return { keyId: createHash('sha256').update(key).digest('hex').slice(0, 16), key };
}
