import { extendZodWithOpenApi } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';

extendZodWithOpenApi(z);

export const OUTBOX_STATUSES = ['PENDING', 'DELIVERED', 'DEAD'] as const;

export const outboxQuerySchema = z
  .object({
    status: z.enum(OUTBOX_STATUSES).optional(),
    topic: z.string().trim().min(1).max(100).regex(/^[a-z][a-z0-9.-]*$/, 'a topic such as objection.decided').optional(),
    page: z.coerce.number().int().min(1).max(100_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(100).default(50),
  })
  .strict();

export const outboxMessageSchema = z
  .object({
    id: z.string(),
    topic: z.string(),
    recipientId: z.string(),
    status: z.string(),
    attempts: z.number().int(),
    nextAttemptAt: z.string(),
    lastError: z.string().nullable(),
    createdAt: z.string(),
    deliveredAt: z.string().nullable(),
  })
  .openapi('OutboxMessage');

export const outboxMessageParamsSchema = z.object({ id: z.string().min(1).max(200) }).strict();

/** The answer to a retry: the message as it is now, and whether this request moved it from DEAD back to PENDING. */
export const outboxRetryResultSchema = z
  .object({
    message: outboxMessageSchema,
    retried: z.boolean().describe('false: the message was not dead (already retried, pending or delivered); nothing changed'),
  })
  .openapi('OutboxRetryResult');

export const outboxPageSchema = z
  .object({
    counts: z.array(z.object({ status: z.string(), count: z.number().int() })),
    items: z.array(outboxMessageSchema),
    page: z.number().int(),
    pageSize: z.number().int(),
    total: z.number().int(),
  })
  .openapi('OutboxPage');
