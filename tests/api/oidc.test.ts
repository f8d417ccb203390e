import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import type { Express } from 'express';
import { base64url, exportJWK, exportSPKI, generateKeyPair, SignJWT, type CryptoKey, type JWK } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestApp } from '../support/api-harness.js';
import { createObjectionWorld, type ObjectionWorld } from '../support/objection-fixtures.js';
import { getTestEnv, uniqueId } from '../support/test-env.js';

const env = await getTestEnv();
const ISSUER = 'https://idp.credit-office.test/realms/gov';
const AUDIENCE = 'credit-engine-api';

interface SigningKey {
  kid: string;
  alg: 'RS256' | 'ES256';
  privateKey: CryptoKey;
  publicKey: CryptoKey;
  publicJwk: JWK;
}

async function signingKey(alg: 'RS256' | 'ES256', kid: string): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true });
  return { kid, alg, privateKey, publicKey, publicJwk: { ...(await exportJWK(publicKey)), kid, alg, use: 'sig' } };
}

let jwksServer: Server;
let jwksRequests = 0;
let rsa: SigningKey;
let ec: SigningKey;
let unpublished: SigningKey;
let app: Express;
let world: ObjectionWorld;

/** A JWKS endpoint like an identity provider's, on 127.0.0.1 and a random port, publishing rsa and ec. */
function startJwksServer(keys: () => JWK[]): Promise<{ server: Server; url: string }> {
  return new Promise((resolve) => {
    const server = createServer((req, res) => {
      jwksRequests++;
      if (req.url !== '/protocol/openid-connect/certs') {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: keys() }));
    });
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({ server, url: `http://127.0.0.1:${port}/protocol/openid-connect/certs` });
    });
  });
}

beforeAll(async () => {
  world = await createObjectionWorld(env.prisma);
  [rsa, ec, unpublished] = await Promise.all([signingKey('RS256', 'rsa-1'), signingKey('ES256', 'ec-1'), signingKey('RS256', 'rsa-2')]);
  const started = await startJwksServer(() => [rsa.publicJwk, ec.publicJwk]);
  jwksServer = started.server;
  app = await createTestApp({
    taskQueue: uniqueId('oidc'),
    oidc: { issuer: ISSUER, audience: AUDIENCE, jwksUrl: started.url, jwksCooldownMs: 30_000, jwksCacheMaxAgeMs: 600_000 },
  });
});
afterAll(async () => {
  await new Promise((resolve) => jwksServer?.close(resolve));
});

interface TokenOptions {
  key?: SigningKey;
  sub?: string;
  iss?: string;
  aud?: string;
  exp?: string | number;
  claims?: Record<string, unknown>;
}

