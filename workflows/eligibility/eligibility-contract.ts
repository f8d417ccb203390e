/** Contract of the per-subject honor-eligibility workflow (one long-running workflow per subject). */
import { defineQuery, defineSignal } from '@temporalio/workflow';
import type { EligibilityAnswer, EligibilityBlocker, EligibilityRestriction } from '../../domain/eligibility/eligibility.js';

export const ELIGIBILITY_CASE_TYPE = 'ELIGIBILITY';
export const ELIGIBILITY_WORKFLOW_TYPE = 'subjectEligibilityWorkflow';

export function eligibilityWorkflowId(subjectId: string): string {
  return `eligibility-${subjectId}`;
}

export interface EligibilityWorkflowInput {
  subjectId: string;
  restriction: EligibilityRestriction;
  /** Continue-as-new after this many record events (history stays small over years of events). */
  maxEventsPerRun?: number;
  /** State carried over by continue-as-new. */
  carried?: { blockers: EligibilityBlocker[]; recordVersions: Record<string, number>; sequence: number };
}

/**
 * A record's effect on eligibility changed. `recordVersion` increases with every change of that record, so a
 * duplicated or late signal (an activity retried) is ignored.
 */
export interface RecordEligibilityChange {
  recordId: string;
  recordVersion: number;
  /** The block in force from now on, or null when the record no longer blocks (repaired, revoked, expired …). */
  blocker: EligibilityBlocker | null;
  /** Why it changed: REGISTERED, REVOKED, DELETED, REPAIRED, EXPIRED, LENIENCY, REINSTATED, … */
  cause: string;
  occurredAt: string;
}

export const recordEligibilityChangedSignal = defineSignal<[RecordEligibilityChange]>('recordEligibilityChanged');
export const eligibilityQuery = defineQuery<EligibilityAnswer>('eligibility');
