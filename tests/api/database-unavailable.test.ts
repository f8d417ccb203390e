/**
 * A database that is busy or out of reach is the server's trouble, not the caller's and not a bug: the answer is a
 * 503 with Retry-After (a retry with the same Idempotency-Key is then safe), never a bare 500.
 */
import { describe, expect, it } from 'vitest';
import { toAppError } from '../../api/errors/error-middleware.js';
import { ErrorCode } from '../../lib/app-error.js';
import { createPrismaClient } from '../../lib/prisma.js';
import { getTestEnv } from '../support/test-env.js';

const env = await getTestEnv();

describe('database errors that a retry can overcome', () => {
  it('an interactive transaction that ran out of time (P2028) is UNAVAILABLE', async () => {
    const error = await env.prisma
      .$transaction(
        async (tx) => {
          await new Promise((resolve) => setTimeout(resolve, 200));
          await tx.user.count();
        },
        { timeout: 50 },
      )
      .catch((err: unknown) => err);
    expect(error).toBeInstanceOf(Error);
    expect(toAppError(error).code).toBe(ErrorCode.UNAVAILABLE);
  });

  it('a database server that does not answer is UNAVAILABLE', async () => {
    const url = new URL(env.databaseUrl);
    url.port = '9'; // discard: nothing listens there
    const unreachable = createPrismaClient(url.toString());
    try {
      const error = await unreachable.user.count().catch((err: unknown) => err);
      expect(error).toBeInstanceOf(Error);
      expect(toAppError(error).code).toBe(ErrorCode.UNAVAILABLE);
    } finally {
      await unreachable.$disconnect();
    }
  });

  it('any other unexpected error stays INTERNAL', () => {
    expect(toAppError(new Error('boom')).code).toBe(ErrorCode.INTERNAL);
  });
});