function providerToken(options: TokenOptions = {}): Promise<string> {
  const key = options.key ?? rsa;
  return new SignJWT({ ...options.claims })
    .setProtectedHeader({ alg: key.alg, kid: key.kid, typ: 'JWT' })
    .setSubject(options.sub ?? world.actors.reviewer.id)
    .setIssuer(options.iss ?? ISSUER)
    .setAudience(options.aud ?? AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(options.exp ?? '5m')
    .sign(key.privateKey);
}

function me(token: string) {
  return request(app).get('/me').set('Authorization', `Bearer ${token}`);
}

function expect401(res: request.Response, detail: RegExp) {
  expect(res.status).toBe(401);
  expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
  expect(res.body).toMatchObject({ status: 401, type: expect.stringMatching(/unauthenticated$/) });
  expect(res.body.detail).toMatch(detail);
}

describe('tokens from an external identity provider (OIDC)', () => {
  it('accepts a valid RS256 or ES256 token and takes role, subject and authority from the registered user', async () => {
    const rs = await me(await providerToken({ sub: world.actors.reviewer.id }));
    expect(rs.status).toBe(200);
    expect(rs.body).toEqual({ id: world.actors.reviewer.id, role: 'REVIEWER', subjectId: null, authorityId: world.authorityId });
    const es = await me(await providerToken({ key: ec, sub: world.actors.applicant.id }));
    expect(es.status).toBe(200);
    expect(es.body).toMatchObject({ id: world.actors.applicant.id, role: 'APPLICANT', subjectId: world.subjectId });
  });

  it('ignores role claims of the provider: the product’s users table decides who is what', async () => {
    const token = await providerToken({ sub: world.actors.applicant.id, claims: { role: 'ADMIN', authorityId: world.authorityId, roles: ['ADMIN'] } });
    const res = await me(token);
    expect(res.body).toMatchObject({ role: 'APPLICANT', authorityId: null });
    const asAdmin = await request(app).get('/audit/verify').set('Authorization', `Bearer ${token}`);
    expect(asAdmin.status).toBe(403);
  });

  it('fetches the key set once and serves later tokens from its cache', async () => {
    const before = jwksRequests;
    for (let i = 0; i < 5; i++) expect((await me(await providerToken())).status).toBe(200);
    expect(jwksRequests - before).toBe(0);
  });

  it('refuses a token for another audience', async () => {
    expect401(await me(await providerToken({ aud: 'another-api' })), /audience/);
  });

  it('refuses a token from another issuer', async () => {
    expect401(await me(await providerToken({ iss: 'https://evil.example/realms/gov' })), /invalid|issuer|algorithm/);
  });

  it('refuses an expired token', async () => {
    expect401(await me(await providerToken({ exp: Math.floor(Date.now() / 1000) - 120 })), /expired/);
  });

  it('refuses a token signed with a key the provider does not publish (unknown kid), refetching the set at most once', async () => {
    const before = jwksRequests;
    expect401(await me(await providerToken({ key: unpublished })), /key/);
    expect401(await me(await providerToken({ key: unpublished })), /key/);
    expect(jwksRequests - before).toBeLessThanOrEqual(1);
    // A known kid with a signature from another key is no better.
    expect401(await me(await providerToken({ key: { ...unpublished, kid: rsa.kid } })), /signature/);
  });

  it('refuses an unsigned token (alg none)', async () => {
    const header = base64url.encode(JSON.stringify({ alg: 'none', typ: 'JWT' }));
    const now = Math.floor(Date.now() / 1000);
    const payload = base64url.encode(JSON.stringify({ sub: world.actors.reviewer.id, iss: ISSUER, aud: AUDIENCE, iat: now, exp: now + 300 }));
    expect401(await me(`${header}.${payload}.`), /algorithm|invalid/);
  });

  it('refuses an HS256 token signed with the provider’s public key (algorithm confusion)', async () => {
    const publicKeyPem = await exportSPKI(rsa.publicKey);
    for (const secret of [publicKeyPem, JSON.stringify(rsa.publicJwk)]) {
      const token = await new SignJWT({})
        .setProtectedHeader({ alg: 'HS256', kid: rsa.kid })
        .setSubject(world.actors.reviewer.id)
        .setIssuer(ISSUER)
        .setAudience(AUDIENCE)
        .setExpirationTime('5m')
        .sign(new TextEncoder().encode(secret));
      expect401(await me(token), /algorithm/);
    }
  });

  it('refuses a valid token whose subject is not a registered user', async () => {
    expect401(await me(await providerToken({ sub: 'someone-the-idp-knows' })), /not a registered user/);
  });

  it('still accepts the API’s own local tokens', async () => {
    const res = await request(app).get('/me').set('Authorization', await bearer(world.actors.supervisor));
    expect(res.status).toBe(200);
    expect(res.body.role).toBe('SUPERVISOR');
  });

  it('answers 503 when the provider’s keys cannot be fetched, without blaming the token', async () => {
    const closed = await startJwksServer(() => []);
    const url = `http://127.0.0.1:${(closed.server.address() as AddressInfo).port}/protocol/openid-connect/certs`;
    await new Promise((resolve) => closed.server.close(resolve));
    const unreachable = await createTestApp({ taskQueue: uniqueId('oidc-down'), oidc: { issuer: ISSUER, audience: AUDIENCE, jwksUrl: url, jwksTimeoutMs: 2_000 } });
    const res = await request(unreachable).get('/me').set('Authorization', `Bearer ${await providerToken()}`);
    // 5xx problems carry no detail beyond the request id (error middleware); the status tells a client to retry.
    expect(res.status).toBe(503);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
  });
});

describe('local tokens without an identity provider', () => {
  it('accepts only local tokens when no provider is configured', async () => {
    const localOnly = await createTestApp({ taskQueue: uniqueId('local-only') });
    expect((await request(localOnly).get('/me').set('Authorization', await bearer(world.actors.reviewer))).status).toBe(200);
    const res = await request(localOnly).get('/me').set('Authorization', `Bearer ${await providerToken()}`);
    expect(res.status).toBe(401);
  });
});
