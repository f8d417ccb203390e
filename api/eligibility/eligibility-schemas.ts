import { extendZodWithOpenApi } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';

extendZodWithOpenApi(z);

const id = z.string().trim().min(1).max(64).regex(/^[A-Za-z0-9._:-]+$/, 'must be an identifier');

export const evaluateEligibilitySchema = z
  .object({
    subjectId: id,
    /** The evaluation that asks, e.g. 2026年度文明单位评选. */
    evaluation: z.string().trim().min(1).max(200),
  })
  .strict()
  .openapi('EvaluateEligibilityRequest');
export const evaluationParamsSchema = z.object({ evaluationId: id });
