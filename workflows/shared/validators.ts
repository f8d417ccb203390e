import { ApplicationFailure } from '@temporalio/workflow';
import type { Actor, Role } from '../../domain/roles.js';
import { FailureType } from './failure-types.js';

/** Refuses an update: the caller gets the failure at once, and the workflow history keeps no trace of it. */
export function reject(type: FailureType, message: string): never {
  throw ApplicationFailure.create({ type, message, nonRetryable: true });
}

export function requireText(value: string | undefined, field: string): void {
  if (!value || value.trim().length === 0) reject(FailureType.VALIDATION, `${field} is required`);
}

export function requireIntegerIn(value: number | undefined, min: number, max: number, field: string): void {
  if (value === undefined || !Number.isInteger(value) || value < min || value > max) {
    reject(FailureType.VALIDATION, `${field} must be an integer from ${min} to ${max}`);
  }
}

/** The action is allowed only in some statuses of the case (`noun`: "the objection", "the application" …). */
export function requireStatus<S extends string>(noun: string, current: S, allowed: readonly S[], action: string): void {
  if (!allowed.includes(current)) reject(FailureType.INVALID_STATE, `Cannot ${action}: ${noun} is ${current}`);
}

/**
 * Staff of the authority that made the record, in one of the roles. `barred` names why this person may not act on
 * this case (they filed it, or acted for the other side), or returns null.
 */
export function requireAuthorityStaff(
  authorityId: string,
  actor: Actor,
  roles: readonly Role[],
  action: string,
  barred?: (actor: Actor) => string | null,
): void {
  if (!roles.includes(actor.role)) reject(FailureType.FORBIDDEN, `Only ${roles.join(' or ')} may ${action}`);
  if (!actor.authorityId || actor.authorityId !== authorityId) {
    reject(FailureType.FORBIDDEN, `Only staff of the authority that made the record may ${action}`);
  }
  const who = barred?.(actor);
  if (who) reject(FailureType.FORBIDDEN, `${who} may not ${action}`);
}

/** The applicant who filed the case. */
export function requireApplicant(applicantId: string, actor: Actor, action: string): void {
  if (actor.role !== 'APPLICANT' || actor.id !== applicantId) reject(FailureType.FORBIDDEN, `Only the applicant who filed the case may ${action}`);
}
