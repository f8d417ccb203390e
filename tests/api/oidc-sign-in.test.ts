/**
 * Console sign-in at the office's identity provider (authorization code + PKCE) against a real provider on a local
 * port: state, PKCE verifier, ID token and user mapping are each checked, and success is the console's session cookie.
 */
import request from 'supertest';
import type { Express } from 'express';
import { generateKeyPair } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OIDC_TRANSACTION_COOKIE } from '../../api/session/oidc-transaction-cookie.js';
import { SESSION_COOKIE } from '../../api/session/session-cookie.js';
import { createTestApp } from '../support/api-harness.js';
import { createObjectionWorld, type ObjectionWorld } from '../support/objection-fixtures.js';
import { startOidcTestProvider, type OidcTestProvider } from '../support/oidc-test-provider.js';
import { getTestEnv, uniqueId } from '../support/test-env.js';

const env = await getTestEnv();
const CLIENT_ID = 'credit-console';
const CLIENT_SECRET = 'console-client-secret-0123456789';
const REDIRECT_URL = 'http://127.0.0.1:3999/auth/oidc/callback';

let provider: OidcTestProvider;
let app: Express;
let world: ObjectionWorld;

beforeAll(async () => {
  world = await createObjectionWorld(env.prisma);
  provider = await startOidcTestProvider({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, redirectUri: REDIRECT_URL });
  app = await createTestApp({
    taskQueue: uniqueId('oidc-sign-in'),
    oidc: { issuer: provider.issuer, audience: 'credit-engine-api', jwksUrl: provider.jwksUrl },
    oidcSignIn: { issuer: provider.issuer, jwksUrl: provider.jwksUrl, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, redirectUrl: REDIRECT_URL },
  });
});
afterAll(async () => {
  await provider?.close();
});

type Agent = ReturnType<typeof request.agent>;

/** The browser's first leg: the console's link, then the provider's authorization endpoint; returns the callback query. */
async function toProviderAndBack(agent: Agent): Promise<URLSearchParams> {
  const start = await agent.get('/auth/oidc/login');
  expect(start.status).toBe(303);
  const authorize = new URL(start.headers.location!);
  expect(authorize.origin).toBe(provider.issuer);
  expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
  const atProvider = await fetch(authorize, { redirect: 'manual' });
  expect(atProvider.status).toBe(302);
  const back = new URL(atProvider.headers.get('location')!);
  expect(back.pathname).toBe('/auth/oidc/callback');
  return back.searchParams;
}

const cookiesOf = (res: request.Response) => ([] as string[]).concat(res.headers['set-cookie'] ?? []);
const setsSession = (res: request.Response) => cookiesOf(res).some((c) => c.startsWith(`${SESSION_COOKIE}=`) && !c.startsWith(`${SESSION_COOKIE}=;`));

