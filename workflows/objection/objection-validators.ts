import type { ObjectionOutcome, ObjectionStatus, FactChanges } from '../../domain/objection/objection-types.js';
import type { Actor, Role } from '../../domain/roles.js';
import { FailureType } from '../shared/failure-types.js';
import { reject, requireAuthorityStaff, requireStatus as requireCaseStatus } from '../shared/validators.js';
import type { ObjectionWorkflowInput } from './objection-contract.js';

export function requireStatus(current: ObjectionStatus, allowed: readonly ObjectionStatus[], action: string): void {
  requireCaseStatus('the objection', current, allowed, action);
}

/** Staff of the authority that made the record, in one of the roles; never the person who filed. */
export function requireStaff(input: ObjectionWorkflowInput, actor: Actor, roles: readonly Role[], action: string): void {
  requireAuthorityStaff(input.authorityId, actor, roles, action, (a) => (a.id === input.applicantId ? 'The person who filed the objection' : null));
}

/** CORRECT and SUPPLEMENT carry the changes to the record's facts; the other outcomes carry none. */
export function requireOutcomeChanges(outcome: ObjectionOutcome, changes: FactChanges | undefined): void {
  const needsChanges = outcome === 'CORRECT' || outcome === 'SUPPLEMENT';
  const hasChanges = changes !== undefined && Object.keys(changes).length > 0;
  if (needsChanges && !hasChanges) reject(FailureType.VALIDATION, `changes are required for outcome ${outcome}`);
  if (!needsChanges && hasChanges) reject(FailureType.VALIDATION, `changes are only allowed for CORRECT or SUPPLEMENT`);
}
