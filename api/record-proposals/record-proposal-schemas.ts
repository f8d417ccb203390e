import { extendZodWithOpenApi } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import { pageQueryShape } from '../cases/case-list.js';
import { PolicyArea } from '../../domain/records/record-types.js';
import { ProposalSource, RecordProposalStatus } from '../../domain/records/record-proposal.js';

extendZodWithOpenApi(z);

const text = (max: number) => z.string().trim().min(1).max(max);
const id = z.string().trim().min(1).max(64).regex(/^[A-Za-z0-9._:-]+$/, 'must be an identifier');
const enumOf = <T extends Record<string, string>>(values: T) => z.enum(Object.values(values) as [T[keyof T], ...T[keyof T][]]);

export const confirmRecordProposalSchema = z
  .object({
    /** The authority's document number for the record; default `<source>:<source case id>`. */
    documentNumber: text(100).optional().openapi({ description: 'The authority’s document number; default COMPLAINT:<caseId> or COMMITMENT:<caseId>' }),
    reasons: text(5000).optional(),
  })
  .strict()
  .openapi('ConfirmRecordProposalRequest');
export const rejectRecordProposalSchema = z.object({ reasons: text(5000) }).strict().openapi('RejectRecordProposalRequest');

export const recordProposalParamsSchema = z.object({ proposalId: id });
export const listRecordProposalsQuerySchema = z
  .object({
    status: enumOf(RecordProposalStatus).optional(),
    source: enumOf(ProposalSource).optional(),
    policyArea: enumOf(PolicyArea).optional(),
    subjectId: id.optional(),
    ...pageQueryShape,
  })
  .strict();

export type ConfirmRecordProposalInput = z.infer<typeof confirmRecordProposalSchema>;
export type ListRecordProposalsQuery = z.infer<typeof listRecordProposalsQuerySchema>;
