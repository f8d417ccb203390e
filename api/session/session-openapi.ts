import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import { jsonBody, jsonResponse, problemResponses } from '../openapi/openapi-helpers.js';
import { loginRequestSchema, logoutRequestSchema, sessionUserSchema, signInMethodsSchema } from './session-schemas.js';

export function registerSessionOpenApi(registry: OpenAPIRegistry): void {
  registry.registerComponent('securitySchemes', 'consoleSession', { type: 'apiKey', in: 'cookie', name: 'ce_session' });
  registry.registerPath({
    method: 'post',
    path: '/auth/login',
    summary: 'Sign in to the console with a local account’s password; sets the httpOnly session cookie',
    description:
      'Open to anyone. Five failed attempts in a row lock the account for 15 minutes (401 with `reason: locked` and `lockedUntil`). ' +
      'A cross-origin request (Origin of another host) is a 403.',
    tags: ['session'],
    security: [],
    request: { body: jsonBody(loginRequestSchema) },
    responses: { 200: jsonResponse('Signed in', sessionUserSchema), ...problemResponses(400, 401, 403, 429) },
  });
  registry.registerPath({
    method: 'post',
    path: '/auth/logout',
    summary: 'Sign out of the console: ends the session (or, with allSessions, every session of the user) and clears its cookie',
    description: 'With the session cookie, the request must carry `X-Requested-With: credit-console` from the same origin (CSRF).',
    tags: ['session'],
    security: [],
    request: { body: jsonBody(logoutRequestSchema) },
    responses: { 204: { description: 'Signed out' }, ...problemResponses(400, 403) },
  });
  registry.registerPath({
    method: 'get',
    path: '/auth/methods',
    summary: 'The ways of signing in to the console (local password; the identity provider when OIDC_CLIENT_ID is set)',
    tags: ['session'],
    security: [],
    responses: { 200: jsonResponse('Sign-in methods', signInMethodsSchema) },
  });
  registry.registerPath({
    method: 'get',
    path: '/auth/oidc/login',
    summary: 'Starts the console sign-in at the identity provider (authorization code + PKCE): a redirect to the provider',
    description: 'A browser navigation, not an API call. Sets a short-lived encrypted cookie with the state, nonce and PKCE verifier. 404 when no provider is configured.',
    tags: ['session'],
    security: [],
    responses: { 303: { description: 'To the provider’s authorization endpoint (or to the login page when the provider cannot be reached)' }, ...problemResponses(404) },
  });
  registry.registerPath({
    method: 'get',
    path: '/auth/oidc/callback',
    summary: 'Where the identity provider sends the browser back (OIDC_REDIRECT_URL); signs in with the session cookie',
    description:
      'Checks the state against the browser’s transaction cookie, exchanges the code with the PKCE verifier, verifies the ID token (issuer, this client, nonce, ' +
      'the provider’s keys) and signs in the User whose id is its `sub`. Success: 303 to /console/. Failure: 303 to /console/login?oidcError=' +
      'state|denied|exchange|id-token|unknown-user|unavailable, and no session.',
    tags: ['session'],
    security: [],
    request: {
      query: z.object({ code: z.string().optional(), state: z.string().optional(), error: z.string().optional(), iss: z.string().optional() }),
    },
    responses: { 303: { description: 'To the console, or back to its login page with the reason' }, ...problemResponses(404) },
  });
}
