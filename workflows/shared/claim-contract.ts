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
  /** While the step is delegated (委派): the claimer who delegated it and gets it back (otherwise absent). */
  delegatedById?: string | null;
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

/** A claimer hands their step to a colleague (转办), or delegates it (委派); the note says why (required). */
export interface PassStepCommand {
  /** The person who holds the step. */
  actor: Actor;
  /** The colleague who takes it, as the API read them from the users (id, role, authority). */
  colleague: Actor;
  note: string;
}
/** The delegate gives a delegated step back to the delegator, with what they did (required). */
export interface ReturnStepCommand {
  actor: Actor;
  note: string;
}

/** A reviewer (or supervisor) of the case's authority takes the open step; a second claim is refused (409). */
export const claimStepUpdate = defineUpdate<StepClaimState, [ClaimStepCommand]>('claimStep');
/** The claimer (or an administrator) gives the step back to the authority's reviewers. */
export const releaseStepUpdate = defineUpdate<StepClaimState, [ReleaseStepCommand]>('releaseStep');
/** An administrator gives the step to a named reviewer of the case's authority. */
export const reassignStepUpdate = defineUpdate<StepClaimState, [ReassignStepCommand]>('reassignStep');

/** 转办: the claimer hands the step to an eligible colleague, who becomes its claimer. */
export const handOverStepUpdate = defineUpdate<StepClaimState, [PassStepCommand]>('handOverStep');
/**
 * 委派: the claimer has an eligible colleague do their part of the step; the colleague holds it (and may not decide
 * it) until they return it, and the step comes back to the delegator.
 */
export const delegateStepUpdate = defineUpdate<StepClaimState, [PassStepCommand]>('delegateStep');
/** The delegate returns a delegated step to the delegator (委派完成). */
export const returnStepUpdate = defineUpdate<StepClaimState, [ReturnStepCommand]>('returnDelegatedStep');

/** Timeline events of claims. */
export const ClaimEventType = {
  STEP_CLAIMED: 'STEP_CLAIMED',
  STEP_RELEASED: 'STEP_RELEASED',
  STEP_REASSIGNED: 'STEP_REASSIGNED',
  STEP_HANDED_OVER: 'STEP_HANDED_OVER',
  STEP_DELEGATED: 'STEP_DELEGATED',
  STEP_DELEGATION_RETURNED: 'STEP_DELEGATION_RETURNED',
} as const;
export type ClaimEventType = (typeof ClaimEventType)[keyof typeof ClaimEventType];
