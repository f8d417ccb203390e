import { CheckOutcome, CommitmentEventType, worstOutcome } from '../../domain/commitment/commitment-types.js';
import type { CommitmentPolicy } from '../../domain/commitment/commitment-policy.js';
import type { Actor, Role } from '../../domain/roles.js';
import type { CaseRuntime } from '../shared/case-runtime.js';
import { FailureType } from '../shared/failure-types.js';
import { reject, requireAuthorityStaff, requireStatus, requireText } from '../shared/validators.js';
import {
  checkCommitmentUpdate,
  CommitmentStatus,
  reportCommitmentProgressUpdate,
  reportFulfilmentUpdate,
  type CommitmentEvidenceRef,
  type CommitmentState,
  type CommitmentWorkflowInput,
} from './commitment-contract.js';
import type { CommitmentTransitionDetails } from './commitment-projection.js';

const STAFF: readonly Role[] = ['REVIEWER', 'SUPERVISOR'];

/** A commitment as its actions see it. */
export interface CommitmentCase {
  input: CommitmentWorkflowInput;
  policy: CommitmentPolicy;
  state: CommitmentState;
  runtime: CaseRuntime<CommitmentState, CommitmentTransitionDetails>;
  /** People who acted for the body; none of them may check its commitment. */
  bodyActorIds: string[];
}

function requireBody(input: CommitmentWorkflowInput, actor: Actor, action: string): void {
  if (actor.role !== 'APPLICANT' || !actor.subjectId || actor.subjectId !== input.subjectId) {
    reject(FailureType.FORBIDDEN, `Only an applicant of the body that made the commitment may ${action}`);
  }
}

function requireEvidence(evidence: readonly CommitmentEvidenceRef[] | undefined, required: boolean): void {
  if (evidence === undefined || evidence.length === 0) {
    if (required) reject(FailureType.VALIDATION, 'evidence is required: at least one item');
    return;
  }
  evidence.forEach((item, index) => requireText(item.title, `evidence[${index}].title`));
}

/** The body's progress and fulfilment reports, and the supervising authority's check. */
export function registerCommitmentActions(kase: CommitmentCase): void {
  const { input, state, runtime, bodyActorIds } = kase;
  const status = (allowed: readonly CommitmentStatus[], action: string) => requireStatus('the commitment', state.status, allowed, action);
  const actedForBody = (actor: Actor) => {
    if (!bodyActorIds.includes(actor.id)) bodyActorIds.push(actor.id);
  };

  runtime.note(
    reportCommitmentProgressUpdate,
    ({ actor, note, evidence }) => {
      status(['ACTIVE', 'CHECK_DUE'], 'report progress');
      requireBody(input, actor, 'report progress');
      requireText(note, 'note');
      requireEvidence(evidence, false);
    },
    async ({ actor, note, evidence }) => {
      actedForBody(actor);
      await runtime.record(CommitmentEventType.PROGRESS_REPORTED, actor, { data: { note, evidence: evidence ?? [], period: state.period } });
    },
  );

  runtime.action(
    reportFulfilmentUpdate,
    ({ actor, summary, evidence }) => {
      status(['ACTIVE'], 'report the commitment fulfilled');
      requireBody(input, actor, 'report the commitment fulfilled');
      requireText(summary, 'summary');
      requireEvidence(evidence, true);
    },
    async ({ actor, summary, evidence }) => {
      actedForBody(actor);
      runtime.moveTo(CommitmentStatus.CHECK_DUE);
      await runtime.record(CommitmentEventType.FULFILMENT_REPORTED, actor, { data: { summary, evidence, period: state.period, dueDate: state.dueDate } });
    },
  );

  runtime.action(
    checkCommitmentUpdate,
    ({ actor, outcome, reasons, evidence }) => {
      status(['CHECK_DUE'], 'check the commitment');
      requireAuthorityStaff(input.authorityId, actor, STAFF, 'check the commitment', (a) =>
        a.subjectId === input.subjectId || bodyActorIds.includes(a.id) ? 'Someone who acted for the body that made the commitment' : null,
      );
      runtime.claims.requireClaimerOrSupervisor(actor, 'check the commitment');
      if (!(Object.values(CheckOutcome) as string[]).includes(outcome)) reject(FailureType.VALIDATION, 'outcome must be KEPT, LATE or BROKEN');
      requireText(reasons, 'reasons');
      requireEvidence(evidence, true);
    },
    async ({ actor, outcome, reasons, evidence }) => {
      const { period, dueDate } = state;
      state.checks.push({ period, dueDate, outcome, checkedById: actor.id });
      const last = outcome === CheckOutcome.BROKEN || period === input.dueDates.length - 1;
      runtime.moveTo(last ? worstOutcome(state.checks.map((c) => c.outcome)) : CommitmentStatus.ACTIVE);
      await runtime.record(CommitmentEventType.CHECKED, actor, {
        reason: reasons,
        data: { outcome, period, dueDate, evidence, checksLeft: last ? 0 : input.dueDates.length - 1 - period },
        check: { period, dueDate, outcome, reasons, evidence, checkedById: actor.id, checkedAt: new Date().toISOString() },
      });
    },
  );
}
