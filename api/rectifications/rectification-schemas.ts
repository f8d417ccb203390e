import { extendZodWithOpenApi } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import { pageQueryShape } from '../cases/case-list.js';
import { EscalationLevel } from '../../domain/rectification/rectification-types.js';
import { RectificationCaseStatus, RectificationStep } from '../../workflows/rectification/rectification-contract.js';

extendZodWithOpenApi(z);

const text = (max: number) => z.string().trim().min(1).max(max);
const id = z.string().trim().min(1).max(64).regex(/^[A-Za-z0-9._:-]+$/, 'must be an identifier');

const evidenceRefSchema = z.object({ title: text(200), fileId: id.optional() }).strict().openapi('EvidenceRef');

export const explanationSchema = z
  .object({ explanation: text(5000), plan: text(5000) })
  .strict()
  .openapi('RectificationExplanationRequest', { description: 'Written explanation of the cause and the rectification plan' });

export const progressSchema = z
  .object({ note: text(5000), evidence: z.array(evidenceRefSchema).max(50).optional() })
  .strict()
  .openapi('RectificationProgressRequest');

export const completionSchema = z
  .object({ summary: text(5000), evidence: z.array(evidenceRefSchema).min(1).max(50) })
  .strict()
  .openapi('RectificationCompletionRequest');

export const reviewSchema = z
  .object({
    accept: z.boolean(),
    reasons: text(5000),
    newDeadlineWorkingDays: z.number().int().min(1).max(250).optional().openapi({ description: 'Required when returned (accept=false)' }),
  })
  .strict()
  .refine((body) => body.accept === (body.newDeadlineWorkingDays === undefined), {
    path: ['newDeadlineWorkingDays'],
    message: 'required when the rectification is returned, not allowed when it is accepted',
  })
  .openapi('RectificationReviewRequest');

export const rectificationExtensionSchema = z
  .object({ workingDays: z.number().int().min(1).max(120), reason: text(2000) })
  .strict()
  .openapi('RectificationExtensionRequest');

const booleanQuery = z.enum(['true', 'false']).transform((value) => value === 'true');

export const listRectificationsQuerySchema = z
  .object({
    status: z.enum(RectificationCaseStatus).optional(),
    subjectId: id.optional(),
    recordId: id.optional(),
    overdue: booleanQuery.optional().openapi({ description: 'Open cases whose deadline passed or that were escalated (督办 or later)' }),
    escalated: booleanQuery.optional().openapi({ description: 'Cases with an escalation on record (escalationLevel other than NONE)' }),
    ...pageQueryShape,
  })
  .strict();

export const rectificationIdParamsSchema = z.object({ rectificationId: id });

export const rectificationSchema = z
  .object({
    id: z.string(),
    workflowId: z.string(),
    recordId: z.string(),
    subjectId: z.string(),
    status: z.enum(RectificationCaseStatus),
    explanation: z.string().nullable(),
    plan: z.string().nullable(),
    currentStep: z.enum(RectificationStep).nullable(),
    assigneeRole: z.string().nullable(),
    dueAt: z.string().nullable(),
    dueProvisional: z.boolean(),
    overdue: z.boolean(),
    escalationLevel: z.enum(EscalationLevel),
    returnedCount: z.number(),
    claimedById: z.string().nullable().openapi({ description: 'The reviewer who claimed the review step, if any' }),
    policy: z.object({ id: z.string(), version: z.number() }),
    openedAt: z.string(),
    closedAt: z.string().nullable(),
  })
  .openapi('Rectification');

export type ListRectificationsQuery = z.infer<typeof listRectificationsQuerySchema>;
