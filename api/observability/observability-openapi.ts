import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import { jsonResponse, problemResponses } from '../openapi/openapi-helpers.js';

const checkStatus = z.enum(['up', 'down']);
const readinessSchema = z.object({
  status: z.literal('ready'),
  checks: z.object({ database: checkStatus, temporal: checkStatus, worker: checkStatus }),
});

export function registerObservabilityOpenApi(registry: OpenAPIRegistry): void {
  registry.registerComponent('securitySchemes', 'metricsToken', { type: 'http', scheme: 'bearer', description: 'METRICS_TOKEN of the deployment' });
  registry.registerPath({
    method: 'get',
    path: '/health/live',
    summary: 'Liveness: the process answers (no dependency is checked)',
    tags: ['operations'],
    security: [],
    responses: { 200: jsonResponse('Alive', z.object({ status: z.literal('live') })) },
  });
  registry.registerPath({
    method: 'get',
    path: '/health/ready',
    summary: 'Readiness: the database answers, the Temporal namespace answers, and a worker polled the task queue within 2 minutes',
    description: 'A 503 problem names the dependencies that are down (its `checks` member has the same shape).',
    tags: ['operations'],
    security: [],
    responses: { 200: jsonResponse('Ready', readinessSchema), ...problemResponses(503) },
  });
  registry.registerPath({
    method: 'get',
    path: '/metrics',
    summary: 'Prometheus metrics: request latency by route and status, cases by type and status, overdue and escalated cases, outbox messages',
    description: 'Needs `Authorization: Bearer <METRICS_TOKEN>` (not a user token); 404 when METRICS_TOKEN is not configured.',
    tags: ['operations'],
    security: [{ metricsToken: [] }],
    responses: {
      200: { description: 'Prometheus text exposition format', content: { 'text/plain': { schema: z.string() } } },
      ...problemResponses(401, 404),
    },
  });
}
