import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import { rolesFor } from '../access/permissions.js';
import { listPageSchema } from '../cases/case-list.js';
import { registerClaimOpenApi } from '../claims/claim-openapi.js';
import { jsonBody, jsonResponse, problemResponses } from '../openapi/openapi-helpers.js';
import { COMMITMENT_ACTIONS } from './commitment-actions.js';
import { commitmentParamsSchema, listCommitmentsQuerySchema, registerCommitmentSchema, subjectParamsSchema, summaryQuerySchema } from './commitment-schemas.js';

const commitmentSchema = z
  .object({ id: z.string(), status: z.string(), kind: z.string(), policyArea: z.string(), dueDate: z.string(), recordProposalId: z.string().nullable() })
  .passthrough()
  .openapi('Commitment');
const withTimeline = commitmentSchema.extend({ timeline: z.array(z.unknown()) });
const counts = z.object({ kept: z.number(), late: z.number(), broken: z.number() });
const summarySchema = z
  .object({ subjectId: z.string(), policyArea: z.string().nullable(), checks: counts, commitments: counts.extend({ open: z.number() }) })
  .openapi('CommitmentSummary');

export function registerCommitmentOpenApi(registry: OpenAPIRegistry): void {
  registry.registerPath({
    method: 'post',
    path: '/commitments',
    summary: 'Register a public commitment of the caller’s body (守信践诺)',
    tags: ['commitments'],
    request: { body: jsonBody(registerCommitmentSchema) },
    responses: { 201: jsonResponse('The commitment', withTimeline), ...problemResponses(400, 401, 403) },
  });
  registry.registerPath({
    method: 'get',
    path: '/commitments',
    summary: 'List commitments visible to the caller (filter by status, subject, kind, policy area)',
    tags: ['commitments'],
    request: { query: listCommitmentsQuerySchema },
    responses: { 200: jsonResponse('A page of commitments, newest first', listPageSchema(commitmentSchema)), ...problemResponses(400, 401) },
  });
  registry.registerPath({
    method: 'get',
    path: '/commitments/{commitmentId}',
    summary: 'A commitment with its timeline',
    tags: ['commitments'],
    request: { params: commitmentParamsSchema },
    responses: { 200: jsonResponse('The commitment', withTimeline), ...problemResponses(400, 401, 404) },
  });
  registry.registerPath({
    method: 'get',
    path: '/subjects/{subjectId}/commitments/summary',
    summary: 'Kept, late and broken checks and commitments of a body, in the caller’s scope (optionally one policy area)',
    tags: ['commitments'],
    request: { params: subjectParamsSchema, query: summaryQuerySchema },
    responses: { 200: jsonResponse('The counts', summarySchema), ...problemResponses(400, 401, 404) },
  });
  for (const action of COMMITMENT_ACTIONS) {
    registry.registerPath({
      method: 'post',
      path: `/commitments/{commitmentId}/${action.path}`,
      summary: action.summary,
      description: `Roles: ${rolesFor(action.permission).join(', ')}`,
      tags: ['commitments'],
      request: { params: commitmentParamsSchema, body: jsonBody(action.body) },
      responses: { 200: jsonResponse('The commitment after the action', withTimeline), ...problemResponses(400, 401, 403, 404, 409) },
    });
  }
  registerClaimOpenApi(registry, { casePath: '/commitments/{commitmentId}', params: commitmentParamsSchema, caseSchema: withTimeline, tag: 'commitments' });
}
