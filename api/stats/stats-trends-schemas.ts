import { extendZodWithOpenApi } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import { CASE_TYPES } from './stats-schemas.js';
import { PolicyArea } from '../../domain/records/record-types.js';

extendZodWithOpenApi(z);

/** Ageing buckets of open cases, in working days since they were opened (the last one has no upper bound). */
export const AGEING_BUCKETS: readonly { min: number; max: number | null }[] = [
  { min: 0, max: 5 },
  { min: 6, max: 10 },
  { min: 11, max: 20 },
  { min: 21, max: 30 },
  { min: 31, max: null },
];

export const caseTrendsQuerySchema = z
  .object({
    weeks: z.coerce.number().int().min(1).max(52).default(12).openapi({ description: 'Weeks of throughput and compliance, this one included' }),
    policyArea: z.enum(Object.values(PolicyArea) as [PolicyArea, ...PolicyArea[]]).optional().openapi({ description: 'Only cases of this key area (76号)' }),
  })
  .strict();

const perType = z.array(z.object({ caseType: z.enum(CASE_TYPES), count: z.number().int() }));
const range = {
  from: z.string().nullable().openapi({ description: 'Drill-down: the list of cases opened (or closed) from this instant' }),
  before: z.string().nullable().openapi({ description: 'Drill-down: … and before this instant' }),
};

export const caseTrendsSchema = z
  .object({
    asOf: z.string(),
    ageing: z.array(z.object({ minWorkingDays: z.number().int(), maxWorkingDays: z.number().int().nullable(), ...range, counts: perType })).describe(
      'Open cases by working days since they were opened (calendar applied), per case type',
    ),
    compliance: z
      .array(
        z.object({
          authorityId: z.string(),
          authorityName: z.string(),
          closed: z.number().int(),
          onTime: z.number().int().openapi({ description: 'Closed without any step escalated for missing its deadline (ESCALATED, 督办)' }),
          share: z.number().openapi({ description: 'onTime / closed' }),
        }),
      )
      .describe('Per authority: cases closed in the period, and the share handled within every deadline'),
    throughput: z
      .array(z.object({ weekStart: z.string().openapi({ description: 'Monday of the week (calendar time zone)' }), ...range, closed: perType, filed: perType }))
      .describe('Cases filed and closed per week, per case type'),
  })
  .openapi('CaseTrends');
export type CaseTrends = z.infer<typeof caseTrendsSchema>;
