/** Contract of the credit-repair (信用修复) workflow. */
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { PolicySnapshot } from '../../domain/policies/policy-snapshot.js';
import type { RepairMaterial, RepairPolicy } from '../../domain/repair/repair-policy.js';
import type { Actor } from '../../domain/roles.js';
import type { HumanStepState } from '../shared/human-step.js';

export const REPAIR_CASE_TYPE = 'REPAIR';
export const REPAIR_WORKFLOW_TYPE = 'repairWorkflow';

export function repairWorkflowId(applicationId: string): string {
  return `repair-${applicationId}`;
}

export const RepairStatus = {
  FILED: 'FILED',
  NEEDS_CORRECTION: 'NEEDS_CORRECTION',
  UNDER_REVIEW: 'UNDER_REVIEW',
  RETURNED: 'RETURNED',
  AWAITING_APPROVAL: 'AWAITING_APPROVAL',
  APPROVED: 'APPROVED',
  REFUSED: 'REFUSED',
  NOT_ACCEPTED: 'NOT_ACCEPTED',
  WITHDRAWN: 'WITHDRAWN',
  REVOKED: 'REVOKED',
  /** Closed without a decision because the record itself was deleted or revoked meanwhile. */
  RECORD_ENDED: 'RECORD_ENDED',
} as const;
export type RepairStatus = (typeof RepairStatus)[keyof typeof RepairStatus];
export const CLOSED_REPAIR_STATUSES: readonly RepairStatus[] = ['APPROVED', 'REFUSED', 'NOT_ACCEPTED', 'WITHDRAWN', 'REVOKED', 'RECORD_ENDED'];

export const RepairStep = {
  ACCEPTANCE: 'ACCEPTANCE',
  CORRECTION: 'CORRECTION',
  REVIEW: 'REVIEW',
  RESUBMISSION: 'RESUBMISSION',
  APPROVAL: 'APPROVAL',
} as const;
export type RepairStep = (typeof RepairStep)[keyof typeof RepairStep];

export interface MaterialRef {
  kind: RepairMaterial;
  title: string;
  fileId?: string | undefined;
}

export interface RepairWorkflowInput {
  applicationId: string;
  recordId: string;
  subjectId: string;
  authorityId: string;
  applicantId: string;
  filedAt: string;
  policy: PolicySnapshot<RepairPolicy>;
  /**
   * The materials filed with the application. Present on runs that check them (深圳 art. 81 [C]: one 补正 listing
   * every missing item; acceptance only when complete); absent on older runs.
   */
  materials?: MaterialRef[];
  /** CALENDAR_TIME_ZONE at filing: reapply and bar dates are calendar days there (absent on older runs: UTC days). */
  timeZone?: string;
}

export interface RepairState {
  applicationId: string;
  status: RepairStatus;
  step: HumanStepState<RepairStep> | null;
  reviewedById: string | null;
  recommendation: 'APPROVE' | 'REFUSE' | null;
  decidedById: string | null;
  /** Working days of the acceptance period used before a 补正 request paused it. */
  acceptanceWorkingDaysUsed: number;
  /** The staff member who claimed the open staff step (acceptance, review, approval); null when unclaimed. */
  claimedById: string | null;
  /** Runs that check materials: the required materials still missing, and whether the one 补正 was asked. */
  missingMaterials?: RepairMaterial[];
  correctionRequested?: boolean;
  /** Runs with the overall cap: when the whole application must be decided, and whether that passed or was extended. */
  overallDueAt?: string | null;
  overallOverdue?: boolean;
  overallExtended?: boolean;
}

export interface RepairResult {
  status: RepairStatus;
}

export interface AcceptRepairCommand {
  actor: Actor;
  note?: string;
}
export interface RequestCorrectionCommand {
  actor: Actor;
  /** Every missing item, listed once in one request (深圳 art. 81). */
  missing: RepairMaterial[];
  reason: string;
}
export interface SubmitMaterialsCommand {
  actor: Actor;
  materials: MaterialRef[];
  note?: string;
}
export interface RefuseAcceptanceCommand {
  actor: Actor;
  reason: string;
}
export interface ReviewRepairCommand {
  actor: Actor;
  recommendation: 'APPROVE' | 'REFUSE';
  reasons: string;
}
export interface ReturnRepairCommand {
  actor: Actor;
  reasons: string;
}
export interface DecideRepairCommand {
  actor: Actor;
  approve: boolean;
  reasons: string;
}
export interface WithdrawRepairCommand {
  actor: Actor;
  reason?: string;
}
export interface RevokeRepairCommand {
  actor: Actor;
  reason: string;
}

export interface ExtendRepairCommand {
  actor: Actor;
  reason: string;
}

/** A supervisor extends the overall cap once (policy overallExtensionWorkingDays). */
export const extendRepairUpdate = defineUpdate<RepairState, [ExtendRepairCommand]>('extendRepair');
export const acceptRepairUpdate = defineUpdate<RepairState, [AcceptRepairCommand]>('acceptRepair');
export const requestCorrectionUpdate = defineUpdate<RepairState, [RequestCorrectionCommand]>('requestCorrection');
export const submitMaterialsUpdate = defineUpdate<RepairState, [SubmitMaterialsCommand]>('submitMaterials');
export const refuseAcceptanceUpdate = defineUpdate<RepairState, [RefuseAcceptanceCommand]>('refuseAcceptance');
export const reviewRepairUpdate = defineUpdate<RepairState, [ReviewRepairCommand]>('reviewRepair');
export const returnRepairUpdate = defineUpdate<RepairState, [ReturnRepairCommand]>('returnRepair');
export const decideRepairUpdate = defineUpdate<RepairState, [DecideRepairCommand]>('decideRepair');
export const withdrawRepairUpdate = defineUpdate<RepairState, [WithdrawRepairCommand]>('withdrawRepair');
export const revokeRepairUpdate = defineUpdate<RepairState, [RevokeRepairCommand]>('revokeRepair');
export const repairStateQuery = defineQuery<RepairState>('repairState');

/** Types of timeline/audit events of a repair application (besides the runtime's step and claim events). */
export const RepairEventType = {
  FILED: 'FILED',
  ACCEPTED: 'ACCEPTED',
  CORRECTION_REQUESTED: 'CORRECTION_REQUESTED',
  MATERIALS_SUBMITTED: 'MATERIALS_SUBMITTED',
  CORRECTION_LAPSED: 'CORRECTION_LAPSED',
  NOT_ACCEPTED: 'NOT_ACCEPTED',
  REVIEWED: 'REVIEWED',
  RETURNED: 'RETURNED',
  RESUBMISSION_LAPSED: 'RESUBMISSION_LAPSED',
  APPROVED: 'APPROVED',
  REFUSED: 'REFUSED',
  WITHDRAWN: 'WITHDRAWN',
  REPAIR_REVOKED: 'REPAIR_REVOKED',
  OVERALL_DEADLINE_PASSED: 'OVERALL_DEADLINE_PASSED',
  OVERALL_DEADLINE_EXTENDED: 'OVERALL_DEADLINE_EXTENDED',
  CLOSED_RECORD_DELETED: 'CLOSED_RECORD_DELETED',
  CLOSED_RECORD_REVOKED: 'CLOSED_RECORD_REVOKED',
  /** The record left its list (移出名单) through an objection: nothing is left to repair. */
  CLOSED_RECORD_REMOVED: 'CLOSED_RECORD_REMOVED',
} as const;
export type RepairEventType = (typeof RepairEventType)[keyof typeof RepairEventType];
