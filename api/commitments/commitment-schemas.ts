import { extendZodWithOpenApi } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import { isIsoDate } from '../../domain/calendar/local-date.js';
import { CHECK_OUTCOMES, COMMITMENT_KINDS, COMMITMENT_POLICY_AREAS } from '../../domain/commitment/commitment-types.js';
import { CommitmentStatus } from '../../workflows/commitment/commitment-contract.js';
import { pageQueryShape } from '../cases/case-list.js';

extendZodWithOpenApi(z);

const text = (max: number) => z.string().trim().min(1).max(max);
const id = z.string().trim().min(1).max(64).regex(/^[A-Za-z0-9._:-]+$/, 'must be an identifier');
const date = z.string().refine(isIsoDate, 'must be a date YYYY-MM-DD').refine((d) => d >= '1900-01-01' && d < '2200-01-01', 'must be between 1900 and 2199');
const evidenceSchema = z.object({ title: text(200), fileId: id.optional() }).strict();
const policyAreaSchema = z.enum(COMMITMENT_POLICY_AREAS).openapi({ description: '政府采购, PPP, 招标投标, 招商引资, 地方政府债务, 街道和乡镇' });

export const registerCommitmentSchema = z
  .object({
    kind: z.enum(COMMITMENT_KINDS).openapi({ description: '服务质量承诺, 期限承诺, 保障承诺, 街道和乡镇公开承诺' }),
    promise: text(5000).openapi({ description: 'The promise, as published' }),
    publicConcerned: text(500).openapi({ description: 'The public the commitment concerns (服务对象)' }),
    policyArea: policyAreaSchema,
    /** The supervising authority whose reviewers check the commitment. */
    authorityId: id.openapi({ description: 'The supervising authority: its reviewers check the commitment' }),
    dueDate: date.openapi({ description: 'The (first) due date; must not be in the past' }),
    recurrence: z
      .object({ everyMonths: z.number().int().min(1).max(24), endsOn: date })
      .strict()
      .optional()
      .openapi({ description: 'A recurring check: every N calendar months after dueDate, up to endsOn (at most 60 checks)' }),
  })
  .strict()
  .openapi('RegisterCommitmentRequest');

export const progressSchema = z.object({ note: text(5000), evidence: z.array(evidenceSchema).max(50).optional() }).strict().openapi('CommitmentProgressRequest');
export const fulfilmentSchema = z.object({ summary: text(5000), evidence: z.array(evidenceSchema).min(1).max(50) }).strict().openapi('CommitmentFulfilmentRequest');
export const checkSchema = z
  .object({ outcome: z.enum(CHECK_OUTCOMES), reasons: text(5000), evidence: z.array(evidenceSchema).min(1).max(50) })
  .strict()
  .openapi('CommitmentCheckRequest');

export const listCommitmentsQuerySchema = z
  .object({
    status: z.enum(Object.values(CommitmentStatus) as [CommitmentStatus, ...CommitmentStatus[]]).optional(),
    subjectId: id.optional(),
    kind: z.enum(COMMITMENT_KINDS).optional(),
    policyArea: policyAreaSchema.optional(),
    ...pageQueryShape,
  })
  .strict();
export const summaryQuerySchema = z.object({ policyArea: policyAreaSchema.optional() }).strict();
export const commitmentParamsSchema = z.object({ commitmentId: id });
export const subjectParamsSchema = z.object({ subjectId: id });

export type RegisterCommitmentInput = z.infer<typeof registerCommitmentSchema>;
export type ListCommitmentsQuery = z.infer<typeof listCommitmentsQuerySchema>;
