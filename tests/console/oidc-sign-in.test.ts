/**
 * Signing in to the console at the office's identity provider, in a real browser: the login page offers
 * 使用统一身份认证登录, the round trip through a real (local) provider ends signed in, and a person the provider knows
 * but this service does not is sent back to the login page with the reason in Chinese.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newPage, screenshot } from '../support/browser.js';
import { startConsoleHarness, type ConsoleHarness } from '../support/console-harness.js';
import { createObjectionWorld, type ObjectionWorld } from '../support/objection-fixtures.js';
import { startOidcTestProvider, type OidcTestProvider } from '../support/oidc-test-provider.js';
import { getTestEnv, uniqueId } from '../support/test-env.js';

const env = await getTestEnv();
const CLIENT_ID = 'credit-console';

let provider: OidcTestProvider;
let harness: ConsoleHarness<ObjectionWorld>;
let world: ObjectionWorld;
let baseUrl: string;
let browser: Browser;

beforeAll(async () => {
  let redirectUrl = '';
  provider = await startOidcTestProvider({ clientId: CLIENT_ID, redirectUri: () => redirectUrl });
  harness = await startConsoleHarness({
    name: 'console-oidc',
    worker: false,
    world: () => createObjectionWorld(env.prisma),
    app: (_w, url) => {
      redirectUrl = `${url}/auth/oidc/callback`;
      return {
        oidc: { issuer: provider.issuer, audience: 'credit-engine-api', jwksUrl: provider.jwksUrl },
        oidcSignIn: { issuer: provider.issuer, jwksUrl: provider.jwksUrl, clientId: CLIENT_ID, redirectUrl },
      };
    },
  });
  ({ world, baseUrl, browser } = harness);
});
afterAll(async () => {
  await harness?.stop();
  await provider?.close();
});

describe('统一身份认证 in the console', () => {
  it('a reviewer signs in at the identity provider and lands in their inbox', { timeout: 60_000 }, async () => {
    provider.signInAs(world.actors.reviewer.id);
    const page = await newPage(browser);
    await page.goto(`${baseUrl}/console/login`);
    const oidc = page.getByRole('link', { name: '使用统一身份认证登录' });
    await oidc.waitFor();
    await screenshot(page, 'login-oidc');
    // From the keyboard: the link takes the focus and Enter follows it.
    await oidc.focus();
    await oidc.press('Enter');
    await page.getByRole('button', { name: '退出登录' }).waitFor();
    await page.getByRole('heading', { name: '待办任务' }).waitFor();
    expect(new URL(page.url()).pathname.startsWith('/console')).toBe(true);
    const cookies = await page.context().cookies(baseUrl);
    expect(cookies.find((c) => c.name === 'ce_session')).toMatchObject({ httpOnly: true, sameSite: 'Strict' });
  });

  it('a person unknown to this service is refused, with the reason in Chinese', { timeout: 60_000 }, async () => {
    provider.signInAs(`stranger-${uniqueId('sub')}`);
    const page = await newPage(browser);
    await page.goto(`${baseUrl}/console/login`);
    await page.getByRole('link', { name: '使用统一身份认证登录' }).click();
    await page.getByRole('alert').filter({ hasText: '尚未在本平台开通' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/console/login');
    expect((await page.context().cookies(baseUrl)).some((c) => c.name === 'ce_session')).toBe(false);
  });
});
