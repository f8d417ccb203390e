import { SignJWT, jwtVerify } from 'jose';
import { z } from 'zod';
import { ROLES, type Actor } from '../domain/roles.js';
import { AppError, ErrorCode } from './app-error.js';
import { tokenProblem } from './token-errors.js';

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

/** Verifies a local token: signature (HS256 only), expiry, issuer and audience; any failure is a 401 AppError. */
export async function verifyToken(settings: TokenSettings, token: string): Promise<Actor> {
  try {
    const { payload } = await jwtVerify(token, new TextEncoder().encode(settings.secret), {
      issuer: settings.issuer,
      audience: settings.audience,
      algorithms: ['HS256'],
    });
    const claims = claimsSchema.safeParse(payload);
    if (!claims.success) throw new AppError(ErrorCode.UNAUTHENTICATED, 'The token does not name a user and role');
    const { sub, role, subjectId, authorityId } = claims.data;
    return { id: sub, role, subjectId: subjectId ?? null, authorityId: authorityId ?? null };
  } catch (err) {
    throw tokenProblem(err);
  }
}
