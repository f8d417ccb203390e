/**
 * Console sign-in (local accounts, argon2id, lockout), the cookie session (httpOnly, SameSite=Strict, PostgreSQL,
 * actor from the User table), CSRF protection of cookie requests, and the console's own CSP at /console/.
 */
import { AesGcmPayloadCodec } from '../../lib/temporal-security/aes-gcm-payload-codec.js';
import { TEST_TEMPORAL_KEYS } from '../support/temporal-test-keys.js';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import type { Express } from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../api/session/password-hashing.js';
import { LOCKOUT_THRESHOLD } from '../../api/session/login-service.js';
import { CSRF_HEADER_VALUE } from '../../api/session/session-auth.js';
import { createApp } from '../../api/app.js';
import { createLogger } from '../../lib/logger.js';
import { createDeadlineCalculator } from '../../lib/calendar/deadline-calculator.js';
import { bearer, TEST_TOKENS } from '../support/api-harness.js';
import { createObjectionWorld, type ObjectionWorld } from '../support/objection-fixtures.js';
import { startRealWorker } from '../support/real-worker.js';
import { getTestEnv, uniqueId } from '../support/test-env.js';

const env = await getTestEnv();
const taskQueue = uniqueId('console-session');
const PASSWORD = 'correct horse battery staple';
const HOST = '127.0.0.1:3999';

let world: ObjectionWorld;
let app: Express;
let stopWorker: () => Promise<void>;
let distDir: string;

beforeAll(async () => {
  ({ stop: stopWorker } = await startRealWorker(taskQueue));
  world = await createObjectionWorld(env.prisma);
  const passwordHash = await hashPassword(PASSWORD);
  await env.prisma.localAccount.createMany({ data: Object.values(world.actors).map((a) => ({ userId: a.id, passwordHash })) });
  distDir = mkdtempSync(join(tmpdir(), 'console-dist-'));
  mkdirSync(join(distDir, 'assets'));
  writeFileSync(join(distDir, 'index.html'), '<html><head><meta name="csp-nonce" content="__CSP_NONCE__"></head><body>控制台</body></html>');
  writeFileSync(join(distDir, 'assets', 'app-abc123.js'), 'console.log(1)');
  app = createApp({
    prisma: env.prisma,
    temporal: env.temporalClient,
    logger: createLogger('silent'),
    taskQueue,
    tokens: TEST_TOKENS,
    deadlines: createDeadlineCalculator(env.prisma, { timeZone: 'Asia/Shanghai' }),
    objectionPolicyId: world.policyId,
    rateLimitPerMinute: 10_000,
    payloadCodec: new AesGcmPayloadCodec(TEST_TEMPORAL_KEYS.payload),
    console: { distDir },
  });
});
afterAll(async () => {
  await stopWorker?.();
});

async function signIn(userId: string, password = PASSWORD) {
  return request(app).post('/auth/login').set('Host', HOST).set('Origin', `http://${HOST}`).send({ userId, password });
}

function cookieOf(res: request.Response): string {
  const setCookie = ([] as string[]).concat(res.headers['set-cookie'] ?? []);
  const session = setCookie.find((c) => c.startsWith('ce_session='));
  if (!session) throw new Error(`no session cookie in ${JSON.stringify(setCookie)}`);
  return session.split(';')[0]!;
}

