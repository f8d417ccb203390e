import { extendZodWithOpenApi } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';

extendZodWithOpenApi(z);

export const loginRequestSchema = z
  .object({
    userId: z.string().min(1).max(64).regex(/^[A-Za-z0-9._:-]+$/),
    password: z.string().min(1).max(256),
  })
  .strict()
  .openapi('LoginRequest');

/** Logging out ends this session; `allSessions: true` ends every console session of the signed-in user. */
export const logoutRequestSchema = z
  .object({ allSessions: z.boolean().optional().describe('End every console session of the signed-in user (sign out everywhere)') })
  .strict()
  .openapi('LogoutRequest');

/** Which ways of signing in the login page offers. */
export const signInMethodsSchema = z
  .object({
    password: z.boolean().describe('Local accounts with a password (always)'),
    oidc: z.boolean().describe('The office’s identity provider (统一身份认证): GET /auth/oidc/login starts it'),
  })
  .openapi('SignInMethods');

export const sessionUserSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    role: z.enum(['APPLICANT', 'REVIEWER', 'SUPERVISOR', 'ADMIN']),
    subjectId: z.string().nullable(),
    authorityId: z.string().nullable(),
    expiresAt: z.string(),
  })
  .openapi('SessionUser');
