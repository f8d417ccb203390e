import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { jsonResponse, problemResponses } from '../openapi/openapi-helpers.js';
import { authoritiesQuerySchema, authorityListSchema } from './authority-schemas.js';

export function registerAuthorityOpenApi(registry: OpenAPIRegistry): void {
  registry.registerPath({
    method: 'get',
    path: '/authorities',
    summary: 'The authorities, by name (at most 50; q narrows them)',
    description: 'Roles: everyone. Names and credit codes of authorities are public.',
    tags: ['authorities'],
    request: { query: authoritiesQuerySchema },
    responses: { 200: jsonResponse('The authorities', authorityListSchema), ...problemResponses(400, 401) },
  });
}
