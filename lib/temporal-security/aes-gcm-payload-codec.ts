import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { type Payload, type PayloadCodec, ValueError } from '@temporalio/common';
import proto from '@temporalio/proto';
import type { PayloadKey } from './temporal-keys.js';

/** Encoding of an encrypted payload (the name Temporal's encryption samples use). */
export const ENCRYPTED_ENCODING = 'binary/encrypted';
export const KEY_ID_METADATA = 'encryption-key-id';

// A CommonJS module: Node's ESM loader sees only its default export.
const { Payload: PayloadMessage } = proto.temporal.api.common.v1;

const IV_BYTES = 12;
const TAG_BYTES = 16;

const text = (bytes: Uint8Array | null | undefined): string | undefined => (bytes ? Buffer.from(bytes).toString('utf8') : undefined);

/**
 * Payload codec of the API's and the worker's Temporal clients: every payload (workflow inputs, update arguments and
 * results, activity inputs, signals, queries, memos) is stored in Temporal as AES-256-GCM ciphertext of the whole
 * serialized payload, with the key's id in its metadata. Payloads without that encoding (histories written before
 * the codec) pass through unchanged. Search attributes and headers are not payloads of the codec: they stay readable.
 */
export class AesGcmPayloadCodec implements PayloadCodec {
  private readonly keys: ReadonlyMap<string, Buffer>;

  /** Encrypts with `current`; decrypts with it or any of `previous` (after a key change). */
  constructor(
    private readonly current: PayloadKey,
    previous: readonly PayloadKey[] = [],
  ) {
    this.keys = new Map([current, ...previous].map(({ keyId, key }) => [keyId, key]));
  }

  async encode(payloads: Payload[]): Promise<Payload[]> {
    return payloads.map((payload) => {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', this.current.key, iv);
      cipher.setAAD(Buffer.from(this.current.keyId));
      const plaintext = PayloadMessage.encode(payload).finish();
      const data = Buffer.concat([iv, cipher.update(plaintext), cipher.final(), cipher.getAuthTag()]);
      return {
        metadata: { encoding: Buffer.from(ENCRYPTED_ENCODING), [KEY_ID_METADATA]: Buffer.from(this.current.keyId) },
        data,
      };
    });
  }

  async decode(payloads: Payload[]): Promise<Payload[]> {
    return payloads.map((payload) => {
      if (text(payload.metadata?.encoding) !== ENCRYPTED_ENCODING) return payload;
      const keyId = text(payload.metadata?.[KEY_ID_METADATA]);
      const key = keyId ? this.keys.get(keyId) : undefined;
      if (!keyId || !key) throw new ValueError(`No payload key with id ${keyId ?? '(none)'} is configured`);
      const data = Buffer.from(payload.data ?? new Uint8Array());
      if (data.length < IV_BYTES + TAG_BYTES) throw new ValueError('Encrypted payload is truncated');
      const decipher = createDecipheriv('aes-256-gcm', key, data.subarray(0, IV_BYTES));
      decipher.setAAD(Buffer.from(keyId));
      decipher.setAuthTag(data.subarray(data.length - TAG_BYTES));
      const plaintext = Buffer.concat([decipher.update(data.subarray(IV_BYTES, data.length - TAG_BYTES)), decipher.final()]);
      return PayloadMessage.decode(plaintext);
    });
  }
}
