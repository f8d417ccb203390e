import { createHash, randomBytes } from 'node:crypto';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import { OIDC_ALGORITHMS } from './oidc-tokens.js';

/** The console's client at the identity provider (OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, OIDC_REDIRECT_URL). */
export interface OidcSignInSettings {
  /** OIDC_ISSUER: discovery is read from <issuer>/.well-known/openid-configuration and must name this issuer. */
  issuer: string;
  /** OIDC_JWKS_URL: the keys that sign the provider's ID tokens (the same ones as its access tokens). */
  jwksUrl: string;
  clientId: string;
  /** Confidential client (client_secret_basic); unset: a public client that relies on PKCE alone. */
  clientSecret?: string | undefined;
  redirectUrl: string;
  /** How long a call to the provider (discovery, token endpoint) may take; default 5 s. */
  timeoutMs?: number | undefined;
}

/** Why a sign-in at the provider did not sign anyone in (shown by the login page in Chinese). */
export const OIDC_FAILURES = ['state', 'denied', 'exchange', 'id-token', 'unknown-user', 'unavailable'] as const;
export type OidcFailureReason = (typeof OIDC_FAILURES)[number];

export class OidcSignInError extends Error {
  constructor(
    readonly reason: OidcFailureReason,
    message: string,
  ) {
    super(message);
    this.name = 'OidcSignInError';
  }
}

/** One sign-in in progress: kept by the browser (encrypted cookie) between the redirect out and the callback. */
export interface OidcTransaction {
  state: string;
  nonce: string;
  codeVerifier: string;
}

interface Discovery {
  authorization_endpoint: string;
  token_endpoint: string;
}

const random = () => randomBytes(32).toString('base64url');
const s256 = (verifier: string) => createHash('sha256').update(verifier).digest('base64url');

/**
 * The relying-party side of the authorization code flow with PKCE (RFC 7636, S256) for the console, built on `jose`
 * for the ID token: the browser goes to the provider with a fresh state, nonce and code challenge; the callback's
 * state must match, the code is exchanged server-side with the verifier (and the client secret, if any), and the ID
 * token must be signed by the provider's keys (RS256/ES256), issued by OIDC_ISSUER for this client, unexpired, and
 * carry the nonce. Only its `sub` is used: like a bearer token's, it names a User of this product.
 */
export function createOidcSignIn(settings: OidcSignInSettings, fetchImpl: typeof fetch = fetch) {
  const keys = createRemoteJWKSet(new URL(settings.jwksUrl));
  const timeout = () => AbortSignal.timeout(settings.timeoutMs ?? 5_000);
  let discovery: Promise<Discovery> | undefined;

  async function discover(): Promise<Discovery> {
    const url = `${settings.issuer.replace(/\/$/, '')}/.well-known/openid-configuration`;
    const response = await fetchImpl(url, { signal: timeout(), headers: { accept: 'application/json' } });
    if (!response.ok) throw new Error(`discovery answered HTTP ${response.status}`);
    const doc = (await response.json()) as Record<string, unknown>;
    if (doc.issuer !== settings.issuer) throw new Error(`discovery names issuer ${String(doc.issuer)}, not ${settings.issuer}`);
    const methods = doc.code_challenge_methods_supported;
    if (Array.isArray(methods) && !methods.includes('S256')) throw new Error('the provider does not support PKCE with S256');
    if (typeof doc.authorization_endpoint !== 'string' || typeof doc.token_endpoint !== 'string') throw new Error('discovery lacks the endpoints');
    return { authorization_endpoint: doc.authorization_endpoint, token_endpoint: doc.token_endpoint };
  }

  /** Discovery is read once and kept; a failed read is tried again on the next sign-in. */
  async function endpoints(): Promise<Discovery> {
    discovery ??= discover();
    try {
      return await discovery;
    } catch (err) {
      discovery = undefined;
      throw new OidcSignInError('unavailable', `The identity provider cannot be reached: ${(err as Error).message}`);
    }
  }

  return {
    /** A new transaction and the provider URL to send the browser to. */
    async start(): Promise<{ transaction: OidcTransaction; url: string }> {
      const { authorization_endpoint } = await endpoints();
      const transaction = { state: random(), nonce: random(), codeVerifier: random() };
      const url = new URL(authorization_endpoint);
      url.searchParams.set('response_type', 'code');
      url.searchParams.set('client_id', settings.clientId);
      url.searchParams.set('redirect_uri', settings.redirectUrl);
      url.searchParams.set('scope', 'openid');
      url.searchParams.set('state', transaction.state);
      url.searchParams.set('nonce', transaction.nonce);
      url.searchParams.set('code_challenge', s256(transaction.codeVerifier));
      url.searchParams.set('code_challenge_method', 'S256');
      return { transaction, url: url.toString() };
    },

    /** Checks the callback against its transaction and returns the user id (`sub`) the provider vouches for. */
    async finish(transaction: OidcTransaction, callback: { code?: string | undefined; state?: string | undefined; error?: string | undefined; iss?: string | undefined }): Promise<string> {
      if (callback.state === undefined || callback.state !== transaction.state) {
        throw new OidcSignInError('state', 'The callback’s state does not match the sign-in this browser started');
      }
      if (callback.iss !== undefined && callback.iss !== settings.issuer) throw new OidcSignInError('state', 'The callback comes from another issuer (RFC 9207)');
      if (callback.error !== undefined) throw new OidcSignInError('denied', `The identity provider refused the sign-in: ${callback.error}`);
      if (!callback.code) throw new OidcSignInError('exchange', 'The callback carries no authorization code');
      const { token_endpoint } = await endpoints();
      const body = new URLSearchParams({
        grant_type: 'authorization_code',
        code: callback.code,
        redirect_uri: settings.redirectUrl,
        code_verifier: transaction.codeVerifier,
      });
      const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' };
      if (settings.clientSecret) {
        const encode = (value: string) => encodeURIComponent(value).replace(/%20/g, '+');
        headers.authorization = `Basic ${Buffer.from(`${encode(settings.clientId)}:${encode(settings.clientSecret)}`).toString('base64')}`;
      } else {
        body.set('client_id', settings.clientId);
      }
      let response: Response;
      try {
        response = await fetchImpl(token_endpoint, { method: 'POST', headers, body, signal: timeout(), redirect: 'error' });
      } catch (err) {
        throw new OidcSignInError('unavailable', `The token endpoint cannot be reached: ${(err as Error).message}`);
      }
      const answer = (await response.json().catch(() => ({}))) as { id_token?: unknown; error?: unknown };
      if (!response.ok || typeof answer.id_token !== 'string') {
        throw new OidcSignInError('exchange', `The token endpoint refused the code: HTTP ${response.status} ${String(answer.error ?? '')}`.trim());
      }
      try {
        const { payload } = await jwtVerify(answer.id_token, keys, {
          issuer: settings.issuer,
          audience: settings.clientId,
          algorithms: OIDC_ALGORITHMS,
          requiredClaims: ['sub', 'exp', 'iat', 'nonce'],
        });
        if (payload.nonce !== transaction.nonce) throw new Error('the nonce does not match');
        if (Array.isArray(payload.aud) && payload.aud.length > 1 && payload.azp !== settings.clientId) throw new Error('azp is not this client');
        if (!payload.sub) throw new Error('no subject');
        return payload.sub;
      } catch (err) {
        throw new OidcSignInError('id-token', `The ID token is not valid: ${(err as Error).message}`);
      }
    },
  };
}
export type OidcSignIn = ReturnType<typeof createOidcSignIn>;
