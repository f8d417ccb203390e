import { extendZodWithOpenApi } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import { pageQueryShape } from '../cases/case-list.js';
import { OBJECTION_GROUNDS, OBJECTION_OUTCOMES, OBJECTION_STATUSES } from '../../domain/objection/objection-types.js';
import { SANCTION_KINDS, Severity } from '../../domain/records/record-types.js';

extendZodWithOpenApi(z);

const text = (max: number) => z.string().trim().min(1).max(max);
const id = z.string().trim().min(1).max(64).regex(/^[A-Za-z0-9._:-]+$/, 'must be an identifier');

export const factChangesSchema = z
  .record(z.string().min(1).max(64).regex(/^[A-Za-z][A-Za-z0-9_]*$/, 'field names are letters, digits and _'), z.union([z.string().max(2000), z.number(), z.boolean(), z.null()]))
  .refine((changes) => Object.keys(changes).length <= 50, 'at most 50 fields')
  .openapi('FactChanges', { description: 'Fields of the record facts to set (correct) or add (supplement)' });

export const evidenceItemSchema = z.object({
  title: text(200),
  fileId: id.optional(),
  documentNumber: z.string().trim().max(100).optional(),
});

export const fileObjectionSchema = z
  .object({
    recordId: id,
    grounds: z.enum(OBJECTION_GROUNDS),
    statement: text(5000),
    evidence: z.array(evidenceItemSchema).max(50).default([]),
    requestedCorrection: factChangesSchema.optional(),
  })
  .strict()
  .openapi('FileObjectionRequest');

export const noteSchema = z.object({ note: z.string().trim().max(2000).optional() }).strict().openapi('AcceptObjectionRequest');
export const reasonSchema = z.object({ reason: text(2000) }).strict().openapi('ReasonRequest');
export const optionalReasonSchema = z.object({ reason: z.string().trim().max(2000).optional() }).strict().openapi('WithdrawRequest');

/** 更正 of the record's terms: the record's lifecycle recomputes its publication window and sanction period. */
export const recordCorrectionsSchema = z
  .object({
    severity: z.enum([Severity.MINOR, Severity.GENERAL, Severity.SERIOUS]).optional(),
    decisionDate: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD')
      .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value), 'must be a real date')
      .optional(),
    sanctionKind: z.enum(SANCTION_KINDS).nullable().optional(),
  })
  .strict()
  .refine((c) => Object.keys(c).length > 0, 'name at least one of severity, decisionDate, sanctionKind')
  .openapi('RecordCorrections', { description: "CORRECT only: the record's severity, decision date or (civil servants) sanction kind, corrected" });

export const decisionSchema = z
  .object({ outcome: z.enum(OBJECTION_OUTCOMES), reasons: text(5000), changes: factChangesSchema.optional(), corrections: recordCorrectionsSchema.optional() })
  .strict()
  .openapi('ObjectionDecisionRequest');

/** 补正: every missing item in one request (深圳 art. 81 [C]). */
export const correctionRequestSchema = z
  .object({ missing: z.array(text(200)).min(1).max(50), reason: text(2000) })
  .strict()
  .openapi('ObjectionCorrectionRequest');
export const materialsSchema = z
  .object({ materials: z.array(evidenceItemSchema).min(1).max(50), note: z.string().trim().max(2000).optional() })
  .strict()
  .openapi('ObjectionMaterialsRequest');
/** A clock stop for an appraisal or an expert review (河南 [C]: the time does not count). */
export const clockStopSchema = z
  .object({ cause: z.enum(['APPRAISAL', 'EXPERT_REVIEW']), reason: text(2000) })
  .strict()
  .openapi('ObjectionClockStopRequest');

export const extensionSchema = z
  .object({ workingDays: z.number().int().min(1).max(60), reason: text(2000) })
  .strict()
  .openapi('ExtensionRequest');

export const secondReviewDecisionSchema = z
  .object({
    upholdRejection: z.boolean(),
    outcome: z.enum(OBJECTION_OUTCOMES).optional(),
    reasons: text(5000),
    changes: factChangesSchema.optional(),
    corrections: recordCorrectionsSchema.optional(),
  })
  .strict()
  .openapi('SecondReviewDecisionRequest');

const booleanQuery = z.enum(['true', 'false']).transform((value) => value === 'true');

export const listObjectionsQuerySchema = z
  .object({
    status: z.enum(OBJECTION_STATUSES).optional(),
    subjectId: id.optional(),
    recordId: id.optional(),
    overdue: booleanQuery.optional(),
    ...pageQueryShape,
  })
  .strict();

export const caseIdParamsSchema = z.object({ caseId: id });


export const objectionCaseSchema = z
  .object({
    id: z.string(),
    workflowId: z.string(),
    recordId: z.string(),
    subjectId: z.string(),
    applicantId: z.string(),
    grounds: z.string(),
    statement: z.string(),
    evidence: z.unknown(),
    status: z.enum(OBJECTION_STATUSES),
    outcome: z.enum(OBJECTION_OUTCOMES).nullable(),
    decisionReasons: z.string().nullable(),
    currentStep: z.string().nullable(),
    assigneeRole: z.string().nullable(),
    dueAt: z.string().nullable(),
    dueProvisional: z.boolean(),
    overdue: z.boolean(),
    escalated: z.boolean(),
    claimedById: z.string().nullable().openapi({ description: 'The reviewer who claimed the current step, if any' }),
    extendedWorkingDays: z.number(),
    clockPaused: z.boolean().openapi({ description: "The clock stands still: 补正 awaited, or verification's clock stopped" }),
    clockStopCause: z.string().nullable().openapi({ description: 'APPRAISAL or EXPERT_REVIEW while verification is stopped' }),
    pausedWorkingDays: z.number().openapi({ description: 'Working days that did not count toward the deadlines (补正 and clock stops)' }),
    policy: z.object({ id: z.string(), version: z.number() }),
    filedAt: z.string(),
    closedAt: z.string().nullable(),
  })
  .openapi('ObjectionCase');


export type FileObjectionInput = z.infer<typeof fileObjectionSchema>;
export type ListObjectionsQuery = z.infer<typeof listObjectionsQuerySchema>;
