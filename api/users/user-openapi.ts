import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { jsonResponse, problemResponses } from '../openapi/openapi-helpers.js';
import { userDirectorySchema, usersQuerySchema } from './user-schemas.js';

export function registerUserOpenApi(registry: OpenAPIRegistry): void {
  registry.registerPath({
    method: 'get',
    path: '/users',
    summary: 'Names of the given users, as far as the caller may see them (ids the caller may not see are left out)',
    description: 'Roles: everyone. Administrators see everyone; staff their authority, administrators and applicants of subjects with their authority\'s records; applicants their body, administrators and the staff of authorities with records on their body.',
    tags: ['users'],
    request: { query: usersQuerySchema },
    responses: { 200: jsonResponse('The people', userDirectorySchema), ...problemResponses(400, 401) },
  });
}
