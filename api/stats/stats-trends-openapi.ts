import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { jsonResponse, problemResponses } from '../openapi/openapi-helpers.js';
import { caseTrendsQuerySchema, caseTrendsSchema } from './stats-trends-schemas.js';

export function registerStatsTrendsOpenApi(registry: OpenAPIRegistry): void {
  registry.registerPath({
    method: 'get',
    path: '/stats/trends',
    summary: 'Dashboard trends: ageing of open cases in working days, per-authority deadline compliance, weekly throughput',
    description: 'Roles: ADMIN. Each bucket and week carries the instants that select its cases in GET /work-items (drill-down).',
    tags: ['stats'],
    request: { query: caseTrendsQuerySchema },
    responses: { 200: jsonResponse('The trends', caseTrendsSchema), ...problemResponses(400, 401, 403) },
  });
}
