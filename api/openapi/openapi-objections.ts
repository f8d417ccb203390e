import { caseEventSchema } from '../cases/case-event-schema.js';
import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { listPageSchema } from '../cases/case-list.js';
import { z } from 'zod';
import { rolesFor } from '../access/permissions.js';
import { registerClaimOpenApi } from '../claims/claim-openapi.js';
import { OBJECTION_ACTIONS } from '../objections/objection-actions.js';
import {
  caseIdParamsSchema,
  fileObjectionSchema,
  listObjectionsQuerySchema,
  objectionCaseSchema,
} from '../objections/objection-schemas.js';
import { jsonBody, jsonResponse, problemResponses } from './openapi-helpers.js';

const caseWithTimeline = objectionCaseSchema.extend({ timeline: z.array(caseEventSchema) });
const idempotencyHeader = z.object({ 'idempotency-key': z.string().optional() });

export function registerObjectionOpenApi(registry: OpenAPIRegistry): void {
  registry.registerPath({
    method: 'post',
    path: '/objections',
    summary: 'File an objection (异议) against a dishonesty record',
    tags: ['objections'],
    request: { headers: idempotencyHeader, body: jsonBody(fileObjectionSchema) },
    responses: { 201: jsonResponse('The case, with its timeline', caseWithTimeline), ...problemResponses(400, 401, 403, 404, 409, 422, 429) },
  });
  registry.registerPath({
    method: 'get',
    path: '/objections',
    summary: 'List objection cases visible to the caller',
    tags: ['objections'],
    request: { query: listObjectionsQuerySchema },
    responses: {
      200: jsonResponse('A page of cases, newest filed first', listPageSchema(objectionCaseSchema)),
      ...problemResponses(400, 401),
    },
  });
  registry.registerPath({
    method: 'get',
    path: '/objections/{caseId}',
    summary: 'One objection case with its timeline',
    tags: ['objections'],
    request: { params: caseIdParamsSchema },
    responses: { 200: jsonResponse('The case', caseWithTimeline), ...problemResponses(400, 401, 404) },
  });
  for (const action of OBJECTION_ACTIONS) {
    registry.registerPath({
      method: 'post',
      path: `/objections/{caseId}/${action.path}`,
      summary: action.summary,
      description: `Roles: ${rolesFor(action.permission).join(', ')}`,
      tags: ['objections'],
      request: { params: caseIdParamsSchema, headers: idempotencyHeader, body: jsonBody(action.body) },
      responses: { 200: jsonResponse('The case after the action', caseWithTimeline), ...problemResponses(400, 401, 403, 404, 409, 422, 429) },
    });
  }
  registerClaimOpenApi(registry, { casePath: '/objections/{caseId}', params: caseIdParamsSchema, caseSchema: caseWithTimeline, tag: 'objections' });
  registry.registerPath({
    method: 'get',
    path: '/me',
    summary: 'The authenticated actor',
    tags: ['auth'],
    responses: { 200: jsonResponse('The actor', z.object({ id: z.string(), role: z.string() }).passthrough()), ...problemResponses(401) },
  });
}
