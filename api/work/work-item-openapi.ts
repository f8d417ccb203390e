import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { jsonResponse, problemResponses } from '../openapi/openapi-helpers.js';
import { workItemPageSchema, workItemsQuerySchema, workSummaryQuerySchema, workSummarySchema } from './work-item-schemas.js';

export function registerWorkItemOpenApi(registry: OpenAPIRegistry): void {
  registry.registerPath({
    method: 'get',
    path: '/work-items',
    summary: 'The caller\'s work across case types (objections, rectifications, repairs), soonest due first',
    description: 'Roles: everyone; each sees only the cases their role may see (as on each case type\'s own list).',
    tags: ['work'],
    request: { query: workItemsQuerySchema },
    responses: { 200: jsonResponse('A page of cases', workItemPageSchema), ...problemResponses(400, 401) },
  });
  registry.registerPath({
    method: 'get',
    path: '/work-items/summary',
    summary: 'The caller\'s pending counts (actionable, claimed, claimable, overdue)',
    tags: ['work'],
    request: { query: workSummaryQuerySchema },
    responses: { 200: jsonResponse('The counts', workSummarySchema), ...problemResponses(400, 401) },
  });
}
