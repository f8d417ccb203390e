import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { listPageSchema } from '../cases/case-list.js';
import { z } from 'zod';
import { caseEventSchema } from '../cases/case-event-schema.js';
import { rolesFor } from '../access/permissions.js';
import { registerClaimOpenApi } from '../claims/claim-openapi.js';
import { jsonBody, jsonResponse, problemResponses } from '../openapi/openapi-helpers.js';
import { RECTIFICATION_ACTIONS } from './rectification-actions.js';
import { listRectificationsQuerySchema, rectificationIdParamsSchema, rectificationSchema } from './rectification-schemas.js';

const withTimeline = rectificationSchema.extend({ timeline: z.array(caseEventSchema) });
const idempotencyHeader = z.object({ 'idempotency-key': z.string().optional() });

export function registerRectificationOpenApi(registry: OpenAPIRegistry): void {
  registry.registerPath({
    method: 'get',
    path: '/rectifications',
    summary: 'List rectification orders (限期整改) visible to the caller',
    tags: ['rectifications'],
    request: { query: listRectificationsQuerySchema },
    responses: {
      200: jsonResponse('A page of rectifications, newest first', listPageSchema(rectificationSchema)),
      ...problemResponses(400, 401),
    },
  });
  registry.registerPath({
    method: 'get',
    path: '/rectifications/{rectificationId}',
    summary: 'One rectification with its timeline',
    tags: ['rectifications'],
    request: { params: rectificationIdParamsSchema },
    responses: { 200: jsonResponse('The rectification', withTimeline), ...problemResponses(400, 401, 404) },
  });
  for (const action of RECTIFICATION_ACTIONS) {
    registry.registerPath({
      method: 'post',
      path: `/rectifications/{rectificationId}/${action.path}`,
      summary: action.summary,
      description: `Roles: ${rolesFor(action.permission).join(', ')}`,
      tags: ['rectifications'],
      request: { params: rectificationIdParamsSchema, headers: idempotencyHeader, body: jsonBody(action.body) },
      responses: { 200: jsonResponse('The rectification after the action', withTimeline), ...problemResponses(400, 401, 403, 404, 409, 422, 429) },
    });
  }
  registerClaimOpenApi(registry, {
    casePath: '/rectifications/{rectificationId}',
    params: rectificationIdParamsSchema,
    caseSchema: withTimeline,
    tag: 'rectifications',
  });
}
