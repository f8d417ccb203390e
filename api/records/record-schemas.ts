import { extendZodWithOpenApi } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import { pageQueryShape } from '../cases/case-list.js';
import { LENIENCY_ACTS, LENIENCY_KINDS, PolicyArea, RecordSource, SANCTION_KINDS, Severity } from '../../domain/records/record-types.js';

extendZodWithOpenApi(z);

const text = (max: number) => z.string().trim().min(1).max(max);
const id = z.string().trim().min(1).max(64).regex(/^[A-Za-z0-9._:-]+$/, 'must be an identifier');
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD')
  .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value), 'must be a real date');

const enumOf = <T extends Record<string, string>>(values: T) => z.enum(Object.values(values) as [T[keyof T], ...T[keyof T][]]);

export const registerRecordSchema = z
  .object({
    subjectId: id,
    source: enumOf(RecordSource),
    documentNumber: text(100),
    severity: enumOf(Severity),
    policyArea: enumOf(PolicyArea),
    /** Not in the future: checked by the service against today in CALENDAR_TIME_ZONE. */
    decisionDate: isoDate,
    facts: z
      .object({ title: text(200), summary: text(2000), amountOwedYuan: z.number().nonnegative().max(1e13).nullish() })
      .catchall(z.union([z.string().max(2000), z.number(), z.boolean(), z.null()])),
    sanctionKind: z.enum(SANCTION_KINDS).optional(),
    /** Government bodies: whether a rectification order (限期整改) runs; default true. */
    rectificationRequired: z.boolean().default(true),
  })
  .strict()
  .openapi('RegisterRecordRequest');

export const revokeRecordSchema = z.object({ reason: text(2000) }).strict().openapi('RevokeRecordRequest');
/** 主动纠错 names its qualifying act(s): 挽回损失, 消除影响, 阻止危害 (76号 [C]). */
export const proposeLeniencySchema = z
  .object({
    kind: z.enum(LENIENCY_KINDS),
    acts: z
      .array(z.enum(LENIENCY_ACTS))
      .min(1)
      .refine((acts) => new Set(acts).size === acts.length, 'must not repeat an act'),
    reasons: text(5000),
  })
  .strict()
  .openapi('ProposeLeniencyRequest');
export const decideLeniencySchema = z.object({ approve: z.boolean(), reasons: text(5000) }).strict().openapi('DecideLeniencyRequest');
export const decideRevocationSchema = z.object({ approve: z.boolean(), reasons: text(5000) }).strict().openapi('DecideRevocationRequest');

export const recordParamsSchema = z.object({ recordId: id });
export const subjectParamsSchema = z.object({ subjectId: id });
export const pageQuerySchema = z
  .object({
    page: z.coerce.number().int().min(1).max(100_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(100).default(20),
  })
  .strict();
export const listRecordsQuerySchema = z
  .object({
    subjectId: id.optional(),
    underObjection: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
    policyArea: enumOf(PolicyArea).optional(),
    ...pageQueryShape,
  })
  .strict();

/** The envelope of a batch; each row is checked against registerRecordSchema, all rows at once (422 naming each bad row). */
export const importRecordsSchema = z
  .object({ records: z.array(z.unknown().openapi({ description: 'A RegisterRecordRequest' })).min(1).max(1000) })
  .strict()
  .openapi('ImportRecordsRequest');
export const importRecordsQuerySchema = z
  .object({ dryRun: z.enum(['true', 'false']).transform((v) => v === 'true').optional().openapi({ description: 'Validate only: nothing is written' }) })
  .strict();

export type RegisterRecordInput = z.infer<typeof registerRecordSchema>;
export type ListRecordsQuery = z.infer<typeof listRecordsQuerySchema>;
