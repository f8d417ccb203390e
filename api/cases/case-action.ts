import type { UpdateDefinition } from '@temporalio/common';
import type { z } from 'zod';
import type { Permission } from '../access/permissions.js';

/** One human action on a case: its route, its entry in the authorization matrix, its body and the workflow update it runs. */
export interface CaseAction {
  path: string;
  permission: Permission;
  body: z.ZodType;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  update: UpdateDefinition<any, [any]>;
  summary: string;
}
