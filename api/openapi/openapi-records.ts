import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { listPageSchema } from '../cases/case-list.js';
import { z } from 'zod';
import {
  decideLeniencySchema,
  decideRevocationSchema,
  importRecordsQuerySchema,
  importRecordsSchema,
  listRecordsQuerySchema,
  pageQuerySchema,
  proposeLeniencySchema,
  recordParamsSchema,
  registerRecordSchema,
  revokeRecordSchema,
  subjectParamsSchema,
} from '../records/record-schemas.js';
import { rolesFor } from '../access/permissions.js';
import { evaluateEligibilitySchema, evaluationParamsSchema } from '../eligibility/eligibility-schemas.js';
import { publicRecordsQuerySchema } from '../public/public-records.js';
import { jsonBody, jsonResponse, problemResponses } from './openapi-helpers.js';

const recordSchema = z
  .object({ id: z.string(), status: z.string(), publicationStatus: z.string(), sanctionsActive: z.boolean(), underObjection: z.boolean() })
  .passthrough()
  .openapi('Record');
const recordDetailSchema = recordSchema.extend({ timeline: z.array(z.unknown()), versions: z.array(z.unknown()) }).openapi('RecordDetail');
const eligibilitySchema = z
  .object({
    subjectId: z.string(),
    eligible: z.boolean(),
    restriction: z.enum(['HONOR_EVALUATION', 'AWARDS']),
    blockers: z.array(z.object({ recordId: z.string(), until: z.string().nullable(), since: z.string(), reason: z.string() })),
    expectedEnd: z.string().nullable(),
    asOf: z.string(),
  })
  .openapi('Eligibility');
const idempotencyHeader = z.object({ 'idempotency-key': z.string().optional() });
const page = (item: z.ZodType) => z.object({ items: z.array(item), page: z.number(), pageSize: z.number(), total: z.number() });

