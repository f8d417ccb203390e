import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { jsonBody, jsonResponse, problemResponses } from '../openapi/openapi-helpers.js';
import { loginRequestSchema, logoutRequestSchema, sessionUserSchema } from './session-schemas.js';

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
}
