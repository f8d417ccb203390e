import { createRemoteJWKSet, jwtVerify } from 'jose';
import { AppError, ErrorCode } from './app-error.js';
import { tokenProblem } from './token-errors.js';

/** The external identity provider (OIDC) whose access tokens the API accepts besides its own. */
export interface OidcSettings {
  issuer: string;
  audience: string;
  jwksUrl: string;
  /** How long after a fetch the key set is not fetched again, even for an unknown `kid` (default 30 s). */
  jwksCooldownMs?: number | undefined;
  /** How long a fetched key set is used before it is fetched again (default 10 min). */
  jwksCacheMaxAgeMs?: number | undefined;
  /** How long a fetch of the key set may take (default 5 s). */
  jwksTimeoutMs?: number | undefined;
}

/** Asymmetric algorithms only: an HS256 token signed with a published public key must never verify. */
export const OIDC_ALGORITHMS = ['RS256', 'ES256'];

/** What a verified provider token says: only who it is about; roles come from this product's users. */
export interface OidcIdentity {
  subject: string;
}

export type OidcVerifier = (token: string) => Promise<OidcIdentity>;

/**
 * Verifies provider tokens against the provider's JWKS (fetched on first use, cached, refetched at most once per
 * cooldown when a token names an unknown key): signature, algorithm, expiry, issuer and audience.
 */
export function createOidcVerifier(settings: OidcSettings): OidcVerifier {
  const keys = createRemoteJWKSet(new URL(settings.jwksUrl), {
    cooldownDuration: settings.jwksCooldownMs ?? 30_000,
    cacheMaxAge: settings.jwksCacheMaxAgeMs ?? 600_000,
    timeoutDuration: settings.jwksTimeoutMs ?? 5_000,
  });
  return async (token) => {
    try {
      const { payload } = await jwtVerify(token, keys, {
        issuer: settings.issuer,
        audience: settings.audience,
        algorithms: OIDC_ALGORITHMS,
        requiredClaims: ['sub', 'exp'],
      });
      if (!payload.sub) throw new AppError(ErrorCode.UNAUTHENTICATED, 'The token names no subject');
      return { subject: payload.sub };
    } catch (err) {
      throw tokenProblem(err);
    }
  };
}
