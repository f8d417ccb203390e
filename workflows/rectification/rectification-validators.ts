import type { Actor } from '../../domain/roles.js';
import { FailureType } from '../shared/failure-types.js';
import { reject, requireText } from '../shared/validators.js';
import type { EvidenceRef, RectificationWorkflowInput } from './rectification-contract.js';

/** An applicant acting for the body under the rectification order. */
export function requireBody(input: RectificationWorkflowInput, actor: Actor, action: string): void {
  if (actor.role !== 'APPLICANT' || !actor.subjectId || actor.subjectId !== input.subjectId) {
    reject(FailureType.FORBIDDEN, `Only an applicant of the body under the rectification order may ${action}`);
  }
}

export function requireEvidence(evidence: readonly EvidenceRef[] | undefined, required: boolean): void {
  if (evidence === undefined || evidence.length === 0) {
    if (required) reject(FailureType.VALIDATION, 'evidence is required: at least one item');
    return;
  }
  evidence.forEach((item, index) => requireText(item.title, `evidence[${index}].title`));
}
