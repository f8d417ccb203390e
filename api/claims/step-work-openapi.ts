import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import { rolesFor } from '../access/permissions.js';
import { jsonBody, jsonResponse, problemResponses } from '../openapi/openapi-helpers.js';
import { urgeStepSchema } from './claim-schemas.js';
import { bulkClaimSchema, bulkReassignSchema, bulkResultSchema, colleagueListSchema, stepCaseParamsSchema, urgeResultSchema } from './step-work-schemas.js';

const idempotencyHeader = z.object({ 'idempotency-key': z.string().optional() });

export function registerStepWorkOpenApi(registry: OpenAPIRegistry): void {
  registry.registerPath({
    method: 'post',
    path: '/work-items/claims',
    summary: 'Claim the current step of several cases; each case answers for itself (a refusal stops nothing)',
    description: `Roles: ${rolesFor('claim.take').join(', ')}. 200 with one result per case, in the order sent.`,
    tags: ['work'],
    request: { headers: idempotencyHeader, body: jsonBody(bulkClaimSchema) },
    responses: { 200: jsonResponse('One result per case', bulkResultSchema), ...problemResponses(400, 401, 403, 422, 429) },
  });
  registry.registerPath({
    method: 'post',
    path: '/work-items/assignments',
    summary: 'Reassign the current step of several cases to one staff member; each case answers for itself',
    description: `Roles: ${rolesFor('claim.reassign').join(', ')}. 200 with one result per case, in the order sent.`,
    tags: ['work'],
    request: { headers: idempotencyHeader, body: jsonBody(bulkReassignSchema) },
    responses: { 200: jsonResponse('One result per case', bulkResultSchema), ...problemResponses(400, 401, 403, 422, 429) },
  });
  registry.registerPath({
    method: 'get',
    path: '/work-items/{caseType}/{caseId}/colleagues',
    summary: 'Who may take the case’s current step over (转办, 委派, reassignment): eligible staff of its authority',
    description: `Roles: ${rolesFor('claim.colleagues').join(', ')}`,
    tags: ['work'],
    request: { params: stepCaseParamsSchema },
    responses: { 200: jsonResponse('The colleagues', colleagueListSchema), ...problemResponses(400, 401, 403, 404) },
  });
  registry.registerPath({
    method: 'post',
    path: '/work-items/{caseType}/{caseId}/urge',
    summary: '催办: urge the holder of an overdue staff step (timeline event, notice to the claimer or the possible claimers)',
    description: `Roles: ${rolesFor('case.urge').join(', ')}`,
    tags: ['work'],
    request: { params: stepCaseParamsSchema, headers: idempotencyHeader, body: jsonBody(urgeStepSchema) },
    responses: { 200: jsonResponse('The urge', urgeResultSchema), ...problemResponses(400, 401, 403, 404, 409, 422, 429) },
  });
}
