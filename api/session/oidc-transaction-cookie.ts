import { hkdfSync } from 'node:crypto';
import type { Request, Response } from 'express';
import { parse } from 'cookie';
import { EncryptJWT, jwtDecrypt } from 'jose';
import { z } from 'zod';
import type { OidcTransaction } from '../../lib/oidc-sign-in.js';

/** The sign-in in progress, kept by the browser for the round trip to the provider. */
export const OIDC_TRANSACTION_COOKIE = 'ce_oidc';
const PATH = '/auth/oidc';
const LIFETIME_S = 600;

const transactionSchema = z.object({ state: z.string().min(43), nonce: z.string().min(43), codeVerifier: z.string().min(43).max(128) });

/**
 * State, nonce and PKCE verifier travel in a cookie encrypted with a key derived from the installation secret
 * (A256GCM, 10 minutes), so any API instance can finish a sign-in another one started and nothing is stored before
 * the user is known. It is SameSite=Lax, not Strict, because the provider's redirect back is a cross-site
 * navigation; it signs no one in by itself, and it is scoped to /auth/oidc and removed by the callback.
 */
export function oidcTransactionCookie(installationSecret: string) {
  const key = new Uint8Array(hkdfSync('sha256', installationSecret, 'credit-engine', 'console oidc transaction cookie', 32));
  return {
    async set(req: Request, res: Response, transaction: OidcTransaction): Promise<void> {
      const sealed = await new EncryptJWT({ ...transaction }).setProtectedHeader({ alg: 'dir', enc: 'A256GCM' }).setIssuedAt().setExpirationTime(`${LIFETIME_S}s`).encrypt(key);
      res.cookie(OIDC_TRANSACTION_COOKIE, sealed, { httpOnly: true, sameSite: 'lax', secure: req.secure, path: PATH, maxAge: LIFETIME_S * 1000 });
    },

    /** The browser's transaction, or undefined when it has none, or one that is expired or was not sealed here. */
    async read(req: Request): Promise<OidcTransaction | undefined> {
      const sealed = req.headers.cookie ? parse(req.headers.cookie)[OIDC_TRANSACTION_COOKIE] : undefined;
      if (!sealed) return undefined;
      try {
        const { payload } = await jwtDecrypt(sealed, key, { keyManagementAlgorithms: ['dir'], contentEncryptionAlgorithms: ['A256GCM'] });
        const parsed = transactionSchema.safeParse(payload);
        return parsed.success ? parsed.data : undefined;
      } catch {
        return undefined;
      }
    },

    clear(req: Request, res: Response): void {
      res.clearCookie(OIDC_TRANSACTION_COOKIE, { httpOnly: true, sameSite: 'lax', secure: req.secure, path: PATH });
    },
  };
}
