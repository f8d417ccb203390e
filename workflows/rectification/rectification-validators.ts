import type { Actor, Role } from '../../domain/roles.js';
import { FailureType } from '../shared/failure-types.js';
import { reject, requireText } from '../shared/validators.js';
import type { EvidenceRef, RectificationCaseStatus, RectificationWorkflowInput } from './rectification-contract.js';

export function requireStatus(current: RectificationCaseStatus, allowed: readonly RectificationCaseStatus[], action: string): void {
  if (!allowed.includes(current)) reject(FailureType.INVALID_STATE, `Cannot ${action}: the rectification is ${current}`);
}

/** An applicant acting for the body under the rectification order. */
export function requireBody(input: RectificationWorkflowInput, actor: Actor, action: string): void {
  if (actor.role !== 'APPLICANT' || !actor.subjectId || actor.subjectId !== input.subjectId) {
    reject(FailureType.FORBIDDEN, `Only an applicant of the body under the rectification order may ${action}`);
  }
}

/** Staff of the authority that made the record, in one of the roles; never anyone who acted for the body. */
export function requireAuthorityStaff(
  input: RectificationWorkflowInput,
  actor: Actor,
  roles: readonly Role[],
  action: string,
  bodyActorIds: readonly string[],
): void {
  if (!roles.includes(actor.role)) reject(FailureType.FORBIDDEN, `Only ${roles.join(' or ')} may ${action}`);
  if (!actor.authorityId || actor.authorityId !== input.authorityId) {
    reject(FailureType.FORBIDDEN, `Only staff of the authority that made the record may ${action}`);
  }
  if (actor.subjectId === input.subjectId || bodyActorIds.includes(actor.id)) {
    reject(FailureType.FORBIDDEN, `Someone who acted for the body under rectification may not ${action}`);
  }
}

export function requireEvidence(evidence: readonly EvidenceRef[] | undefined, required: boolean): void {
  if (evidence === undefined || evidence.length === 0) {
    if (required) reject(FailureType.VALIDATION, 'evidence is required: at least one item');
    return;
  }
  evidence.forEach((item, index) => requireText(item.title, `evidence[${index}].title`));
}
