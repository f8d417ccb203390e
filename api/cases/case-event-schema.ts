import { extendZodWithOpenApi } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';

extendZodWithOpenApi(z);

/** One event of a case's timeline (the audit log, as the case's parties read it). */
export const caseEventSchema = z
  .object({
    type: z.string(),
    actorId: z.string(),
    actorRole: z.string(),
    reason: z.string().nullable(),
    data: z.unknown(),
    occurredAt: z.string(),
  })
  .openapi('CaseEvent');
