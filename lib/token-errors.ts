import { errors as joseErrors } from 'jose';
import { AppError, ErrorCode } from './app-error.js';

/**
 * Turns a failed token check into a 401 whose detail says what is wrong (never the token or a key), or a 503 when
 * the identity provider's keys cannot be fetched (the token may be fine; retrying later can help).
 */
export function tokenProblem(err: unknown): AppError {
  if (err instanceof AppError) return err;
  if (err instanceof joseErrors.JWTExpired) return unauthenticated('The token has expired');
  if (err instanceof joseErrors.JWTClaimValidationFailed) {
    if (err.claim === 'nbf') return unauthenticated('The token is not valid yet');
    if (err.claim === 'iss') return unauthenticated('The token was issued by an issuer this API does not accept');
    if (err.claim === 'aud') return unauthenticated('The token is meant for another audience');
    return unauthenticated(`The token's "${err.claim}" claim is not accepted`);
  }
  if (err instanceof joseErrors.JOSEAlgNotAllowed) return unauthenticated('The token is signed with an algorithm this API does not accept');
  if (err instanceof joseErrors.JWKSNoMatchingKey) return unauthenticated('The token is signed with a key the identity provider does not publish');
  if (err instanceof joseErrors.JWSSignatureVerificationFailed) return unauthenticated('The token signature is invalid');
  if (err instanceof joseErrors.JWKSTimeout || err instanceof joseErrors.JWKSInvalid || isFetchFailure(err)) {
    return new AppError(ErrorCode.UNAVAILABLE, 'The signing keys of the identity provider cannot be fetched now; retry later');
  }
  return unauthenticated('The token is invalid');
}

function unauthenticated(detail: string): AppError {
  return new AppError(ErrorCode.UNAUTHENTICATED, detail);
}

/** fetch() of the JWKS failed (connection refused, DNS) or the provider answered with something other than 200. */
function isFetchFailure(err: unknown): boolean {
  if (err instanceof TypeError && /fetch failed/i.test(err.message)) return true;
  return err instanceof joseErrors.JOSEError && err.code === 'ERR_JOSE_GENERIC' && /JSON Web Key Set/i.test(err.message);
}
