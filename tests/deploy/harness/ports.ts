import { createServer } from 'node:net';

/** Whether nothing listens on 127.0.0.1:port (binding it succeeds). */
export function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.unref();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/** A port the OS considers free on 127.0.0.1 now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/**
 * A base port such that every base+offset is free (the real Temporal server derives its service ports from its
 * frontend port). Random, so parallel test files rarely collide; every port stays in 20000–31999 (the server keeps
 * membership ports in a PostgreSQL smallint).
 */
export async function freePortBlock(offsets: number[]): Promise<number> {
  for (let tries = 0; tries < 50; tries++) {
    const base = 20_400 + Math.floor(Math.random() * 10_900);
    const free = await Promise.all(offsets.map((offset) => portFree(base + offset)));
    if (free.every(Boolean)) return base;
  }
  throw new Error('no free block of ports found');
}

/** Thrown by a probe of `until` to stop waiting at once (a process it waits for died). */
export class GiveUp extends Error {}

/** Polls `probe` until it returns a value (not undefined; a throw counts as not yet) or the time runs out. */
export async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs: number, intervalMs = 250): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (err) {
      if (err instanceof GiveUp) throw err;
      lastError = err;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${lastError ? `: ${String(lastError)}` : ''}`);
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
