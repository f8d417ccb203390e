import { extendZodWithOpenApi } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';

extendZodWithOpenApi(z);

const token = z.string().trim().min(1).max(200).regex(/^[A-Za-z0-9._:@|-]+$/, 'must be an identifier');
const instant = z.iso.datetime({ offset: true });

export const auditEventsQuerySchema = z
  .object({
    caseId: token.optional(),
    caseType: z.string().trim().min(1).max(40).regex(/^[A-Z_]+$/).optional(),
    type: z.string().trim().min(1).max(60).regex(/^[A-Z_]+$/).optional(),
    actorId: token.optional(),
    from: instant.optional(),
    before: instant.optional(),
    page: z.coerce.number().int().min(1).max(100_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(100).default(50),
  })
  .strict();
export type AuditEventsQuery = z.infer<typeof auditEventsQuerySchema>;

export const auditEventPageSchema = z
  .object({
    items: z.array(
      z.object({
        id: z.string(),
        eventKey: z.string(),
        caseId: z.string(),
        caseType: z.string(),
        type: z.string(),
        actorId: z.string(),
        actorRole: z.string(),
        reason: z.string().nullable(),
        occurredAt: z.string(),
        recordedAt: z.string(),
        hash: z.string().nullable().openapi({ description: 'The event\'s link in its case\'s hash chain' }),
      }),
    ),
    page: z.number().int(),
    pageSize: z.number().int(),
    total: z.number().int(),
  })
  .openapi('AuditEventPage');
