import type { UpdateDefinition } from '@temporalio/common';
import type { z } from 'zod';
import type { Permission } from '../access/permissions.js';
import {
  extendRectificationUpdate,
  reviewRectificationUpdate,
  submitCompletionUpdate,
  submitExplanationUpdate,
  submitProgressUpdate,
  type RectificationState,
} from '../../workflows/rectification/rectification-contract.js';
import { completionSchema, explanationSchema, progressSchema, rectificationExtensionSchema, reviewSchema } from './rectification-schemas.js';

/** One human action on a rectification: its route, its entry in the authorization matrix, its body and the workflow update it runs. */
export interface RectificationAction {
  path: string;
  permission: Permission;
  body: z.ZodType;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  update: UpdateDefinition<RectificationState, [any]>;
  summary: string;
}

export const RECTIFICATION_ACTIONS: RectificationAction[] = [
  { path: 'explanation', permission: 'rectification.explain', body: explanationSchema, update: submitExplanationUpdate, summary: 'Submit the written explanation of the cause and the rectification plan' },
  { path: 'progress', permission: 'rectification.report-progress', body: progressSchema, update: submitProgressUpdate, summary: 'Report progress of the rectification (any number of times)' },
  { path: 'completion', permission: 'rectification.complete', body: completionSchema, update: submitCompletionUpdate, summary: 'Report the rectification complete, with evidence, for review' },
  { path: 'review', permission: 'rectification.review', body: reviewSchema, update: reviewRectificationUpdate, summary: 'Accept the rectification, or return it with reasons and a new deadline' },
  { path: 'extension', permission: 'rectification.extend', body: rectificationExtensionSchema, update: extendRectificationUpdate, summary: 'Approve an extension of the rectification deadline' },
];
