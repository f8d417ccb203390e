import { extendZodWithOpenApi } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import { EVIDENCE_CASE_TYPES, type EvidenceCaseType } from './evidence-cases.js';

extendZodWithOpenApi(z);

const id = z.string().trim().min(1).max(64).regex(/^[A-Za-z0-9._:-]+$/, 'must be an identifier');

export const caseRefParamsSchema = z.object({
  caseType: z.enum(Object.keys(EVIDENCE_CASE_TYPES) as [EvidenceCaseType, ...EvidenceCaseType[]]),
  caseId: id,
});

export const fileIdParamsSchema = z.object({ fileId: id });

export const uploadEvidenceSchema = z
  .object({ file: z.string().openapi({ type: 'string', format: 'binary', description: 'The file; its name must agree with its content' }) })
  .openapi('UploadEvidenceRequest');

export const evidenceFileSchema = z
  .object({
    id: z.string(),
    caseType: z.enum(Object.keys(EVIDENCE_CASE_TYPES) as [EvidenceCaseType, ...EvidenceCaseType[]]),
    caseId: z.string(),
    fileName: z.string(),
    mediaType: z.string(),
    size: z.number().int(),
    sha256: z.string().openapi({ description: 'SHA-256 of the content, hex' }),
    uploadedById: z.string(),
    createdAt: z.string(),
    contentUrl: z.string(),
  })
  .openapi('EvidenceFile');
