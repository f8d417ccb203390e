import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, open, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { assertValidKey, FileNotFoundError, type FileStore } from './file-store.js';

/**
 * A FileStore on a local directory. A put writes a temporary file beside the target and renames it into place, so a
 * reader never sees half a file and a failed write leaves nothing under the key.
 */
export function createLocalDiskFileStore(directory: string): FileStore {
  const root = resolve(directory);
  const pathOf = (key: string) => {
    assertValidKey(key);
    return join(root, ...key.split('/'));
  };

  return {
    async put(key, content) {
      const target = pathOf(key);
      await mkdir(dirname(target), { recursive: true });
      const temporary = `${target}.${randomBytes(6).toString('hex')}.tmp`;
      try {
        if (Buffer.isBuffer(content)) await writeFile(temporary, content, { flag: 'wx' });
        else await pipeline(content, createWriteStream(temporary, { flags: 'wx' }));
        await rename(temporary, target);
      } catch (err) {
        await rm(temporary, { force: true });
        throw err;
      }
    },

    async get(key) {
      const path = pathOf(key);
      try {
        // Opened first, so a missing file is an error here rather than on the stream after the answer started.
        const handle = await open(path, 'r');
        return handle.createReadStream();
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw new FileNotFoundError(key);
        throw err;
      }
    },

    async delete(key) {
      await rm(pathOf(key), { force: true });
    },
  };
}
