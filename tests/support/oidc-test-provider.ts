import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK } from 'jose';

interface IssuedCode {
  clientId: string;
  redirectUri: string;
  challenge: string;
  nonce: string | undefined;
  subject: string;
}

export interface OidcTestProviderOptions {
  clientId: string;
  /** Set: the client must authenticate with client_secret_basic. */
  clientSecret?: string;
  /** The client's registered redirect URI (a function: known only once the app listens). */
  redirectUri: string | (() => string);
}

/**
 * A small OpenID provider for the tests, built with `jose` on node:http: discovery, JWKS (ES256), an authorization
 * endpoint that signs in whoever `signInAs` names (the person at the provider's login form) and a token endpoint that
 * enforces what a real provider does: the code is single-use and bound to its client and redirect URI, the client
 * authenticates if it has a secret, and PKCE S256 is required (a missing or wrong code_verifier is invalid_grant).
 * Every refusal is kept in `refusals` so a test can say which check refused.
 */
export async function startOidcTestProvider(options: OidcTestProviderOptions) {
  const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
  const publicJwk: JWK = { ...(await exportJWK(publicKey)), kid: 'test-es256', alg: 'ES256', use: 'sig' };
  const codes = new Map<string, IssuedCode>();
  const refusals: string[] = [];
  let subject = 'nobody';
  let issuer = '';
  /** Overrides of the next ID tokens' claims (a test of a bad token). */
  let claimOverrides: Record<string, unknown> = {};
  let signingKey: CryptoKey = privateKey;

  const readBody = (req: IncomingMessage) =>
    new Promise<string>((resolve) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => resolve(body));
    });

  const redirectUri = () => (typeof options.redirectUri === 'function' ? options.redirectUri() : options.redirectUri);

  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', issuer);
    const json = (status: number, value: unknown) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(value));
    const refuse = (status: number, error: string, why: string) => {
      refusals.push(why);
      json(status, { error, error_description: why });
    };
    if (url.pathname === '/.well-known/openid-configuration') {
      return json(200, {
        issuer,
        authorization_endpoint: `${issuer}/authorize`,
        token_endpoint: `${issuer}/token`,
        jwks_uri: `${issuer}/jwks`,
        response_types_supported: ['code'],
        subject_types_supported: ['public'],
        id_token_signing_alg_values_supported: ['ES256'],
        code_challenge_methods_supported: ['S256'],
        token_endpoint_auth_methods_supported: options.clientSecret ? ['client_secret_basic'] : ['none'],
      });
    }
    if (url.pathname === '/jwks') return json(200, { keys: [publicJwk] });
    if (url.pathname === '/authorize') {
      const p = url.searchParams;
      if (p.get('client_id') !== options.clientId || p.get('redirect_uri') !== redirectUri()) return refuse(400, 'invalid_request', 'unknown client or redirect_uri');
      if (p.get('response_type') !== 'code') return refuse(400, 'unsupported_response_type', 'response_type must be code');
      if (p.get('code_challenge_method') !== 'S256' || !p.get('code_challenge')) return refuse(400, 'invalid_request', 'PKCE S256 is required');
      if (!p.get('scope')?.split(' ').includes('openid')) return refuse(400, 'invalid_scope', 'scope must include openid');
      const code = randomBytes(24).toString('base64url');
      codes.set(code, { clientId: options.clientId, redirectUri: redirectUri(), challenge: p.get('code_challenge')!, nonce: p.get('nonce') ?? undefined, subject });
      const back = new URL(redirectUri());
      back.searchParams.set('code', code);
      back.searchParams.set('state', p.get('state') ?? '');
      back.searchParams.set('iss', issuer);
      res.writeHead(302, { location: back.toString() }).end();
      return;
    }
    if (url.pathname === '/token' && req.method === 'POST') {
      void readBody(req).then(async (raw) => {
        const form = new URLSearchParams(raw);
        let clientId = form.get('client_id');
        if (options.clientSecret) {
          const basic = /^Basic (.+)$/.exec(req.headers.authorization ?? '')?.[1];
          const [id, secret] = basic ? Buffer.from(basic, 'base64').toString().split(':').map(decodeURIComponent) : [];
          if (id !== options.clientId || secret !== options.clientSecret) return refuse(401, 'invalid_client', 'client authentication failed');
          clientId = id;
        }
        if (form.get('grant_type') !== 'authorization_code') return refuse(400, 'unsupported_grant_type', 'grant_type');
        const issued = codes.get(form.get('code') ?? '');
        codes.delete(form.get('code') ?? '');
        if (!issued) return refuse(400, 'invalid_grant', 'unknown or used code');
        if (issued.clientId !== clientId || issued.redirectUri !== form.get('redirect_uri')) return refuse(400, 'invalid_grant', 'code issued to another client or redirect_uri');
        const verifier = form.get('code_verifier');
        if (!verifier) return refuse(400, 'invalid_grant', 'code_verifier missing');
        if (createHash('sha256').update(verifier).digest('base64url') !== issued.challenge) return refuse(400, 'invalid_grant', 'code_verifier does not match the code_challenge');
        const idToken = await new SignJWT({ nonce: issued.nonce, ...claimOverrides })
          .setProtectedHeader({ alg: 'ES256', kid: publicJwk.kid! })
          .setIssuer(issuer)
          .setAudience(issued.clientId)
          .setSubject(issued.subject)
          .setIssuedAt()
          .setExpirationTime('5m')
          .sign(signingKey);
        json(200, { access_token: randomBytes(16).toString('hex'), token_type: 'Bearer', expires_in: 300, id_token: idToken });
      });
      return;
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    issuer,
    jwksUrl: `${issuer}/jwks`,
    refusals,
    /** The person who signs in at the provider from now on. */
    signInAs(userId: string): void {
      subject = userId;
    },
    /** Claims that override the next ID tokens' (e.g. another nonce), and a key other than the published one. */
    tamperIdTokens(overrides: Record<string, unknown>, key?: CryptoKey): void {
      claimOverrides = overrides;
      if (key) signingKey = key;
    },
    reset(): void {
      claimOverrides = {};
      signingKey = privateKey;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
export type OidcTestProvider = Awaited<ReturnType<typeof startOidcTestProvider>>;
