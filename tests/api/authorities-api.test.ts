/**
 * GET /authorities: what the console offers where a person names an authority. Everyone signed in may read it
 * (authorities' names are public); q narrows by part of the name or the start of the id or credit code.
 */
import { randomBytes } from 'node:crypto';
import type { Express } from 'express';
import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestApp } from '../support/api-harness.js';
import { randomCreditCode } from '../support/credit-codes.js';
import { createRecordWorld } from '../support/record-fixtures.js';
import { getTestEnv, uniqueId } from '../support/test-env.js';

const env = await getTestEnv();
const s = randomBytes(4).toString('hex');
const court = { id: `auth-court-${s}`, name: `目录${s}市中级人民法院`, creditCode: randomCreditCode() };
const bureau = { id: `auth-bureau-${s}`, name: `目录${s}市财政局`, creditCode: randomCreditCode() };
let app: Express;
let world: Awaited<ReturnType<typeof createRecordWorld>>;

beforeAll(async () => {
  await env.prisma.authority.createMany({ data: [court, bureau] });
  world = await createRecordWorld(env.prisma);
  app = await createTestApp({ taskQueue: uniqueId('authorities') });
});

async function list(query: Record<string, string>, actor = world.actors.applicant) {
  return request(app).get('/authorities').query(query).set('Authorization', await bearer(actor));
}

describe('GET /authorities', () => {
  it('finds authorities by part of the name, by the start of the id or of the credit code, sorted by name', async () => {
    const byName = await list({ q: `目录${s}` });
    expect(byName.status).toBe(200);
    expect(byName.body.items).toEqual([bureau, court].sort((a, b) => (a.name < b.name ? -1 : 1)));
    // Part of the name from its middle (other tests' authorities share the usual words, and a page holds 50).
    expect((await list({ q: `${s}市中级` })).body.items).toEqual([court]);
    expect((await list({ q: court.id })).body.items).toEqual([court]);
    expect((await list({ q: bureau.creditCode.slice(0, 12).toLowerCase() }, world.actors.reviewer)).body.items).toEqual([bureau]);
  });

  it('answers at most 50, and a bad q or an unknown parameter is a 400 problem', async () => {
    const all = await list({});
    expect(all.status).toBe(200);
    expect(all.body.items.length).toBeGreaterThan(0);
    expect(all.body.items.length).toBeLessThanOrEqual(50);
    const bad = await list({ q: '<script>' });
    expect(bad.status).toBe(400);
    expect(bad.headers['content-type']).toMatch(/application\/problem\+json/);
    expect((await list({ page: '2' })).status).toBe(400);
  });

  it('needs a signed-in caller', async () => {
    expect((await request(app).get('/authorities')).status).toBe(401);
  });
});
