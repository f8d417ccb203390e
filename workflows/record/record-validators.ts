import type { Actor, Role } from '../../domain/roles.js';
import { FailureType } from '../shared/failure-types.js';
import { reject } from '../shared/validators.js';
import type { RecordLifecycleInput } from './record-contract.js';

/** Staff of the authority that made the record, in one of the roles. */
export function requireRecordStaff(input: RecordLifecycleInput, actor: Actor, roles: readonly Role[], action: string): void {
  if (!roles.includes(actor.role)) reject(FailureType.FORBIDDEN, `Only ${roles.join(' or ')} may ${action}`);
  if (actor.authorityId !== input.authorityId) {
    reject(FailureType.FORBIDDEN, `Only staff of the authority that made the record may ${action}`);
  }
}
