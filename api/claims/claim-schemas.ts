import { extendZodWithOpenApi } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';

extendZodWithOpenApi(z);

const id = z.string().trim().min(1).max(64).regex(/^[A-Za-z0-9._:-]+$/, 'must be an identifier');

export const claimStepSchema = z.object({ note: z.string().trim().max(2000).optional() }).strict().openapi('ClaimStepRequest');
export const releaseStepSchema = z.object({ reason: z.string().trim().max(2000).optional() }).strict().openapi('ReleaseStepRequest');
export const reassignStepSchema = z
  .object({
    assigneeId: id.openapi({ description: 'User id of a reviewer (or, on a supervisor’s step, a supervisor) of the case’s authority' }),
    reason: z.string().trim().max(2000).optional(),
  })
  .strict()
  .openapi('ReassignStepRequest');

/** A note that says why (转办, 委派, 催办): required. */
const note = z.string().trim().min(1, 'a note is required').max(2000);

export const passStepSchema = z
  .object({
    colleagueId: id.openapi({ description: 'User id of a colleague who may work on the step (a reviewer or supervisor of the case’s authority; a supervisor on a supervisor’s step)' }),
    note,
  })
  .strict()
  .openapi('PassStepRequest');
export const returnStepSchema = z.object({ note }).strict().openapi('ReturnStepRequest');
export const urgeStepSchema = z.object({ note }).strict().openapi('UrgeStepRequest');
