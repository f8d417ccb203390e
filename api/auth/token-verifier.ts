import { decodeJwt } from 'jose';
import type { PrismaClient } from '../../generated/prisma/client.js';
import { ROLES, type Actor, type Role } from '../../domain/roles.js';
import { AppError, ErrorCode } from '../../lib/app-error.js';
import { verifyToken, type TokenSettings } from '../../lib/auth-tokens.js';
import { createOidcVerifier, type OidcSettings } from '../../lib/oidc-tokens.js';

/** Turns a bearer token into the actor it speaks for; any failure is a 401 AppError (503 if the IdP is unreachable). */
export interface TokenVerifier {
  verify(token: string): Promise<Actor>;
}

export interface TokenVerifierOptions {
  prisma: PrismaClient;
  /** The API's own HS256 tokens (`npm run token`). */
  local: TokenSettings;
  /** An external identity provider; unset, only local tokens are accepted. */
  oidc?: OidcSettings | undefined;
}

function unverifiedIssuer(token: string): string | undefined {
  try {
    return decodeJwt(token).iss;
  } catch {
    return undefined; // not a JWT at all: the local check rejects it with a clear problem
  }
}

/**
 * Accepts local tokens and, when configured, the identity provider's. The provider is chosen by the token's `iss`
 * (read before verification only to pick the key source; the chosen verifier checks it again), so each kind of token
 * is checked only with its own keys and algorithms: HS256 with the local secret, RS256/ES256 with the provider's JWKS.
 *
 * Either kind of token names a person by `sub`; their role, subject and authority are read from this product's users,
 * never from the token's other claims (a forged or stale role claim grants nothing), nor from the provider's claims (the provider knows people, the credit office decides who reviews for which
 * authority). A `sub` that is no user here is a 401: the person is not known to this API.
 */
export function createTokenVerifier({ prisma, local, oidc }: TokenVerifierOptions): TokenVerifier {
  const verifyOidc = oidc ? createOidcVerifier(oidc) : null;

  async function actorOfUser(subject: string): Promise<Actor> {
    const user = await prisma.user.findUnique({ where: { id: subject } });
    if (!user || !(ROLES as readonly string[]).includes(user.role)) {
      throw new AppError(ErrorCode.UNAUTHENTICATED, 'The token is valid but its subject is not a registered user of this service');
    }
    return { id: user.id, role: user.role as Role, subjectId: user.subjectId, authorityId: user.authorityId };
  }

  return {
    async verify(token) {
      if (verifyOidc && oidc && unverifiedIssuer(token) === oidc.issuer) {
        const { subject } = await verifyOidc(token);
        return actorOfUser(subject);
      }
      const { subject } = await verifyToken(local, token);
      return actorOfUser(subject);
    },
  };
}
