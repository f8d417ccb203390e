import type { ObjectionStatus } from '../../domain/objection/objection-types.js';
import type { Actor, Role } from '../../domain/roles.js';
import { FailureType } from '../shared/failure-types.js';
import { reject } from '../shared/validators.js';
import type { ObjectionWorkflowInput } from './objection-contract.js';

export { reject, requireText } from '../shared/validators.js';

export function requireStatus(current: ObjectionStatus, allowed: readonly ObjectionStatus[], action: string): void {
  if (!allowed.includes(current)) {
    reject(FailureType.INVALID_STATE, `Cannot ${action}: the objection is ${current}`);
  }
}

/** Staff of the authority that made the record, in one of the roles; never the person who filed. */
export function requireStaff(input: ObjectionWorkflowInput, actor: Actor, roles: readonly Role[], action: string): void {
  if (!roles.includes(actor.role)) reject(FailureType.FORBIDDEN, `Only ${roles.join(' or ')} may ${action}`);
  if (actor.authorityId !== input.authorityId) {
    reject(FailureType.FORBIDDEN, `Only staff of the authority that made the record may ${action}`);
  }
  if (actor.id === input.applicantId) reject(FailureType.FORBIDDEN, `The person who filed the objection may not ${action}`);
}

export function requireApplicant(input: ObjectionWorkflowInput, actor: Actor, action: string): void {
  if (actor.role !== 'APPLICANT' || actor.id !== input.applicantId) {
    reject(FailureType.FORBIDDEN, `Only the applicant who filed the objection may ${action}`);
  }
}
