import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { listPageSchema } from '../cases/case-list.js';
import { z } from 'zod';
import { rolesFor } from '../access/permissions.js';
import { registerClaimOpenApi } from '../claims/claim-openapi.js';
import { jsonBody, jsonResponse, problemResponses } from '../openapi/openapi-helpers.js';
import { recordParamsSchema } from '../records/record-schemas.js';
import { REPAIR_ACTIONS } from './repair-actions.js';
import { fileRepairSchema, listRepairsQuerySchema, repairParamsSchema } from './repair-schemas.js';

const repairSchema = z.object({ id: z.string(), status: z.string(), recordId: z.string(), clockPaused: z.boolean() }).passthrough().openapi('RepairApplication');
const withTimeline = repairSchema.extend({ timeline: z.array(z.unknown()) });
const eligibilitySchema = z
  .object({
    repairable: z.boolean(),
    obstacles: z.array(z.object({ code: z.string(), message: z.string(), from: z.string().optional() })),
    earliestFrom: z.string().nullable(),
  })
  .openapi('RepairEligibility');

export function registerRepairOpenApi(registry: OpenAPIRegistry): void {
  registry.registerPath({
    method: 'get',
    path: '/records/{recordId}/repair-eligibility',
    summary: 'Can this record be repaired now; if not, why and from when',
    tags: ['repairs'],
    request: { params: recordParamsSchema },
    responses: { 200: jsonResponse('The answer', eligibilitySchema), ...problemResponses(400, 401, 404) },
  });
  registry.registerPath({
    method: 'post',
    path: '/repairs',
    summary: 'Apply for credit repair (信用修复) with the required materials',
    tags: ['repairs'],
    request: { body: jsonBody(fileRepairSchema) },
    responses: { 201: jsonResponse('The application', withTimeline), ...problemResponses(400, 401, 403, 404, 409) },
  });
  registry.registerPath({
    method: 'get',
    path: '/repairs',
    summary: 'List repair applications visible to the caller',
    tags: ['repairs'],
    request: { query: listRepairsQuerySchema },
    responses: { 200: jsonResponse('A page of applications, newest filed first', listPageSchema(repairSchema)), ...problemResponses(400, 401) },
  });
  registry.registerPath({
    method: 'get',
    path: '/repairs/{applicationId}',
    summary: 'A repair application with its timeline',
    tags: ['repairs'],
    request: { params: repairParamsSchema },
    responses: { 200: jsonResponse('The application', withTimeline), ...problemResponses(400, 401, 404) },
  });
  for (const action of REPAIR_ACTIONS) {
    registry.registerPath({
      method: 'post',
      path: `/repairs/{applicationId}/${action.path}`,
      summary: action.summary,
      description: `Roles: ${rolesFor(action.permission).join(', ')}`,
      tags: ['repairs'],
      request: { params: repairParamsSchema, body: jsonBody(action.body) },
      responses: { 200: jsonResponse('The application after the action', withTimeline), ...problemResponses(400, 401, 403, 404, 409) },
    });
  }
  registerClaimOpenApi(registry, { casePath: '/repairs/{applicationId}', params: repairParamsSchema, caseSchema: withTimeline, tag: 'repairs' });
}
