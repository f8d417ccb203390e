import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import { jsonResponse, problemResponses } from '../openapi/openapi-helpers.js';
import { caseRefParamsSchema, evidenceFileSchema, fileIdParamsSchema, uploadEvidenceSchema } from './evidence-schemas.js';

export function registerEvidenceOpenApi(registry: OpenAPIRegistry): void {
  registry.registerPath({
    method: 'post',
    path: '/cases/{caseType}/{caseId}/evidence',
    summary: 'Upload one evidence file to a case (PDF, PNG, JPEG, GIF, WebP, DOCX, XLSX, DOC, XLS — checked by content)',
    description:
      'Roles: APPLICANT, REVIEWER, SUPERVISOR who can see the case. The file name’s extension must agree with the content. ' +
      'Too large (EVIDENCE_MAX_BYTES): 413; another type, or a name that disagrees with the content: 415.',
    tags: ['evidence'],
    request: { params: caseRefParamsSchema, body: { content: { 'multipart/form-data': { schema: uploadEvidenceSchema } } } },
    responses: {
      201: jsonResponse('The stored file', evidenceFileSchema),
      ...problemResponses(400, 401, 403, 404),
      413: { description: 'The file is too large' },
      415: { description: 'Not multipart, a type that is not accepted, or a name that disagrees with the content' },
    },
  });
  registry.registerPath({
    method: 'get',
    path: '/cases/{caseType}/{caseId}/evidence',
    summary: 'The evidence files of a case',
    tags: ['evidence'],
    request: { params: caseRefParamsSchema },
    responses: { 200: jsonResponse('The files', z.object({ items: z.array(evidenceFileSchema) })), ...problemResponses(400, 401, 404) },
  });
  registry.registerPath({
    method: 'get',
    path: '/evidence/{fileId}',
    summary: 'An evidence file’s metadata (visible to whoever can see its case)',
    tags: ['evidence'],
    request: { params: fileIdParamsSchema },
    responses: { 200: jsonResponse('The file', evidenceFileSchema), ...problemResponses(400, 401, 404) },
  });
  registry.registerPath({
    method: 'get',
    path: '/evidence/{fileId}/content',
    summary: 'Download an evidence file (as an attachment, with its stored media type)',
    tags: ['evidence'],
    request: { params: fileIdParamsSchema },
    responses: {
      200: { description: 'The content', content: { 'application/octet-stream': { schema: z.string().openapi({ format: 'binary' }) } } },
      ...problemResponses(400, 401, 404),
    },
  });
}
