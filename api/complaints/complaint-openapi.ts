import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import { rolesFor } from '../access/permissions.js';
import { listPageSchema } from '../cases/case-list.js';
import { registerClaimOpenApi } from '../claims/claim-openapi.js';
import { jsonBody, jsonResponse, problemResponses } from '../openapi/openapi-helpers.js';
import { COMPLAINT_ACTIONS } from './complaint-actions.js';
import { complaintLookupSchema, complaintParamsSchema, listComplaintsQuerySchema, registerComplaintSchema } from './complaint-schemas.js';

const complaintSchema = z
  .object({
    id: z.string(),
    status: z.string(),
    policyArea: z.string(),
    anonymous: z.boolean(),
    reporter: z.unknown().openapi({ description: 'The reporter: for the intake office’s staff only; {redacted: true} for everyone else; null when anonymous' }),
  })
  .passthrough()
  .openapi('Complaint');
const withTimeline = complaintSchema.extend({ timeline: z.array(z.unknown()) });
const registered = withTimeline.extend({
  lookup: z.object({ caseNumber: z.string(), secret: z.string() }).openapi({ description: 'For the reporter; shown only in this answer' }),
});
const progressSchema = z
  .object({ caseNumber: z.string(), status: z.string(), currentStep: z.string().nullable(), filedAt: z.string(), dueAt: z.string().nullable(), finding: z.string().nullable(), reply: z.string().nullable(), repliedAt: z.string().nullable() })
  .openapi('ComplaintProgress');

export function registerComplaintOpenApi(registry: OpenAPIRegistry): void {
  registry.registerPath({
    method: 'post',
    path: '/complaints',
    summary: 'Register a complaint (投诉举报) as the credit office; anonymous reports allowed',
    description: `Roles: ${rolesFor('complaint.register').join(', ')}`,
    tags: ['complaints'],
    request: { body: jsonBody(registerComplaintSchema) },
    responses: { 201: jsonResponse('The complaint, with the reporter’s case number and secret', registered), ...problemResponses(400, 401, 403, 404) },
  });
  registry.registerPath({
    method: 'get',
    path: '/complaints',
    summary: 'Complaints registered by or forwarded to the caller’s authority',
    tags: ['complaints'],
    request: { query: listComplaintsQuerySchema },
    responses: { 200: jsonResponse('A page of complaints, newest first', listPageSchema(complaintSchema)), ...problemResponses(400, 401, 403) },
  });
  registry.registerPath({
    method: 'get',
    path: '/complaints/{complaintId}',
    summary: 'A complaint with its timeline',
    tags: ['complaints'],
    request: { params: complaintParamsSchema },
    responses: { 200: jsonResponse('The complaint', withTimeline), ...problemResponses(400, 401, 403, 404) },
  });
  for (const action of COMPLAINT_ACTIONS) {
    registry.registerPath({
      method: 'post',
      path: `/complaints/{complaintId}/${action.path}`,
      summary: action.summary,
      description: `Roles: ${rolesFor(action.permission).join(', ')}`,
      tags: ['complaints'],
      request: { params: complaintParamsSchema, body: jsonBody(action.body) },
      responses: { 200: jsonResponse('The complaint', withTimeline), ...problemResponses(400, 401, 403, 404, 409) },
    });
  }
  registerClaimOpenApi(registry, { casePath: '/complaints/{complaintId}', params: complaintParamsSchema, caseSchema: withTimeline, tag: 'complaints' });
  registry.registerPath({
    method: 'post',
    path: '/public/complaints/lookup',
    summary: 'The reporter’s progress, by case number and secret (no account)',
    tags: ['public'],
    security: [],
    request: { body: jsonBody(complaintLookupSchema) },
    responses: { 200: jsonResponse('Progress, and the reply once given', progressSchema), ...problemResponses(400, 404, 429) },
  });
}
