/** Contract of the complaint (投诉举报) workflow. */
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { ComplaintFinding, ComplaintPolicy } from '../../domain/complaint/complaint-policy.js';
import type { PolicySnapshot } from '../../domain/policies/policy-snapshot.js';
import type { PolicyArea, SanctionKind, Severity } from '../../domain/records/record-types.js';
import type { Actor } from '../../domain/roles.js';
import type { HumanStepState } from '../shared/human-step.js';

export const COMPLAINT_CASE_TYPE = 'COMPLAINT';
export const COMPLAINT_WORKFLOW_TYPE = 'complaintWorkflow';

export function complaintWorkflowId(complaintId: string): string {
  return `complaint-${complaintId}`;
}

export const ComplaintStatus = {
  /** Registered by the credit office; intake (scope check) open. */
  FILED: 'FILED',
  /** Forwarded to the competent authority (the body's superior department) for verification. */
  UNDER_VERIFICATION: 'UNDER_VERIFICATION',
  /** A finding is made; the credit office replies to the reporter. */
  AWAITING_REPLY: 'AWAITING_REPLY',
  REPLIED: 'REPLIED',
  /** Out of scope: closed at intake, the reporter told why. */
  NOT_ACCEPTED: 'NOT_ACCEPTED',
} as const;
export type ComplaintStatus = (typeof ComplaintStatus)[keyof typeof ComplaintStatus];
export const CLOSED_COMPLAINT_STATUSES: readonly ComplaintStatus[] = ['REPLIED', 'NOT_ACCEPTED'];

export const ComplaintStep = { INTAKE: 'INTAKE', VERIFICATION: 'VERIFICATION', REPLY: 'REPLY' } as const;
export type ComplaintStep = (typeof ComplaintStep)[keyof typeof ComplaintStep];

/** The workflow input: never the reporter's identity (it lives in its own table, for the intake staff only). */
export interface ComplaintWorkflowInput {
  complaintId: string;
  subjectId: string;
  /** The credit office that registered the complaint: its staff run intake and the reply. */
  intakeAuthorityId: string;
  policyArea: PolicyArea;
  filedAt: string;
  registeredById: string;
  policy: PolicySnapshot<ComplaintPolicy>;
  /** CALENDAR_TIME_ZONE at filing: the finding's date is a calendar day there. */
  timeZone: string;
}

export interface ComplaintState {
  complaintId: string;
  status: ComplaintStatus;
  step: HumanStepState<ComplaintStep> | null;
  claimedById: string | null;
  /** The competent authority verifying (set when forwarded). */
  competentAuthorityId: string | null;
  finding: ComplaintFinding | null;
  findingById: string | null;
  proposalId: string | null;
}

export interface ComplaintResult {
  status: ComplaintStatus;
  finding: ComplaintFinding | null;
}

/** The record a confirmed complaint proposes (the competent authority's reviewer confirms it later). */
export interface ProposedRecord {
  severity: Severity;
  facts: { title: string; summary: string; amountOwedYuan?: number | null };
  sanctionKind?: SanctionKind | null;
  rectificationRequired?: boolean;
}

export interface ForwardComplaintCommand {
  actor: Actor;
  /** The body's superior department or the competent authority that verifies. */
  competentAuthorityId: string;
  note?: string;
}
export interface RefuseComplaintCommand {
  actor: Actor;
  /** Why it is out of scope: the reporter is told this. */
  reason: string;
}
export interface RecordFindingCommand {
  actor: Actor;
  finding: ComplaintFinding;
  reasons: string;
  evidence: { title: string; fileId?: string | undefined }[];
  /** Required when CONFIRMED or PARTLY_CONFIRMED. */
  proposal?: ProposedRecord;
}
export interface ReplyToReporterCommand {
  actor: Actor;
  reply: string;
}

export const forwardComplaintUpdate = defineUpdate<ComplaintState, [ForwardComplaintCommand]>('forwardComplaint');
export const refuseComplaintUpdate = defineUpdate<ComplaintState, [RefuseComplaintCommand]>('refuseComplaint');
export const recordFindingUpdate = defineUpdate<ComplaintState, [RecordFindingCommand]>('recordComplaintFinding');
export const replyToReporterUpdate = defineUpdate<ComplaintState, [ReplyToReporterCommand]>('replyToReporter');
export const complaintStateQuery = defineQuery<ComplaintState>('complaintState');

/** Timeline/audit events of a complaint (besides the runtime's step and claim events). */
export const ComplaintEventType = {
  FILED: 'FILED',
  FORWARDED: 'FORWARDED',
  NOT_ACCEPTED: 'NOT_ACCEPTED',
  FINDING_RECORDED: 'FINDING_RECORDED',
  RECORD_PROPOSED: 'RECORD_PROPOSED',
  REPLIED: 'REPLIED',
} as const;
export type ComplaintEventType = (typeof ComplaintEventType)[keyof typeof ComplaintEventType];
