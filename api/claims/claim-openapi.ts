import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import { rolesFor, type Permission } from '../access/permissions.js';
import { jsonBody, jsonResponse, problemResponses } from '../openapi/openapi-helpers.js';
import { claimStepSchema, passStepSchema, reassignStepSchema, releaseStepSchema, returnStepSchema } from './claim-schemas.js';

export interface ClaimOpenApiOptions {
  /** OpenAPI path of one case, e.g. '/objections/{caseId}'. */
  casePath: string;
  params: z.ZodObject;
  caseSchema: z.ZodType;
  tag: string;
}

const idempotencyHeader = z.object({ 'idempotency-key': z.string().optional() });

const CLAIM_ROUTES: { path: string; permission: Permission; body: z.ZodType; summary: string }[] = [
  { path: 'claim', permission: 'claim.take', body: claimStepSchema, summary: 'Claim the current step (a reviewer of the case’s authority); a second claim is a 409' },
  { path: 'release', permission: 'claim.release', body: releaseStepSchema, summary: 'Release the claimed step (its claimer, or an administrator)' },
  { path: 'assignment', permission: 'claim.reassign', body: reassignStepSchema, summary: 'Reassign the current step to a named reviewer of the case’s authority (administrators)' },
  { path: 'handover', permission: 'claim.hand-over', body: passStepSchema, summary: '转办: the claimer hands the step to an eligible colleague, with a required note' },
  {
    path: 'delegation',
    permission: 'claim.delegate',
    body: passStepSchema,
    summary: '委派: the claimer has an eligible colleague do their part; the colleague returns the step, which comes back to the claimer (the delegate may not decide it)',
  },
  { path: 'delegation/return', permission: 'claim.return', body: returnStepSchema, summary: 'The delegate returns a delegated step to the delegator, with a required note' },
];

export function registerClaimOpenApi(registry: OpenAPIRegistry, { casePath, params, caseSchema, tag }: ClaimOpenApiOptions): void {
  for (const route of CLAIM_ROUTES) {
    registry.registerPath({
      method: 'post',
      path: `${casePath}/${route.path}`,
      summary: route.summary,
      description: `Roles: ${rolesFor(route.permission).join(', ')}`,
      tags: [tag],
      request: { params, headers: idempotencyHeader, body: jsonBody(route.body) },
      responses: { 200: jsonResponse('The case after the action', caseSchema), ...problemResponses(400, 401, 403, 404, 409, 422, 429) },
    });
  }
}
