import { extendZodWithOpenApi } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import { PolicyArea } from '../../domain/records/record-types.js';

extendZodWithOpenApi(z);

export const CASE_TYPES = ['OBJECTION', 'RECTIFICATION', 'REPAIR', 'COMPLAINT', 'COMMITMENT'] as const;
/** Horizons of the "due soon" counts, in working days. */
export const DUE_HORIZONS = [1, 3, 5] as const;

export const caseStatsQuerySchema = z
  .object({ policyArea: z.enum(Object.values(PolicyArea) as [PolicyArea, ...PolicyArea[]]).optional().openapi({ description: 'Count only cases of this key area (76号)' }) })
  .strict();

const perType = z.object({ caseType: z.enum(CASE_TYPES), count: z.number().int() });

export const caseStatsSchema = z
  .object({
    asOf: z.string(),
    openByStatus: z.array(z.object({ caseType: z.enum(CASE_TYPES), status: z.string(), count: z.number().int() })),
    overdue: z.array(perType).describe('Open cases whose current step is past its due time'),
    escalated: z.array(perType).describe('Open cases escalated (objection, repair) or under supervision/criticism (rectification)'),
    dueWithin: z
      .array(z.object({ workingDays: z.number().int(), dueBy: z.string(), count: z.number().int() }))
      .describe('Open cases not yet overdue whose step is due by the end of the Nth working day from today'),
  })
  .openapi('CaseStats');
export type CaseStats = z.infer<typeof caseStatsSchema>;
