import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { jsonResponse, problemResponses } from '../openapi/openapi-helpers.js';
import { auditVerificationSchema, verifyAuditQuerySchema } from './audit-schemas.js';

export function registerAuditOpenApi(registry: OpenAPIRegistry): void {
  registry.registerPath({
    method: 'get',
    path: '/audit/verify',
    summary: 'Verify the hash chain of one case’s audit events, or of the whole log, and report the first broken link',
    description: 'Roles: ADMIN. `ok: false` is a 200 answer: the verification ran and found the chain broken.',
    tags: ['audit'],
    request: { query: verifyAuditQuerySchema },
    responses: { 200: jsonResponse('The verdict', auditVerificationSchema), ...problemResponses(400, 401, 403) },
  });
}
