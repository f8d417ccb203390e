import { extendZodWithOpenApi } from '@asteasolutions/zod-to-openapi';
import { pageQueryShape } from '../cases/case-list.js';
import { z } from 'zod';
import { REPAIR_MATERIALS } from '../../domain/repair/repair-policy.js';
import { RepairStatus } from '../../workflows/repair/repair-contract.js';

extendZodWithOpenApi(z);

const text = (max: number) => z.string().trim().min(1).max(max);
const id = z.string().trim().min(1).max(64).regex(/^[A-Za-z0-9._:-]+$/, 'must be an identifier');

export const materialSchema = z.object({ kind: z.enum(REPAIR_MATERIALS), title: text(200), fileId: id.optional() }).strict();

export const fileRepairSchema = z
  .object({ recordId: id, materials: z.array(materialSchema).min(1).max(50), statement: z.string().trim().max(5000).optional() })
  .strict()
  .openapi('FileRepairRequest');
export const noteSchema = z.object({ note: z.string().trim().max(2000).optional() }).strict().openapi('RepairNoteRequest');
export const correctionSchema = z
  .object({ missing: z.array(z.enum(REPAIR_MATERIALS)).min(1).max(10), reason: text(2000) })
  .strict()
  .openapi('RepairCorrectionRequest');
export const materialsSchema = z
  .object({ materials: z.array(materialSchema).min(1).max(50), note: z.string().trim().max(2000).optional() })
  .strict()
  .openapi('RepairMaterialsRequest');
export const reasonSchema = z.object({ reason: text(2000) }).strict().openapi('RepairReasonRequest');
export const optionalReasonSchema = z.object({ reason: z.string().trim().max(2000).optional() }).strict().openapi('RepairWithdrawRequest');
export const reviewSchema = z
  .object({ recommendation: z.enum(['APPROVE', 'REFUSE']), reasons: text(5000) })
  .strict()
  .openapi('RepairReviewRequest');
export const reasonsSchema = z.object({ reasons: text(5000) }).strict().openapi('RepairReturnRequest');
export const decisionSchema = z.object({ approve: z.boolean(), reasons: text(5000) }).strict().openapi('RepairDecisionRequest');

export const listRepairsQuerySchema = z
  .object({
    status: z.enum(Object.values(RepairStatus) as [RepairStatus, ...RepairStatus[]]).optional(),
    subjectId: id.optional(),
    recordId: id.optional(),
    ...pageQueryShape,
  })
  .strict();
export const repairParamsSchema = z.object({ applicationId: id });

export type FileRepairInput = z.infer<typeof fileRepairSchema>;
export type ListRepairsQuery = z.infer<typeof listRepairsQuerySchema>;