export function registerRecordOpenApi(registry: OpenAPIRegistry): void {
  registry.registerPath({
    method: 'post',
    path: '/records',
    summary: 'Register a dishonesty record (政务失信记录) as the caller’s authority; starts its lifecycle',
    tags: ['records'],
    request: { headers: idempotencyHeader, body: jsonBody(registerRecordSchema) },
    responses: { 201: jsonResponse('The record', recordDetailSchema), ...problemResponses(400, 401, 403, 404, 409, 422, 429) },
  });
  registry.registerPath({
    method: 'post',
    path: '/records/batch',
    summary: 'Import up to 1,000 records as the caller’s authority (a file of the national platform); starts their lifecycles',
    description:
      'Validated as a whole: any bad row makes it a 422 naming every bad row (errors[].path records[i].field, badRows) and ' +
      'nothing is written. Idempotent per record: a document number the authority already has is not written again ' +
      '(created: false), and its lifecycle is made sure to run. `npm run import -- file.json` sends a file in batches.',
    tags: ['records'],
    request: { headers: idempotencyHeader, query: importRecordsQuerySchema, body: jsonBody(importRecordsSchema) },
    responses: {
      200: jsonResponse(
        'What was imported (or, with dryRun, how many rows are valid)',
        z.object({
          imported: z.number().optional(),
          existing: z.number().optional(),
          valid: z.number().optional(),
          records: z.array(z.object({ index: z.number(), id: z.string(), documentNumber: z.string(), created: z.boolean() })).optional(),
        }),
      ),
      ...problemResponses(400, 401, 403, 413, 422, 429),
    },
  });
  registry.registerPath({
    method: 'get',
    path: '/records',
    summary: 'List dishonesty records visible to the caller',
    tags: ['records'],
    request: { query: listRecordsQuerySchema },
    responses: { 200: jsonResponse('A page of records, newest decision first', listPageSchema(recordSchema)), ...problemResponses(400, 401) },
  });
  registry.registerPath({
    method: 'get',
    path: '/records/{recordId}',
    summary: 'A record with its versions, leniency decisions and timeline',
    tags: ['records'],
    request: { params: recordParamsSchema },
    responses: { 200: jsonResponse('The record', recordDetailSchema), ...problemResponses(400, 401, 404) },
  });
  const actions = [
    { path: 'revocation', body: revokeRecordSchema, summary: 'Propose revoking the record (its decision was revoked); a supervisor other than the proposer decides', permission: 'record.revoke' },
    { path: 'revocation/decision', body: decideRevocationSchema, summary: 'Approve (every effect ends, rectification stops) or reject a proposed revocation (four-eyes)', permission: 'record.decide-revocation' },
    { path: 'leniency', body: proposeLeniencySchema, summary: 'Propose 主动纠错 leniency: LIGHTER or EXEMPTED, naming the qualifying acts (409 where the policy grants it to civil servants only)', permission: 'record.propose-leniency' },
    { path: 'leniency/decision', body: decideLeniencySchema, summary: 'Approve or reject a leniency proposal (four-eyes)', permission: 'record.decide-leniency' },
  ] as const;
  for (const action of actions) {
    registry.registerPath({
      method: 'post',
      path: `/records/{recordId}/${action.path}`,
      summary: action.summary,
      description: `Roles: ${rolesFor(action.permission).join(', ')}`,
      tags: ['records'],
      request: { params: recordParamsSchema, headers: idempotencyHeader, body: jsonBody(action.body) },
      responses: { 200: jsonResponse('The record after the action', recordDetailSchema), ...problemResponses(400, 401, 403, 404, 409, 422, 429) },
    });
  }
  registry.registerPath({
    method: 'get',
    path: '/subjects/{subjectId}/eligibility',
    summary: 'Is the subject eligible for honor evaluations (bodies) or awards (civil servants) now; if not, why and until when',
    tags: ['eligibility'],
    request: { params: subjectParamsSchema },
    responses: { 200: jsonResponse('The answer', eligibilitySchema), ...problemResponses(400, 401, 404) },
  });
  const evaluationSchema = z
    .object({ id: z.string(), subjectId: z.string(), evaluation: z.string(), askedById: z.string(), recordIds: z.array(z.string()), answer: eligibilitySchema, createdAt: z.string() })
    .openapi('EligibilityEvaluation');
  registry.registerPath({
    method: 'post',
    path: '/eligibility/evaluations',
    summary: 'Ask for a subject’s eligibility for an honor evaluation (评选); the answer is stored with the evaluation',
    description: `Roles: ${rolesFor('eligibility.evaluate').join(', ')}`,
    tags: ['eligibility'],
    request: { headers: idempotencyHeader, body: jsonBody(evaluateEligibilitySchema) },
    responses: { 201: jsonResponse('The stored evaluation and its answer', evaluationSchema), ...problemResponses(400, 401, 403, 404, 422, 429) },
  });
  registry.registerPath({
    method: 'get',
    path: '/eligibility/evaluations/{evaluationId}',
    summary: 'A stored evaluation: who asked, for which 评选, the answer and the records it cited',
    tags: ['eligibility'],
    request: { params: evaluationParamsSchema },
    responses: { 200: jsonResponse('The evaluation', evaluationSchema), ...problemResponses(400, 401, 404) },
  });
  registry.registerPath({
    method: 'get',
    path: '/eligibility/suspended',
    summary: 'Subjects whose eligibility is suspended now',
    tags: ['eligibility'],
    request: { query: pageQuerySchema },
    responses: { 200: jsonResponse('A page of answers', page(eligibilitySchema)), ...problemResponses(400, 401, 403) },
  });
  registry.registerPath({
    method: 'get',
    path: '/public/records',
    summary: 'Records published now (公示), searchable by a body\'s name or 统一社会信用代码; no token needed, no personal data of civil servants',
    tags: ['public'],
    security: [],
    request: { query: publicRecordsQuerySchema },
    responses: { 200: jsonResponse('A page of published records', page(z.object({ id: z.string() }).passthrough())), ...problemResponses(400) },
  });
  registry.registerPath({
    method: 'get',
    path: '/public/criticisms',
    summary: 'Public criticisms (通报批评) of government bodies that missed a rectification deadline; no token needed',
    tags: ['public'],
    security: [],
    request: { query: pageQuerySchema },
    responses: {
      200: jsonResponse('A page of criticisms, newest first', page(z.object({ rectificationId: z.string(), recordId: z.string(), criticizedAt: z.string() }).passthrough())),
      ...problemResponses(400),
    },
  });
}
