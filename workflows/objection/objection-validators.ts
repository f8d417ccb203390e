import type { ObjectionOutcome, ObjectionStatus, FactChanges, RecordCorrections } from '../../domain/objection/objection-types.js';
import { SANCTION_KINDS, Severity } from '../../domain/records/record-types.js';
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

const DAY_MS = 86_400_000;

/**
 * CORRECT and SUPPLEMENT carry the changes to the record's facts (CORRECT may instead, or also, correct the record's
 * terms); the other outcomes carry none. REMOVE_FROM_LIST applies to list entries only.
 */
export function requireOutcomeChanges(
  input: ObjectionWorkflowInput,
  outcome: ObjectionOutcome,
  changes: FactChanges | undefined,
  corrections?: RecordCorrections,
): void {
  const needsChanges = outcome === 'CORRECT' || outcome === 'SUPPLEMENT';
  const hasChanges = changes !== undefined && Object.keys(changes).length > 0;
  const hasCorrections = corrections !== undefined && Object.keys(corrections).length > 0;
  if (hasCorrections && outcome !== 'CORRECT') reject(FailureType.VALIDATION, 'corrections are only allowed for CORRECT');
  if (needsChanges && !hasChanges && !hasCorrections) reject(FailureType.VALIDATION, `changes are required for outcome ${outcome}`);
  if (!needsChanges && hasChanges) reject(FailureType.VALIDATION, `changes are only allowed for CORRECT or SUPPLEMENT`);
  if (outcome === 'REMOVE_FROM_LIST' && input.record?.listEntry !== true) {
    reject(FailureType.INVALID_STATE, 'The record is not a list entry: REMOVE_FROM_LIST (移出名单) does not apply');
  }
  if (hasCorrections) requireCorrections(input, corrections);
}

function requireCorrections(input: ObjectionWorkflowInput, corrections: RecordCorrections): void {
  const { severity, decisionDate, sanctionKind } = corrections;
  if (severity !== undefined && !(Object.values(Severity) as string[]).includes(severity)) reject(FailureType.VALIDATION, 'corrections.severity must be MINOR, GENERAL or SERIOUS');
  if (decisionDate !== undefined) {
    const at = Date.parse(`${decisionDate}T00:00:00Z`);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(decisionDate) || Number.isNaN(at) || !new Date(at).toISOString().startsWith(decisionDate)) {
      reject(FailureType.VALIDATION, 'corrections.decisionDate must be a date YYYY-MM-DD');
    }
    // The finding existed when the objection was filed; one day of slack for zones ahead of UTC.
    if (at > Date.parse(input.filedAt) + DAY_MS) reject(FailureType.VALIDATION, 'corrections.decisionDate must not be after the objection was filed');
  }
  if (sanctionKind !== undefined) {
    if (input.record?.civilServant !== true) reject(FailureType.VALIDATION, "corrections.sanctionKind applies to a civil servant's record only");
    if (sanctionKind !== null && !(SANCTION_KINDS as string[]).includes(sanctionKind)) reject(FailureType.VALIDATION, `corrections.sanctionKind must be one of ${SANCTION_KINDS.join(', ')}`);
  }
}
