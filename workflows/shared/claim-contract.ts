/**
 * Contract of step claims, shared by every case workflow that has steps for an authority's staff (objection,
 * rectification, repair): the same update names on each, so the API claims a step of any case the same way.
 * Imports only @temporalio/workflow and pure domain types.
 */
import { defineUpdate } from '@temporalio/workflow';
import type { Actor } from '../../domain/roles.js';

/** Who holds the case's current step. */
export interface StepClaimState {
  step: string | null;
  claimedById: string | null;
}

export interface ClaimStepCommand {
  actor: Actor;
  note?: string | undefined;
}
export interface ReleaseStepCommand {
  actor: Actor;
  reason?: string | undefined;
}
export interface ReassignStepCommand {
  /** An administrator. */
  actor: Actor;
  /** The staff member who takes the step over, as the API read them from the users (id, role, authority). */
  assignee: Actor;
  reason?: string | undefined;
}

/** A reviewer (or supervisor) of the case's authority takes the open step; a second claim is refused (409). */
export const claimStepUpdate = defineUpdate<StepClaimState, [ClaimStepCommand]>('claimStep');
/** The claimer (or an administrator) gives the step back to the authority's reviewers. */
export const releaseStepUpdate = defineUpdate<StepClaimState, [ReleaseStepCommand]>('releaseStep');
/** An administrator gives the step to a named reviewer of the case's authority. */
export const reassignStepUpdate = defineUpdate<StepClaimState, [ReassignStepCommand]>('reassignStep');

/** Timeline events of claims. */
export const ClaimEventType = {
  STEP_CLAIMED: 'STEP_CLAIMED',
  STEP_RELEASED: 'STEP_RELEASED',
  STEP_REASSIGNED: 'STEP_REASSIGNED',
} as const;
export type ClaimEventType = (typeof ClaimEventType)[keyof typeof ClaimEventType];
