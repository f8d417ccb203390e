import type { CaseAction } from '../cases/case-action.js';
import {
  extendRectificationUpdate,
  reviewRectificationUpdate,
  submitCompletionUpdate,
  submitExplanationUpdate,
  submitProgressUpdate,
} from '../../workflows/rectification/rectification-contract.js';
import { completionSchema, explanationSchema, progressSchema, rectificationExtensionSchema, reviewSchema } from './rectification-schemas.js';

export const RECTIFICATION_ACTIONS: CaseAction[] = [
  { path: 'explanation', permission: 'rectification.explain', body: explanationSchema, update: submitExplanationUpdate, summary: 'Submit the written explanation of the cause and the rectification plan' },
  { path: 'progress', permission: 'rectification.report-progress', body: progressSchema, update: submitProgressUpdate, summary: 'Report progress of the rectification (any number of times)' },
  { path: 'completion', permission: 'rectification.complete', body: completionSchema, update: submitCompletionUpdate, summary: 'Report the rectification complete, with evidence, for review' },
  { path: 'review', permission: 'rectification.review', body: reviewSchema, update: reviewRectificationUpdate, summary: 'Accept the rectification, or return it with reasons and a new deadline' },
  { path: 'extension', permission: 'rectification.extend', body: rectificationExtensionSchema, update: extendRectificationUpdate, summary: 'Approve an extension of the rectification deadline' },
];
