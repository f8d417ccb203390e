import { extendZodWithOpenApi } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import { pageQueryShape } from '../cases/case-list.js';
import { ComplaintCategory, ComplaintFinding } from '../../domain/complaint/complaint-policy.js';
import { PolicyArea, SANCTION_KINDS, Severity } from '../../domain/records/record-types.js';
import { ComplaintStatus } from '../../workflows/complaint/complaint-contract.js';

extendZodWithOpenApi(z);

const text = (max: number) => z.string().trim().min(1).max(max);
const id = z.string().trim().min(1).max(64).regex(/^[A-Za-z0-9._:-]+$/, 'must be an identifier');
const enumOf = <T extends Record<string, string>>(values: T) => z.enum(Object.values(values) as [T[keyof T], ...T[keyof T][]]);
const evidenceSchema = z.object({ title: text(200), fileId: id.optional() }).strict();

export const reporterSchema = z
  .object({
    name: text(100),
    phone: z.string().trim().max(40).optional(),
    email: z.string().trim().max(200).optional(),
    organization: z.string().trim().max(200).optional(),
    address: z.string().trim().max(500).optional(),
  })
  .strict()
  .openapi('ComplaintReporter');

export const registerComplaintSchema = z
  .object({
    /** The government body or civil servant reported. */
    subjectId: id,
    policyArea: enumOf(PolicyArea),
    category: enumOf(ComplaintCategory),
    summary: text(5000),
    evidence: z.array(evidenceSchema).max(50).default([]),
    /** An anonymous report has no reporter; otherwise the reporter is required (kept apart, for the intake staff only). */
    anonymous: z.boolean(),
    reporter: reporterSchema.optional(),
  })
  .strict()
  .refine((c) => c.anonymous === !c.reporter, { message: 'give a reporter, or anonymous: true without one', path: ['reporter'] })
  .openapi('RegisterComplaintRequest');

export const forwardComplaintSchema = z.object({ competentAuthorityId: id, note: z.string().trim().max(2000).optional() }).strict().openapi('ForwardComplaintRequest');
export const refuseComplaintSchema = z.object({ reason: text(2000) }).strict().openapi('RefuseComplaintRequest');
export const findingSchema = z
  .object({
    finding: enumOf(ComplaintFinding),
    reasons: text(5000),
    evidence: z.array(evidenceSchema).max(50).default([]),
    proposal: z
      .object({
        severity: enumOf(Severity),
        facts: z.object({ title: text(200), summary: text(2000), amountOwedYuan: z.number().nonnegative().max(1e13).nullish() }).strict(),
        sanctionKind: z.enum(SANCTION_KINDS).optional(),
        rectificationRequired: z.boolean().default(true),
      })
      .strict()
      .optional(),
  })
  .strict()
  .openapi('ComplaintFindingRequest');
export const replySchema = z.object({ reply: text(5000) }).strict().openapi('ComplaintReplyRequest');

export const complaintParamsSchema = z.object({ complaintId: id });
export const listComplaintsQuerySchema = z
  .object({
    status: enumOf(ComplaintStatus).optional(),
    policyArea: enumOf(PolicyArea).optional(),
    subjectId: id.optional(),
    ...pageQueryShape,
  })
  .strict();

export const complaintLookupSchema = z
  .object({ caseNumber: id, secret: z.string().min(1).max(200) })
  .strict()
  .openapi('ComplaintLookupRequest');

export type RegisterComplaintInput = z.infer<typeof registerComplaintSchema>;
export type ListComplaintsQuery = z.infer<typeof listComplaintsQuerySchema>;
