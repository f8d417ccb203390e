/**
 * Contract of the objection (异议) workflow: what the API imports from workflows/.
 * Imports only @temporalio/workflow and pure domain types.
 */
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { ClockStopCause, ObjectionPolicy } from '../../domain/objection/objection-policy.js';
import type { PolicySnapshot } from '../../domain/policies/policy-snapshot.js';
import type {
  FactChanges,
  ObjectionOutcome,
  ObjectionStatus,
  ObjectionStep,
  RecordCorrections,
} from '../../domain/objection/objection-types.js';
import type { Actor } from '../../domain/roles.js';
import type { HumanStepState } from '../shared/human-step.js';

export const OBJECTION_CASE_TYPE = 'OBJECTION';

export function objectionWorkflowId(caseId: string): string {
  return `objection-${caseId}`;
}

export interface ObjectionWorkflowInput {
  caseId: string;
  recordId: string;
  subjectId: string;
  /** The authority that made the record; its reviewers and supervisors act on the case. */
  authorityId: string;
  applicantId: string;
  filedAt: string;
  policy: PolicySnapshot<ObjectionPolicy>;
  /** What the outcomes may do to the record (absent on cases filed before: no removal, no sanction-kind correction). */
  record?: {
    /** The record is a list entry: 移出名单 (REMOVE_FROM_LIST) is a possible outcome. */
    listEntry: boolean;
    /** The record's subject is a civil servant: the sanction kind may be corrected. */
    civilServant: boolean;
  };
}

export type ObjectionStepState = HumanStepState<ObjectionStep>;

export interface ObjectionState {
  caseId: string;
  status: ObjectionStatus;
  outcome: ObjectionOutcome | null;
  step: ObjectionStepState | null;
  acceptedById: string | null;
  decidedById: string | null;
  extendedWorkingDays: number;
  secondReviewRequested: boolean;
  policyId: string;
  /** The staff member who claimed the current step (see workflows/shared/claim-contract.ts). */
  claimedById: string | null;
  /** 补正 was asked for (once only); absent on cases filed before 补正 existed. */
  correctionRequested?: boolean;
  /** The clock stands still since then (补正, or a clock stop for appraisal/expert review), with its cause. */
  clockStopped?: { since: string; cause: 'CORRECTION' | ClockStopCause; reason: string } | null;
  /** Working days that did not count: while 补正 was awaited, and while verification's clock was stopped. */
  pausedWorkingDays?: { acceptance: number; verification: number };
}

export interface ObjectionResult {
  status: ObjectionStatus;
  outcome: ObjectionOutcome | null;
}

export interface ActorCommand {
  actor: Actor;
}
export interface AcceptObjectionCommand extends ActorCommand {
  note?: string;
}
export interface DeclineObjectionCommand extends ActorCommand {
  reason: string;
}
export interface DecideObjectionCommand extends ActorCommand {
  outcome: ObjectionOutcome;
  reasons: string;
  /** Required for SUPPLEMENT, and for CORRECT unless it carries `corrections`: the fields of the record's facts to set. */
  changes?: FactChanges;
  /** CORRECT only: the record's severity, decision date or sanction kind, corrected (publication and sanctions recomputed). */
  corrections?: RecordCorrections;
}
export interface ExtendVerificationCommand extends ActorCommand {
  workingDays: number;
  reason: string;
}
export interface RequestSecondReviewCommand extends ActorCommand {
  reason: string;
}
export interface DecideSecondReviewCommand extends ActorCommand {
  /** true keeps the rejection; false replaces it with `outcome`. */
  upholdRejection: boolean;
  outcome?: ObjectionOutcome;
  reasons: string;
  changes?: FactChanges;
  corrections?: RecordCorrections;
}
export interface WithdrawObjectionCommand extends ActorCommand {
  reason?: string;
}
/** 补正: every missing item at once, in one request (深圳 art. 81 [C]). */
export interface RequestObjectionCorrectionCommand extends ActorCommand {
  missing: string[];
  reason: string;
}
export interface SubmitObjectionMaterialsCommand extends ActorCommand {
  materials: { title: string; fileId?: string | undefined; documentNumber?: string | undefined }[];
  note?: string;
}
/** Stops verification's clock for an appraisal or an expert review (河南 [C]). */
export interface StopObjectionClockCommand extends ActorCommand {
  cause: ClockStopCause;
  reason: string;
}
export interface ResumeObjectionClockCommand extends ActorCommand {
  note?: string;
}

export const acceptObjectionUpdate = defineUpdate<ObjectionState, [AcceptObjectionCommand]>('acceptObjection');
export const declineObjectionUpdate = defineUpdate<ObjectionState, [DeclineObjectionCommand]>('declineObjection');
export const decideObjectionUpdate = defineUpdate<ObjectionState, [DecideObjectionCommand]>('decideObjection');
export const extendVerificationUpdate = defineUpdate<ObjectionState, [ExtendVerificationCommand]>('extendVerification');
export const requestSecondReviewUpdate = defineUpdate<ObjectionState, [RequestSecondReviewCommand]>('requestSecondReview');
export const decideSecondReviewUpdate = defineUpdate<ObjectionState, [DecideSecondReviewCommand]>('decideSecondReview');
export const withdrawObjectionUpdate = defineUpdate<ObjectionState, [WithdrawObjectionCommand]>('withdrawObjection');
export const requestObjectionCorrectionUpdate = defineUpdate<ObjectionState, [RequestObjectionCorrectionCommand]>('requestObjectionCorrection');
export const submitObjectionMaterialsUpdate = defineUpdate<ObjectionState, [SubmitObjectionMaterialsCommand]>('submitObjectionMaterials');
export const stopObjectionClockUpdate = defineUpdate<ObjectionState, [StopObjectionClockCommand]>('stopObjectionClock');
export const resumeObjectionClockUpdate = defineUpdate<ObjectionState, [ResumeObjectionClockCommand]>('resumeObjectionClock');

export const objectionStateQuery = defineQuery<ObjectionState>('objectionState');

/** Workflow type name, for clients that start it without importing workflow code. */
export const OBJECTION_WORKFLOW_TYPE = 'objectionWorkflow';
