/** Contract of the commitment (守信践诺) workflow: a body's public commitment, its progress and its checks. */
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { CommitmentPolicy } from '../../domain/commitment/commitment-policy.js';
import type { CheckOutcome, CommitmentKind } from '../../domain/commitment/commitment-types.js';
import type { PolicySnapshot } from '../../domain/policies/policy-snapshot.js';
import type { Actor } from '../../domain/roles.js';
import type { CaseState } from '../shared/case-runtime.js';

export const COMMITMENT_CASE_TYPE = 'COMMITMENT';
export const COMMITMENT_WORKFLOW_TYPE = 'commitmentWorkflow';

export function commitmentWorkflowId(commitmentId: string): string {
  return `commitment-${commitmentId}`;
}

export const CommitmentStatus = {
  /** Committed by the API; the workflow has not run yet. */
  REGISTERED: 'REGISTERED',
  /** Running towards the due date of the current period; the body reports progress. */
  ACTIVE: 'ACTIVE',
  /** Due (or reported fulfilled): the supervising authority checks it. */
  CHECK_DUE: 'CHECK_DUE',
  KEPT: 'KEPT',
  LATE: 'LATE',
  BROKEN: 'BROKEN',
} as const;
export type CommitmentStatus = (typeof CommitmentStatus)[keyof typeof CommitmentStatus];
export const CLOSED_COMMITMENT_STATUSES: readonly CommitmentStatus[] = ['KEPT', 'LATE', 'BROKEN'];

export const CommitmentStep = { CHECK: 'CHECK' } as const;
export type CommitmentStep = (typeof CommitmentStep)[keyof typeof CommitmentStep];

export interface CommitmentWorkflowInput {
  commitmentId: string;
  /** The body that made the commitment; its applicants report on it. */
  subjectId: string;
  /** The supervising authority: its reviewers check the commitment. */
  authorityId: string;
  kind: CommitmentKind;
  policyArea: string;
  /** Due dates of the checks (YYYY-MM-DD, the office's calendar), earliest first: one, or one per recurrence. */
  dueDates: string[];
  registeredAt: string;
  /** The applicant who registered it. */
  registeredById: string;
  policy: PolicySnapshot<CommitmentPolicy>;
}

export interface CommitmentCheckSummary {
  period: number;
  dueDate: string;
  outcome: CheckOutcome;
  checkedById: string;
}

export interface CommitmentState extends CaseState<CommitmentStatus, CommitmentStep> {
  commitmentId: string;
  /** Index of the current (or last) check in dueDates. */
  period: number;
  dueDate: string;
  checks: CommitmentCheckSummary[];
  /** The record proposal made from a broken commitment. */
  recordProposalId: string | null;
}

export interface CommitmentResult {
  status: 'KEPT' | 'LATE' | 'BROKEN';
}

export interface CommitmentEvidenceRef {
  title: string;
  fileId?: string | undefined;
}

export interface ReportCommitmentProgressCommand {
  actor: Actor;
  note: string;
  evidence?: CommitmentEvidenceRef[] | undefined;
}
export interface ReportFulfilmentCommand {
  actor: Actor;
  summary: string;
  evidence: CommitmentEvidenceRef[];
}
export interface CheckCommitmentCommand {
  actor: Actor;
  outcome: CheckOutcome;
  reasons: string;
  evidence: CommitmentEvidenceRef[];
}

export const reportCommitmentProgressUpdate = defineUpdate<CommitmentState, [ReportCommitmentProgressCommand]>('reportCommitmentProgress');
export const reportFulfilmentUpdate = defineUpdate<CommitmentState, [ReportFulfilmentCommand]>('reportCommitmentFulfilment');
export const checkCommitmentUpdate = defineUpdate<CommitmentState, [CheckCommitmentCommand]>('checkCommitment');
export const commitmentStateQuery = defineQuery<CommitmentState>('commitmentState');