describe('console sign-in', () => {
  it('signs a local account in with an httpOnly SameSite=Strict cookie, and /me answers from the User table', async () => {
    const res = await signIn(world.actors.reviewer.id);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: world.actors.reviewer.id, role: 'REVIEWER', authorityId: world.authorityId });
    const setCookie = ([] as string[]).concat(res.headers['set-cookie'] ?? []).join('\n');
    expect(setCookie).toMatch(/ce_session=[A-Za-z0-9_-]{43};/);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Strict/);
    const me = await request(app).get('/me').set('Cookie', cookieOf(res));
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ id: world.actors.reviewer.id, role: 'REVIEWER' });
    // The table keeps only a digest of the token.
    const token = cookieOf(res).split('=')[1]!;
    expect(await env.prisma.consoleSession.count({ where: { id: token } })).toBe(0);
    expect(await env.prisma.consoleSession.count({ where: { userId: world.actors.reviewer.id } })).toBeGreaterThan(0);
  });

  it('refuses a wrong password and an unknown user alike', async () => {
    const wrong = await signIn(world.actors.supervisor.id, 'not the password');
    const unknown = await signIn(uniqueId('nobody'), 'whatever');
    for (const res of [wrong, unknown]) {
      expect(res.status).toBe(401);
      expect(res.headers['content-type']).toMatch(/problem\+json/);
      expect(res.body.reason).toBe('invalid-credentials');
      expect(res.headers['set-cookie']).toBeUndefined();
    }
  });

  it(`locks an account after ${LOCKOUT_THRESHOLD} failed sign-ins in a row; then even the right password is refused`, async () => {
    const userId = world.actors.reviewer2.id;
    for (let i = 1; i < LOCKOUT_THRESHOLD; i++) expect((await signIn(userId, `wrong-${i}`)).body.reason).toBe('invalid-credentials');
    const locking = await signIn(userId, 'wrong-last');
    expect(locking.status).toBe(401);
    expect(locking.body.reason).toBe('locked');
    expect(new Date(locking.body.lockedUntil).getTime()).toBeGreaterThan(Date.now());
    const right = await signIn(userId, PASSWORD);
    expect(right.status).toBe(401);
    expect(right.body.reason).toBe('locked');
    // When the lock has run out, the right password works again.
    await env.prisma.localAccount.update({ where: { userId }, data: { lockedUntil: new Date(Date.now() - 1000) } });
    expect((await signIn(userId, PASSWORD)).status).toBe(200);
  });

  it('refuses a sign-in posted from another origin (login CSRF)', async () => {
    const res = await request(app).post('/auth/login').set('Host', HOST).set('Origin', 'https://evil.example').send({ userId: world.actors.admin.id, password: PASSWORD });
    expect(res.status).toBe(403);
  });

  it('reads the role from the User table on every request: a changed role takes effect at once', async () => {
    const cookie = cookieOf(await signIn(world.actors.supervisor2.id));
    expect((await request(app).get('/eligibility/suspended').set('Cookie', cookie)).status).toBe(200);
    await env.prisma.user.update({ where: { id: world.actors.supervisor2.id }, data: { role: 'APPLICANT', authorityId: null } });
    const me = await request(app).get('/me').set('Cookie', cookie);
    expect(me.body.role).toBe('APPLICANT');
    expect((await request(app).get('/eligibility/suspended').set('Cookie', cookie)).status).toBe(403);
  });

  it('logging out ends the session: the cookie no longer signs in', async () => {
    const cookie = cookieOf(await signIn(world.actors.admin.id));
    expect((await request(app).get('/me').set('Cookie', cookie)).status).toBe(200);
    const out = await request(app).post('/auth/logout').set('Host', HOST).set('Origin', `http://${HOST}`).set('Cookie', cookie).set('X-Requested-With', CSRF_HEADER_VALUE).send({});
    expect(out.status).toBe(204);
    expect(([] as string[]).concat(out.headers['set-cookie'] ?? []).join()).toMatch(/ce_session=;/);
    expect((await request(app).get('/me').set('Cookie', cookie)).status).toBe(401);
  });

  it('signing out everywhere ends every console session of the user', async () => {
    const first = cookieOf(await signIn(world.actors.applicant.id));
    const second = cookieOf(await signIn(world.actors.applicant.id));
    const out = await request(app).post('/auth/logout').set('Host', HOST).set('Cookie', first).set('X-Requested-With', CSRF_HEADER_VALUE).send({ allSessions: true });
    expect(out.status).toBe(204);
    expect((await request(app).get('/me').set('Cookie', second)).status).toBe(401);
    expect((await request(app).post('/auth/logout').send({ allSessions: 'yes' })).status).toBe(400);
  });
});

describe('CSRF protection of cookie sessions', () => {
  it('a state-changing request by cookie needs the console header and the same origin; bearer tokens need neither', async () => {
    const recordId = await world.createRecord();
    const filed = await request(app).post('/objections').set('Authorization', await bearer(world.actors.applicant)).send({ recordId, grounds: 'INACCURATE_OR_INCOMPLETE', statement: '金额有误' });
    expect(filed.status).toBe(201);
    const caseId = filed.body.id as string;
    const cookie = cookieOf(await signIn(world.actors.reviewer.id));
    const claim = () => request(app).post(`/objections/${caseId}/claim`).set('Host', HOST).set('Cookie', cookie);

    const noHeader = await claim().set('Origin', `http://${HOST}`).send({});
    expect(noHeader.status).toBe(403);
    expect(noHeader.body.detail).toMatch(/X-Requested-With/);
    const crossSite = await claim().set('Origin', 'https://evil.example').set('X-Requested-With', CSRF_HEADER_VALUE).send({});
    expect(crossSite.status).toBe(403);
    const fetchCrossSite = await claim().set('Sec-Fetch-Site', 'cross-site').set('X-Requested-With', CSRF_HEADER_VALUE).send({});
    expect(fetchCrossSite.status).toBe(403);
    expect((await env.prisma.objection.findUniqueOrThrow({ where: { id: caseId } })).claimedById).toBeNull();

    const viaConsole = await claim().set('Origin', `http://${HOST}`).set('X-Requested-With', CSRF_HEADER_VALUE).send({});
    expect(viaConsole.status).toBe(200);
    expect((await env.prisma.objection.findUniqueOrThrow({ where: { id: caseId } })).claimedById).toBe(world.actors.reviewer.id);
    // Reads need no header.
    expect((await request(app).get(`/objections/${caseId}`).set('Cookie', cookie)).status).toBe(200);
  });
});

describe('the console at /console/', () => {
  it('serves the single-page app with its own CSP (scripts only from self, styles by nonce); the JSON API keeps default-src none', async () => {
    const page = await request(app).get('/console/inbox');
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    const csp = page.headers['content-security-policy'] as string;
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toBeTruthy();
    expect(page.text).toContain(`content="${nonce}"`);
    expect(csp).toMatch(/frame-ancestors 'none'/);
    const again = await request(app).get('/console/');
    expect(again.headers['content-security-policy']).not.toContain(nonce!);

    const asset = await request(app).get('/console/assets/app-abc123.js');
    expect(asset.status).toBe(200);
    expect(asset.headers['cache-control']).toMatch(/immutable/);
    expect((await request(app).get('/console/assets/missing.js')).status).toBe(404);

    const api = await request(app).get('/health');
    expect(api.headers['content-security-policy']).toBe("default-src 'none';frame-ancestors 'none'");
  });
});
