import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import { rolesFor } from '../access/permissions.js';
import { listPageSchema } from '../cases/case-list.js';
import { jsonBody, jsonResponse, problemResponses } from '../openapi/openapi-helpers.js';
import { confirmRecordProposalSchema, listRecordProposalsQuerySchema, recordProposalParamsSchema, rejectRecordProposalSchema } from './record-proposal-schemas.js';

const proposalSchema = z
  .object({ id: z.string(), source: z.string(), sourceCaseId: z.string(), origin: z.string(), status: z.string(), policyArea: z.string(), recordId: z.string().nullable() })
  .passthrough()
  .openapi('RecordProposal');

export function registerRecordProposalOpenApi(registry: OpenAPIRegistry): void {
  registry.registerPath({
    method: 'get',
    path: '/record-proposals',
    summary: 'Record proposals (from complaints and broken commitments) visible to the caller',
    description: `Roles: ${rolesFor('record-proposal.read').join(', ')}`,
    tags: ['records'],
    request: { query: listRecordProposalsQuerySchema },
    responses: { 200: jsonResponse('A page of proposals, newest first', listPageSchema(proposalSchema)), ...problemResponses(400, 401, 403) },
  });
  registry.registerPath({
    method: 'get',
    path: '/record-proposals/{proposalId}',
    summary: 'A record proposal',
    tags: ['records'],
    request: { params: recordProposalParamsSchema },
    responses: { 200: jsonResponse('The proposal', proposalSchema), ...problemResponses(400, 401, 403, 404) },
  });
  registry.registerPath({
    method: 'post',
    path: '/record-proposals/{proposalId}/confirm',
    summary: 'Confirm the proposal into a dishonesty record (publication, rectification and eligibility follow)',
    description: `Roles: ${rolesFor('record-proposal.confirm').join(', ')}; not the person who made the finding`,
    tags: ['records'],
    request: { params: recordProposalParamsSchema, body: jsonBody(confirmRecordProposalSchema) },
    responses: { 200: jsonResponse('The confirmed proposal with its recordId', proposalSchema), ...problemResponses(400, 401, 403, 404, 409) },
  });
  registry.registerPath({
    method: 'post',
    path: '/record-proposals/{proposalId}/reject',
    summary: 'Reject the proposal with reasons',
    description: `Roles: ${rolesFor('record-proposal.reject').join(', ')}; not the person who made the finding`,
    tags: ['records'],
    request: { params: recordProposalParamsSchema, body: jsonBody(rejectRecordProposalSchema) },
    responses: { 200: jsonResponse('The rejected proposal', proposalSchema), ...problemResponses(400, 401, 403, 404, 409) },
  });
}
