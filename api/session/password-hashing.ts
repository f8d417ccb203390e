import { hash, verify } from '@node-rs/argon2';

/**
 * Console passwords are hashed with argon2id (@node-rs/argon2, prebuilt native binaries shipped as npm packages) with
 * the library's defaults (OWASP's minimum: 19 MiB, 2 passes). The encoded hash carries its parameters, so raising
 * them later still verifies old hashes.
 */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false; // a malformed stored hash never signs anyone in
  }
}

/** Verified against when the user does not exist, so an unknown name takes as long to refuse as a wrong password. */
export const DECOY_HASH = '$argon2id$v=19$m=19456,t=2,p=1$F/32b0wPWXXJ2WKzRnLthQ$tbhnBhYFV9Rw51b7qnEBM6AM66xtX3UtR6hEx+SfDvI';
