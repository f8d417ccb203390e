import type { Readable } from 'node:stream';

/**
 * Where file contents live, addressed by keys the product generates (never a user's file name). The local-disk store
 * implements it; an S3-compatible store can implement it the same way (put = PutObject, get = GetObject's body).
 */
export interface FileStore {
  /** Stores the content under the key, completely or not at all. */
  put(key: string, content: Buffer | Readable): Promise<void>;
  /** The stored content; rejects with FileNotFoundError when the key holds nothing. */
  get(key: string): Promise<Readable>;
  /** Removes the content (a no-op when there is none). */
  delete?(key: string): Promise<void>;
}

export class FileNotFoundError extends Error {
  constructor(readonly key: string) {
    super(`No stored file under key ${key}`);
    this.name = 'FileNotFoundError';
  }
}

/** Keys are lower-case path segments of letters, digits, '-' and '_' separated by '/': nothing a path can escape with. */
const KEY = /^[a-z0-9_-]+(\/[a-z0-9_-]+)*$/;

export function assertValidKey(key: string): void {
  if (!KEY.test(key) || key.length > 200) throw new Error(`Invalid file store key: ${JSON.stringify(key)}`);
}
