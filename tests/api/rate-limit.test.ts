import request from 'supertest';
import type { Express } from 'express';
import { beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestApp } from '../support/api-harness.js';
import { createObjectionWorld, type ObjectionWorld } from '../support/objection-fixtures.js';
import { getTestEnv, uniqueId } from '../support/test-env.js';

const env = await getTestEnv();
const LIMIT = 5;
let world: ObjectionWorld;

beforeAll(async () => {
  world = await createObjectionWorld(env.prisma);
});

/** A fresh app (fresh counters) with a small limit. */
function limitedApp(): Promise<Express> {
  return createTestApp({ taskQueue: uniqueId('rate-limit'), rateLimitPerMinute: LIMIT });
}

function expectTooMany(res: request.Response) {
  expect(res.status).toBe(429);
  expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
  expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
  expect(res.body).toMatchObject({ status: 429, title: 'Too many requests', type: expect.stringMatching(/rate-limited$/) });
}

describe('rate limits per actor', () => {
  it('answers a burst over the limit with a 429 problem and Retry-After, per actor', async () => {
    const app = await limitedApp();
    const token = await bearer(world.actors.reviewer);
    const burst = await Promise.all(Array.from({ length: LIMIT + 3 }, () => request(app).get('/me').set('Authorization', token)));
    expect(burst.filter((r) => r.status === 200)).toHaveLength(LIMIT);
    const refused = burst.filter((r) => r.status === 429);
    expect(refused).toHaveLength(3);
    refused.forEach(expectTooMany);
    // Another person has a budget of their own, though both come from the same address.
    expect((await request(app).get('/me').set('Authorization', await bearer(world.actors.reviewer2))).status).toBe(200);
  });

  it('counts requests without a valid token by IP address, bad tokens included', async () => {
    const app = await limitedApp();
    for (let i = 0; i < LIMIT; i++) expect((await request(app).get('/public/records')).status).toBe(200);
    expectTooMany(await request(app).get('/public/records'));
    expectTooMany(await request(app).get('/objections').set('Authorization', 'Bearer not-a-token'));

    const other = await limitedApp();
    for (let i = 0; i < LIMIT; i++) expect((await request(other).get('/me').set('Authorization', 'Bearer not-a-token')).status).toBe(401);
    expectTooMany(await request(other).get('/me').set('Authorization', 'Bearer not-a-token'));
  });
});

describe('security headers', () => {
  it('sends the headers of a JSON API that is never framed, sniffed nor cached', async () => {
    const app = await createTestApp({ taskQueue: uniqueId('headers') });
    const res = await request(app).get('/objections').set('Authorization', await bearer(world.actors.reviewer));
    expect(res.status).toBe(200);
    expect(res.headers).toMatchObject({
      'content-security-policy': "default-src 'none';frame-ancestors 'none'",
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
      'referrer-policy': 'no-referrer',
      'cross-origin-resource-policy': 'same-origin',
      'cache-control': 'no-store',
      'strict-transport-security': expect.stringMatching(/max-age=\d+/),
    });
    expect(res.headers['x-powered-by']).toBeUndefined();
    const problem = await request(app).get('/objections');
    expect(problem.status).toBe(401);
    expect(problem.headers['x-content-type-options']).toBe('nosniff');
  });
});