describe('console sign-in at the identity provider', () => {
  it('the login page learns that the identity provider is offered', async () => {
    const res = await request(app).get('/auth/methods');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ password: true, oidc: true });
  });

  it('a reviewer signs in at the provider and the session works for API calls', async () => {
    provider.signInAs(world.actors.reviewer.id);
    const agent = request.agent(app);
    const query = await toProviderAndBack(agent);
    const callback = await agent.get(`/auth/oidc/callback?${query}`);
    expect(callback.status).toBe(303);
    expect(callback.headers.location).toBe('/console/');
    const session = cookiesOf(callback).find((c) => c.startsWith(`${SESSION_COOKIE}=`))!;
    expect(session).toMatch(/HttpOnly/);
    expect(session).toMatch(/SameSite=Strict/);
    expect(cookiesOf(callback).some((c) => c.startsWith(`${OIDC_TRANSACTION_COOKIE}=;`))).toBe(true);
    const me = await agent.get('/me');
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ id: world.actors.reviewer.id, role: 'REVIEWER' });
    const work = await agent.get('/work-items');
    expect(work.status).toBe(200);
    // The code is single-use: the same callback again signs no one in.
    const replay = await request(app).get(`/auth/oidc/callback?${query}`);
    expect(replay.headers.location).toBe('/console/login?oidcError=state');
    expect(setsSession(replay)).toBe(false);
  });

  it('a callback whose state is not the one this browser started is refused', async () => {
    provider.signInAs(world.actors.reviewer.id);
    const agent = request.agent(app);
    const query = await toProviderAndBack(agent);
    query.set('state', `${query.get('state')!.slice(0, -2)}xx`);
    const callback = await agent.get(`/auth/oidc/callback?${query}`);
    expect(callback.status).toBe(303);
    expect(callback.headers.location).toBe('/console/login?oidcError=state');
    expect(setsSession(callback)).toBe(false);
    expect((await agent.get('/me')).status).toBe(401);
  });

  it('a callback in a browser that started no sign-in is refused (login CSRF)', async () => {
    provider.signInAs(world.actors.reviewer.id);
    const query = await toProviderAndBack(request.agent(app));
    const victim = request.agent(app);
    const callback = await victim.get(`/auth/oidc/callback?${query}`);
    expect(callback.headers.location).toBe('/console/login?oidcError=state');
    expect(setsSession(callback)).toBe(false);
  });

  it('a code obtained with another PKCE challenge is refused: the provider rejects the wrong code_verifier', async () => {
    provider.signInAs(world.actors.supervisor.id);
    const victim = request.agent(app);
    const attacker = request.agent(app);
    const victimQuery = await toProviderAndBack(victim);
    const stolen = await toProviderAndBack(attacker);
    // The attacker's code, injected into the victim's callback with the victim's own state.
    const injected = new URLSearchParams({ code: stolen.get('code')!, state: victimQuery.get('state')!, iss: provider.issuer });
    const refusalsBefore = provider.refusals.length;
    const callback = await victim.get(`/auth/oidc/callback?${injected}`);
    expect(callback.headers.location).toBe('/console/login?oidcError=exchange');
    expect(setsSession(callback)).toBe(false);
    expect(provider.refusals.slice(refusalsBefore)).toEqual(['code_verifier does not match the code_challenge']);
  });

  it('the provider refuses a code exchanged without a code_verifier', async () => {
    provider.signInAs(world.actors.supervisor.id);
    const query = await toProviderAndBack(request.agent(app));
    const res = await fetch(`${provider.issuer}/token`, {
      method: 'POST',
      headers: { authorization: `Basic ${Buffer.from(`${CLIENT_ID}:${CLIENT_SECRET}`).toString('base64')}` },
      body: new URLSearchParams({ grant_type: 'authorization_code', code: query.get('code')!, redirect_uri: REDIRECT_URL }),
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: 'invalid_grant', error_description: 'code_verifier missing' });
  });

  it('a person the provider knows but who is no user of this service is refused', async () => {
    provider.signInAs(`stranger-${uniqueId('sub')}`);
    const agent = request.agent(app);
    const callback = await agent.get(`/auth/oidc/callback?${await toProviderAndBack(agent)}`);
    expect(callback.headers.location).toBe('/console/login?oidcError=unknown-user');
    expect(setsSession(callback)).toBe(false);
  });

  it('an ID token with another nonce, or signed by a key the provider does not publish, is refused', async () => {
    provider.signInAs(world.actors.reviewer.id);
    try {
      provider.tamperIdTokens({ nonce: 'another-nonce-of-another-sign-in' });
      const agent = request.agent(app);
      const first = await agent.get(`/auth/oidc/callback?${await toProviderAndBack(agent)}`);
      expect(first.headers.location).toBe('/console/login?oidcError=id-token');
      const { privateKey } = await generateKeyPair('ES256');
      provider.tamperIdTokens({}, privateKey);
      const other = request.agent(app);
      const second = await other.get(`/auth/oidc/callback?${await toProviderAndBack(other)}`);
      expect(second.headers.location).toBe('/console/login?oidcError=id-token');
      expect(setsSession(first) || setsSession(second)).toBe(false);
    } finally {
      provider.reset();
    }
  });

  it('the provider’s refusal at its login page comes back as a refusal', async () => {
    const agent = request.agent(app);
    const start = await agent.get('/auth/oidc/login');
    const state = new URL(start.headers.location!).searchParams.get('state')!;
    const callback = await agent.get(`/auth/oidc/callback?${new URLSearchParams({ error: 'access_denied', state })}`);
    expect(callback.headers.location).toBe('/console/login?oidcError=denied');
    expect(setsSession(callback)).toBe(false);
  });

  it('without a configured client the login page offers passwords only and the routes are 404', async () => {
    const plain = await createTestApp({ taskQueue: uniqueId('oidc-off') });
    expect((await request(plain).get('/auth/methods')).body).toEqual({ password: true, oidc: false });
    expect((await request(plain).get('/auth/oidc/login')).status).toBe(404);
  });
});
