/** Contract of the rectification (限期整改) workflow of a government body's record. */
import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { PolicySnapshot } from '../../domain/policies/policy-snapshot.js';
import type { RectificationPolicy } from '../../domain/rectification/rectification-policy.js';
import type { Actor } from '../../domain/roles.js';
import type { HumanStepState } from '../shared/human-step.js';

export const RECTIFICATION_CASE_TYPE = 'RECTIFICATION';
export const RECTIFICATION_WORKFLOW_TYPE = 'rectificationWorkflow';

export function rectificationWorkflowId(recordId: string): string {
  return `rectification-${recordId}`;
}

export const RectificationCaseStatus = {
  EXPLANATION_DUE: 'EXPLANATION_DUE',
  RECTIFYING: 'RECTIFYING',
  UNDER_REVIEW: 'UNDER_REVIEW',
  RECTIFIED: 'RECTIFIED',
  CANCELLED: 'CANCELLED',
} as const;
export type RectificationCaseStatus = (typeof RectificationCaseStatus)[keyof typeof RectificationCaseStatus];
export const CLOSED_RECTIFICATION_STATUSES: readonly RectificationCaseStatus[] = ['RECTIFIED', 'CANCELLED'];

export const RectificationStep = {
  EXPLANATION: 'EXPLANATION',
  RECTIFICATION: 'RECTIFICATION',
  REVIEW: 'REVIEW',
} as const;
export type RectificationStep = (typeof RectificationStep)[keyof typeof RectificationStep];

export interface RectificationWorkflowInput {
  rectificationId: string;
  recordId: string;
  /** The government body that must rectify; its applicants act on the case. */
  subjectId: string;
  /** The authority that made the record; its reviewers review, its supervisors approve extensions. */
  authorityId: string;
  openedAt: string;
  policy: PolicySnapshot<RectificationPolicy>;
}

export interface RectificationState {
  rectificationId: string;
  status: RectificationCaseStatus;
  step: HumanStepState<RectificationStep> | null;
  /** NONE, SUPERVISION (督办 issued) or CRITICISM (通报批评 and 问责 referral issued). */
  escalationLevel: 'NONE' | 'SUPERVISION' | 'CRITICISM';
  returnedCount: number;
  /** The staff member who claimed the review step (see workflows/shared/claim-contract.ts). */
  claimedById: string | null;
}

export interface RectificationResult {
  status: 'RECTIFIED' | 'CANCELLED';
}

export interface EvidenceRef {
  title: string;
  fileId?: string | undefined;
}

export interface SubmitExplanationCommand {
  actor: Actor;
  explanation: string;
  plan: string;
}
export interface SubmitProgressCommand {
  actor: Actor;
  note: string;
  evidence?: EvidenceRef[];
}
export interface SubmitCompletionCommand {
  actor: Actor;
  summary: string;
  evidence: EvidenceRef[];
}
export interface ReviewRectificationCommand {
  actor: Actor;
  accept: boolean;
  reasons: string;
  /** When returned: the new deadline, in working days from now. */
  newDeadlineWorkingDays?: number;
}
export interface ExtendRectificationCommand {
  actor: Actor;
  workingDays: number;
  reason: string;
}
export interface CancelRectificationCommand {
  /** REVOKED, DELETED, EXEMPTED, … */
  cause: string;
}

export const submitExplanationUpdate = defineUpdate<RectificationState, [SubmitExplanationCommand]>('submitExplanation');
export const submitProgressUpdate = defineUpdate<RectificationState, [SubmitProgressCommand]>('submitProgress');
export const submitCompletionUpdate = defineUpdate<RectificationState, [SubmitCompletionCommand]>('submitCompletion');
export const reviewRectificationUpdate = defineUpdate<RectificationState, [ReviewRectificationCommand]>('reviewRectification');
export const extendRectificationUpdate = defineUpdate<RectificationState, [ExtendRectificationCommand]>('extendRectification');
export const cancelRectificationSignal = defineSignal<[CancelRectificationCommand]>('cancelRectification');
export const rectificationStateQuery = defineQuery<RectificationState>('rectificationState');
