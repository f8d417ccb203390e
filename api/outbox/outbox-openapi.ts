import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { jsonResponse, problemResponses } from '../openapi/openapi-helpers.js';
import { auditEventPageSchema, auditEventsQuerySchema } from '../audit/audit-events-schemas.js';
import { outboxMessageParamsSchema, outboxPageSchema, outboxQuerySchema, outboxRetryResultSchema } from './outbox-schemas.js';

/** The administrator's read-only views: the audit log and the notification outbox. */
export function registerAdminViewsOpenApi(registry: OpenAPIRegistry): void {
  registry.registerPath({
    method: 'get',
    path: '/audit/events',
    summary: 'The audit log (case events of every case type), newest first',
    description: 'Roles: ADMIN.',
    tags: ['audit'],
    request: { query: auditEventsQuerySchema },
    responses: { 200: jsonResponse('A page of events', auditEventPageSchema), ...problemResponses(400, 401, 403) },
  });
  registry.registerPath({
    method: 'get',
    path: '/outbox/messages',
    summary: 'Notification outbox: counts by status and the messages (without payloads), newest first',
    description: 'Roles: ADMIN.',
    tags: ['outbox'],
    request: { query: outboxQuerySchema },
    responses: { 200: jsonResponse('A page of messages', outboxPageSchema), ...problemResponses(400, 401, 403) },
  });
  registry.registerPath({
    method: 'post',
    path: '/outbox/messages/{id}/retry',
    summary: 'Send a dead message again: DEAD → PENDING (attempts reset, due now), audited as OUTBOX_RETRIED',
    description:
      'Roles: ADMIN. Idempotent: a message that is no longer dead (already retried, pending or delivered) is left as it is and the answer says `retried: false`, ' +
      'without a second audit event. The audit event is on the chain `outbox:<id>` (case type OUTBOX).',
    tags: ['outbox'],
    request: { params: outboxMessageParamsSchema },
    responses: { 200: jsonResponse('The message as it is now', outboxRetryResultSchema), ...problemResponses(400, 401, 403, 404) },
  });
}
