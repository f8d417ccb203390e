import type { z } from 'zod';
import type { UpdateDefinition } from '@temporalio/common';
import type { Role } from '../../domain/roles.js';
import {
  acceptObjectionUpdate,
  declineObjectionUpdate,
  decideObjectionUpdate,
  decideSecondReviewUpdate,
  extendVerificationUpdate,
  requestSecondReviewUpdate,
  withdrawObjectionUpdate,
  type ObjectionState,
} from '../../workflows/objection/objection-contract.js';
import {
  decisionSchema,
  extensionSchema,
  noteSchema,
  optionalReasonSchema,
  reasonSchema,
  secondReviewDecisionSchema,
} from './objection-schemas.js';

/** One human action on a case: its route, who may call it, its body and the workflow update it runs. */
export interface ObjectionAction {
  path: string;
  roles: Role[];
  body: z.ZodType;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  update: UpdateDefinition<ObjectionState, [any]>;
  summary: string;
}

export const OBJECTION_ACTIONS: ObjectionAction[] = [
  { path: 'accept', roles: ['REVIEWER', 'SUPERVISOR'], body: noteSchema, update: acceptObjectionUpdate, summary: 'Accept the objection for processing (marks the record 异议标注)' },
  { path: 'decline', roles: ['REVIEWER', 'SUPERVISOR'], body: reasonSchema, update: declineObjectionUpdate, summary: 'Decline to accept the objection, with reasons' },
  { path: 'decision', roles: ['REVIEWER', 'SUPERVISOR'], body: decisionSchema, update: decideObjectionUpdate, summary: 'Decide the objection: reject, correct, supplement, delete or stop publication' },
  { path: 'extension', roles: ['SUPERVISOR'], body: extensionSchema, update: extendVerificationUpdate, summary: 'Approve an extension of the verification deadline (up to the policy cap)' },
  { path: 'second-review', roles: ['APPLICANT'], body: reasonSchema, update: requestSecondReviewUpdate, summary: 'Ask for a second review (复核) of a rejection' },
  { path: 'second-review/decision', roles: ['SUPERVISOR'], body: secondReviewDecisionSchema, update: decideSecondReviewUpdate, summary: 'Decide the second review' },
  { path: 'withdraw', roles: ['APPLICANT'], body: optionalReasonSchema, update: withdrawObjectionUpdate, summary: 'Withdraw the objection before it is decided' },
];
