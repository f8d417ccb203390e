import { SignJWT, jwtVerify, errors as joseErrors } from 'jose';
import { z } from 'zod';
import { ROLES, type Actor } from '../domain/roles.js';
import { AppError, ErrorCode } from './app-error.js';

export interface TokenSettings {
  secret: string;
  issuer: string;
  audience: string;
}

const claimsSchema = z.object({
  sub: z.string().min(1),
  role: z.enum(ROLES),
  subjectId: z.string().nullish(),
  authorityId: z.string().nullish(),
});

/** Issues an HS256 token for a local user (development and tests). */
export async function issueToken(settings: TokenSettings, actor: Actor, expiresIn = '8h'): Promise<string> {
  return new SignJWT({ role: actor.role, subjectId: actor.subjectId ?? null, authorityId: actor.authorityId ?? null })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(actor.id)
    .setIssuer(settings.issuer)
    .setAudience(settings.audience)
    .setIssuedAt()
    .setExpirationTime(expiresIn)
    .sign(new TextEncoder().encode(settings.secret));
}

/** Verifies signature, expiry, issuer and audience; any failure is a 401 AppError. */
export async function verifyToken(settings: TokenSettings, token: string): Promise<Actor> {
  try {
    const { payload } = await jwtVerify(token, new TextEncoder().encode(settings.secret), {
      issuer: settings.issuer,
      audience: settings.audience,
      algorithms: ['HS256'],
    });
    const claims = claimsSchema.parse(payload);
    return { id: claims.sub, role: claims.role, subjectId: claims.subjectId ?? null, authorityId: claims.authorityId ?? null };
  } catch (err) {
    const reason = err instanceof joseErrors.JWTExpired ? 'The token has expired' : 'The token is invalid';
    throw new AppError(ErrorCode.UNAUTHENTICATED, reason);
  }
}
