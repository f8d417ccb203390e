import { extendZodWithOpenApi } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import { CASE_TYPES } from '../stats/stats-schemas.js';
import { PolicyArea } from '../../domain/records/record-types.js';

extendZodWithOpenApi(z);

const id = z.string().trim().min(1).max(64).regex(/^[A-Za-z0-9._:-]+$/, 'must be an identifier');
const booleanQuery = z.enum(['true', 'false']).transform((value) => value === 'true');
const instant = z.iso.datetime({ offset: true });

/**
 * A free-text search (q of the inbox and of the public records): what the searched fields hold, letters (汉字 too),
 * digits, spaces and the marks of ids and 文书编号, 1–100 characters after trimming.
 */
export const searchTextSchema = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .regex(/^[\p{L}\p{N}\s〔〕（）()\[\]【】第号_.:-]+$/u, 'letters, digits, spaces and the marks of ids and document numbers only');

/** Whose work: the caller's to act on (claimed by them or claimable by them), only claimed, only claimable, or every visible case. */
export const WORK_SCOPES = ['actionable', 'mine', 'claimable', 'all', 'urgeable'] as const;
export type WorkScope = (typeof WORK_SCOPES)[number];

export const workItemsQuerySchema = z
  .object({
    scope: z.enum(WORK_SCOPES).default('actionable').openapi({
      description:
        'actionable: open steps the caller may act on now (an applicant: steps waiting for their body; staff: their authority\'s steps of their role, unclaimed or claimed by them; an administrator: every open staff step); mine: claimed by the caller, or delegated (委派) by them and not yet returned (the delegate holds it); claimable: unclaimed staff steps the caller may claim; all: every case the caller may see, open or closed; urgeable (催办, supervisors): overdue staff steps of their authority, claimed or not',
    }),
    caseType: z.enum(CASE_TYPES).optional(),
    status: z.string().trim().min(1).max(40).regex(/^[A-Z_]+$/).optional(),
    overdue: booleanQuery.optional().openapi({ description: 'Open cases whose running step is past its due time' }),
    escalated: booleanQuery.optional(),
    open: booleanQuery.optional().openapi({ description: 'true: open cases only; false: closed cases only' }),
    authorityId: id.optional().openapi({ description: 'The authority that made the case\'s record (a complaint: the authority verifying it)' }),
    policyArea: z.enum(Object.values(PolicyArea) as [PolicyArea, ...PolicyArea[]]).optional().openapi({ description: 'The key area (76号) of the case\'s record, or of the complaint' }),
    openedFrom: instant.optional(),
    openedBefore: instant.optional(),
    closedFrom: instant.optional(),
    closedBefore: instant.optional(),
    q: searchTextSchema.optional().openapi({ description: 'Case id, record id, document number (文书编号), subject name or 统一社会信用代码 (substring)' }),
    page: z.coerce.number().int().min(1).max(100_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(100).default(20),
  })
  .strict();
export type WorkItemsQuery = z.infer<typeof workItemsQuerySchema>;

export const workItemSchema = z
  .object({
    caseType: z.enum(CASE_TYPES),
    id: z.string(),
    recordId: z.string().nullable().openapi({ description: 'null for a complaint (no record yet)' }),
    documentNumber: z.string().nullable(),
    policyArea: z.string(),
    subjectId: z.string(),
    subjectName: z.string(),
    authorityId: z.string(),
    status: z.string(),
    currentStep: z.string().nullable(),
    assigneeRole: z.string().nullable(),
    claimedById: z.string().nullable(),
    dueAt: z.string().nullable(),
    overdue: z.boolean(),
    escalated: z.boolean(),
    clockPaused: z.boolean().openapi({ description: 'A repair waiting for 补正: its clock is paused' }),
    openedAt: z.string(),
    closedAt: z.string().nullable(),
  })
  .openapi('WorkItem');

export const workItemPageSchema = z
  .object({ items: z.array(workItemSchema), page: z.number().int(), pageSize: z.number().int(), total: z.number().int() })
  .openapi('WorkItemPage');

export const workSummarySchema = z
  .object({
    actionable: z.number().int().openapi({ description: 'The pending count of the console\'s header' }),
    mine: z.number().int(),
    claimable: z.number().int(),
    overdue: z.number().int().openapi({ description: 'Actionable steps past their due time' }),
  })
  .openapi('WorkSummary');

export const workSummaryQuerySchema = z.object({}).strict();
