import { extendZodWithOpenApi } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';

extendZodWithOpenApi(z);

export const verifyAuditQuerySchema = z
  .object({
    caseId: z
      .string()
      .min(1)
      .max(200)
      .regex(/^[A-Za-z0-9._:@|-]+$/, 'must be a case id (letters, digits and . _ : @ | -)')
      .optional()
      .openapi({ description: 'The case whose chain to verify; without it, the whole log' }),
  })
  .strict();

export const auditVerificationSchema = z
  .object({
    scope: z.string().openapi({ description: 'The case id, or "all"' }),
    ok: z.boolean(),
    checked: z.number().int(),
    firstBroken: z
      .object({ caseId: z.string(), eventId: z.string(), eventKey: z.string(), reason: z.string() })
      .optional()
      .openapi({ description: 'The first event whose link or hash does not verify, or the case a checkpoint shows cut short' }),
    checkpoint: z
      .object({ id: z.string(), createdAt: z.string(), ok: z.boolean(), reason: z.string().optional() })
      .nullable()
      .optional()
      .openapi({ description: 'The newest signed checkpoint of the chain heads that was checked (null before the first)' }),
  })
  .openapi('AuditVerification');
