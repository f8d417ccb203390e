import type { Actor, Role } from '../../domain/roles.js';
import { FailureType } from '../shared/failure-types.js';
import { reject } from '../shared/validators.js';
import type { RepairStatus, RepairWorkflowInput } from './repair-contract.js';

export function requireRepairStatus(current: RepairStatus, allowed: readonly RepairStatus[], action: string): void {
  if (!allowed.includes(current)) reject(FailureType.INVALID_STATE, `Cannot ${action}: the application is ${current}`);
}

/** Staff of the authority that made the record ("whoever made the finding decides the repair"), never the applicant. */
export function requireRepairStaff(input: RepairWorkflowInput, actor: Actor, roles: readonly Role[], action: string): void {
  if (!roles.includes(actor.role)) reject(FailureType.FORBIDDEN, `Only ${roles.join(' or ')} may ${action}`);
  if (actor.authorityId !== input.authorityId) reject(FailureType.FORBIDDEN, `Only staff of the authority that made the record may ${action}`);
  if (actor.id === input.applicantId) reject(FailureType.FORBIDDEN, `The applicant may not ${action}`);
}

export function requireRepairApplicant(input: RepairWorkflowInput, actor: Actor, action: string): void {
  if (actor.role !== 'APPLICANT' || actor.id !== input.applicantId) reject(FailureType.FORBIDDEN, `Only the applicant may ${action}`);
}
