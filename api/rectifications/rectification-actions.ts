import type { UpdateDefinition } from '@temporalio/common';
import type { z } from 'zod';
import type { Role } from '../../domain/roles.js';
import {
  extendRectificationUpdate,
  reviewRectificationUpdate,
  submitCompletionUpdate,
  submitExplanationUpdate,
  submitProgressUpdate,
  type RectificationState,
} from '../../workflows/rectification/rectification-contract.js';
import { completionSchema, explanationSchema, progressSchema, rectificationExtensionSchema, reviewSchema } from './rectification-schemas.js';

/** One human action on a rectification: its route, who may call it, its body and the workflow update it runs. */
export interface RectificationAction {
  path: string;
  roles: Role[];
  body: z.ZodType;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  update: UpdateDefinition<RectificationState, [any]>;
  summary: string;
}

export const RECTIFICATION_ACTIONS: RectificationAction[] = [
  { path: 'explanation', roles: ['APPLICANT'], body: explanationSchema, update: submitExplanationUpdate, summary: 'Submit the written explanation of the cause and the rectification plan' },
  { path: 'progress', roles: ['APPLICANT'], body: progressSchema, update: submitProgressUpdate, summary: 'Report progress of the rectification (any number of times)' },
  { path: 'completion', roles: ['APPLICANT'], body: completionSchema, update: submitCompletionUpdate, summary: 'Report the rectification complete, with evidence, for review' },
  { path: 'review', roles: ['REVIEWER', 'SUPERVISOR'], body: reviewSchema, update: reviewRectificationUpdate, summary: 'Accept the rectification, or return it with reasons and a new deadline' },
  { path: 'extension', roles: ['SUPERVISOR'], body: rectificationExtensionSchema, update: extendRectificationUpdate, summary: 'Approve an extension of the rectification deadline' },
];
