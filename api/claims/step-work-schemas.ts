import { extendZodWithOpenApi } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import { CASE_TYPES } from '../stats/stats-schemas.js';

extendZodWithOpenApi(z);

const id = z.string().trim().min(1).max(64).regex(/^[A-Za-z0-9._:-]+$/, 'must be an identifier');

/** Most cases one bulk request acts on ([U]: a page of the inbox is at most 100 rows; 50 keeps one request short). */
export const BULK_MAX_ITEMS = 50;

export const stepCaseParamsSchema = z.object({ caseType: z.enum(CASE_TYPES), caseId: id });

const bulkItemSchema = z.object({ caseType: z.enum(CASE_TYPES), caseId: id }).strict().openapi('BulkItem');
const bulkItems = z.array(bulkItemSchema).min(1).max(BULK_MAX_ITEMS);

export const bulkClaimSchema = z.object({ items: bulkItems, note: z.string().trim().max(2000).optional() }).strict().openapi('BulkClaimRequest');
export const bulkReassignSchema = z
  .object({ items: bulkItems, assigneeId: id, reason: z.string().trim().max(2000).optional() })
  .strict()
  .openapi('BulkReassignRequest');

export const bulkResultSchema = z
  .array(
    z.object({
      caseType: z.enum(CASE_TYPES),
      caseId: z.string(),
      status: z.number().int().openapi({ description: 'The status this item alone would have answered (200, 403, 404, 409, …)' }),
      claimedById: z.string().nullable().optional(),
      problem: z.object({ type: z.string(), title: z.string(), status: z.number().int(), detail: z.string() }).optional(),
    }),
  )
  .openapi('BulkResult');

export const colleagueListSchema = z
  .object({
    step: z.string().nullable(),
    items: z.array(z.object({ id: z.string(), name: z.string(), role: z.string(), organization: z.string().nullable() })),
  })
  .openapi('StepColleagues');

export const urgeResultSchema = z
  .object({
    caseType: z.enum(CASE_TYPES),
    caseId: z.string(),
    step: z.string(),
    dueAt: z.string().nullable(),
    urgedAt: z.string(),
    notified: z.array(z.string()).openapi({ description: 'Who was notified: the claimer, or the colleagues who may claim an unclaimed step' }),
  })
  .openapi('UrgeResult');
