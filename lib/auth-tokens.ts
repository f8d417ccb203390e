import { SignJWT, jwtVerify } from 'jose';
import { z } from 'zod';
import { AppError, ErrorCode } from './app-error.js';
import { tokenProblem } from './token-errors.js';

export interface TokenSettings {
  secret: string;
  issuer: string;
  audience: string;
}

const claimsSchema = z.object({ sub: z.string().min(1).max(200) });

/**
 * Issues an HS256 token naming a user (development, tests, offices without an identity provider). It carries no
 * role: whoever verifies it reads the user's role, subject and authority from the User table.
 */
export async function issueToken(settings: TokenSettings, user: { id: string }, expiresIn = '8h'): Promise<string> {
  return new SignJWT({})
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(user.id)
    .setIssuer(settings.issuer)
    .setAudience(settings.audience)
    .setIssuedAt()
    .setExpirationTime(expiresIn)
    .sign(new TextEncoder().encode(settings.secret));
}

/**
 * Verifies a local token (signature HS256 only, expiry, issuer, audience) and returns the user id it names; any
 * failure is a 401 AppError. Claims other than `sub` are ignored, whatever they say.
 */
export async function verifyToken(settings: TokenSettings, token: string): Promise<{ subject: string }> {
  try {
    const { payload } = await jwtVerify(token, new TextEncoder().encode(settings.secret), {
      issuer: settings.issuer,
      audience: settings.audience,
      algorithms: ['HS256'],
    });
    const claims = claimsSchema.safeParse(payload);
    if (!claims.success) throw new AppError(ErrorCode.UNAUTHENTICATED, 'The token does not name a user');
    return { subject: claims.data.sub };
  } catch (err) {
    throw tokenProblem(err);
  }
}
