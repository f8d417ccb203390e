import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { jsonResponse, problemResponses } from '../openapi/openapi-helpers.js';
import { caseStatsQuerySchema, caseStatsSchema } from './stats-schemas.js';

export function registerStatsOpenApi(registry: OpenAPIRegistry): void {
  registry.registerPath({
    method: 'get',
    path: '/stats/cases',
    summary: 'Dashboard aggregates: open cases by type and status, overdue, escalated, due in the next 1/3/5 working days',
    description: 'Roles: ADMIN. Counted in PostgreSQL over every open case (closedAt is null); a repair whose clock is paused (补正) is never due.',
    tags: ['stats'],
    request: { query: caseStatsQuerySchema },
    responses: { 200: jsonResponse('The counts', caseStatsSchema), ...problemResponses(400, 401, 403) },
  });
}
