import type { ObjectionPolicy } from '../../domain/objection/objection-policy.js';
import { ObjectionEventType, ObjectionStatus, type FactChanges, type ObjectionOutcome, type RecordCorrections } from '../../domain/objection/objection-types.js';
import type { Actor, Role } from '../../domain/roles.js';
import { SYSTEM_ACTOR } from '../shared/case-event.js';
import type { CaseRuntime } from '../shared/case-runtime.js';
import { FailureType } from '../shared/failure-types.js';
import { reject, requireApplicant, requireText } from '../shared/validators.js';
import {
  acceptObjectionUpdate,
  declineObjectionUpdate,
  decideObjectionUpdate,
  decideSecondReviewUpdate,
  extendVerificationUpdate,
  requestSecondReviewUpdate,
  withdrawObjectionUpdate,
  type ObjectionState,
  type ObjectionWorkflowInput,
} from './objection-contract.js';
import type { ObjectionTransitionDetails } from './objection-projection.js';
import { requireOutcomeChanges, requireStaff, requireStatus } from './objection-validators.js';

const STAFF: readonly Role[] = ['REVIEWER', 'SUPERVISOR'];
const OPEN_FOR_WITHDRAWAL: readonly ObjectionStatus[] = ['FILED', 'NEEDS_CORRECTION', 'UNDER_VERIFICATION', 'VERIFICATION_PAUSED', 'UNDER_SECOND_REVIEW'];

export interface ObjectionCase {
  input: ObjectionWorkflowInput;
  state: ObjectionState;
  runtime: CaseRuntime<ObjectionState, ObjectionTransitionDetails>;
}

/** The human actions on an objection: who may take them when, and what each changes. */
export function registerObjectionActions({ input, state, runtime }: ObjectionCase): void {
  const policy: ObjectionPolicy = input.policy.params;
  const { claims } = runtime;
  /** Staff of the record's authority, and the claimer of the step when it is claimed. */
  const requireDecider = (actor: Actor, action: string) => {
    requireStaff(input, actor, STAFF, action);
    claims.requireClaimerOrSupervisor(actor, action);
  };

  function decide(actor: Actor, outcome: ObjectionOutcome, reasons: string, changes: FactChanges | undefined, type: ObjectionEventType, corrections?: RecordCorrections) {
    const reviewable = outcome === 'REJECT' && policy.secondReviewAllowed && !state.secondReviewRequested;
    state.outcome = outcome;
    state.decidedById = actor.id;
    runtime.moveTo(reviewable ? ObjectionStatus.REJECTED_REVIEWABLE : ObjectionStatus.DECIDED);
    return runtime.record(type, actor, {
      reason: reasons,
      data: { outcome, changes: changes ?? null, ...(corrections ? { corrections } : {}), secondReviewAvailable: reviewable },
      recordEffect: { kind: 'APPLY_OUTCOME', outcome, reasons, changes, ...(corrections ? { corrections } : {}) },
    });
  }

  /** Ends the case; the record's 异议标注 is lifted when the case had marked it. */
  function close(status: ObjectionStatus, type: ObjectionEventType, actor: Actor, details: ObjectionTransitionDetails) {
    const marked = state.status !== ObjectionStatus.FILED && state.status !== ObjectionStatus.NEEDS_CORRECTION;
    if (state.clockStopped) state.clockStopped = null;
    runtime.moveTo(status);
    return runtime.record(type, actor, { ...details, ...(marked ? { recordEffect: { kind: 'UNMARK' } as const } : {}) });
  }

  // The record was revoked (or deleted by another case): there is nothing left to object to; the case ends, saying why.
  runtime.onRecordEnded(({ cause, caseId, reason }) =>
    close(ObjectionStatus.RECORD_ENDED, ObjectionEventType.CLOSED_RECORD_ENDED, SYSTEM_ACTOR, {
      reason: reason ?? `record ${cause.toLowerCase()} by ${caseId}`,
      data: { cause, caseId },
    }),
  );

  runtime.action(
    acceptObjectionUpdate,
    ({ actor }) => {
      requireStatus(state.status, ['FILED'], 'accept the objection');
      requireDecider(actor, 'accept the objection');
    },
    async ({ actor, note }) => {
      state.acceptedById = actor.id;
      runtime.moveTo(ObjectionStatus.UNDER_VERIFICATION);
      await runtime.record(ObjectionEventType.ACCEPTED, actor, { reason: note ?? null, recordEffect: { kind: 'MARK' } });
    },
  );

  runtime.action(
    declineObjectionUpdate,
    ({ actor, reason }) => {
      requireStatus(state.status, ['FILED'], 'decline the objection');
      requireDecider(actor, 'decline the objection');
      requireText(reason, 'reason');
    },
    async ({ actor, reason }) => {
      state.decidedById = actor.id;
      runtime.moveTo(ObjectionStatus.NOT_ACCEPTED);
      await runtime.record(ObjectionEventType.NOT_ACCEPTED, actor, { reason });
    },
  );

  runtime.action(
    decideObjectionUpdate,
    ({ actor, outcome, reasons, changes, corrections }) => {
      requireStatus(state.status, ['UNDER_VERIFICATION'], 'decide the objection');
      requireDecider(actor, 'decide the objection');
      requireText(reasons, 'reasons');
      requireOutcomeChanges(input, outcome, changes, corrections);
    },
    ({ actor, outcome, reasons, changes, corrections }) => decide(actor, outcome, reasons, changes, ObjectionEventType.DECIDED, corrections),
  );

  runtime.action(
    extendVerificationUpdate,
    ({ actor, workingDays, reason }) => {
      requireStatus(state.status, ['UNDER_VERIFICATION'], 'extend verification');
      requireStaff(input, actor, ['SUPERVISOR'], 'approve an extension');
      requireText(reason, 'reason');
      if (!Number.isInteger(workingDays) || workingDays < 1) reject(FailureType.VALIDATION, 'workingDays must be a positive integer');
      const total = policy.verifyWorkingDays + state.extendedWorkingDays + workingDays;
      if (total > policy.verifyMaxTotalWorkingDays) {
        reject(FailureType.VALIDATION, `Verification may last at most ${policy.verifyMaxTotalWorkingDays} working days in total; this extension would make it ${total}`);
      }
    },
    async ({ actor, workingDays, reason }) => {
      state.extendedWorkingDays += workingDays;
      runtime.activeStep?.extend(workingDays);
      const totalWorkingDays = policy.verifyWorkingDays + state.extendedWorkingDays;
      await runtime.record(ObjectionEventType.DEADLINE_EXTENDED, actor, { reason, data: { workingDays, totalWorkingDays } });
    },
  );

  runtime.action(
    requestSecondReviewUpdate,
    ({ actor, reason }) => {
      requireStatus(state.status, ['REJECTED_REVIEWABLE'], 'request a second review');
      requireApplicant(input.applicantId, actor, 'request a second review');
      requireText(reason, 'reason');
    },
    async ({ actor, reason }) => {
      state.secondReviewRequested = true;
      runtime.moveTo(ObjectionStatus.UNDER_SECOND_REVIEW);
      await runtime.record(ObjectionEventType.SECOND_REVIEW_REQUESTED, actor, { reason, recordEffect: { kind: 'MARK' } });
    },
  );

  runtime.action(
    decideSecondReviewUpdate,
    ({ actor, upholdRejection, outcome, reasons, changes, corrections }) => {
      requireStatus(state.status, ['UNDER_SECOND_REVIEW'], 'decide the second review');
      requireStaff(input, actor, ['SUPERVISOR'], 'decide a second review');
      if (actor.id === state.decidedById) reject(FailureType.FORBIDDEN, 'The second review must be decided by someone other than the first decider');
      requireText(reasons, 'reasons');
      if (upholdRejection && outcome !== undefined && outcome !== 'REJECT') reject(FailureType.VALIDATION, 'An upheld rejection takes no other outcome');
      if (!upholdRejection && (!outcome || outcome === 'REJECT')) reject(FailureType.VALIDATION, 'outcome (other than REJECT) is required when the rejection is overturned');
      requireOutcomeChanges(input, upholdRejection ? 'REJECT' : outcome!, changes, corrections);
    },
    ({ actor, upholdRejection, outcome, reasons, changes, corrections }) =>
      decide(actor, upholdRejection ? 'REJECT' : (outcome ?? 'REJECT'), reasons, changes, ObjectionEventType.SECOND_REVIEW_DECIDED, corrections),
  );

  runtime.action(
    withdrawObjectionUpdate,
    ({ actor }) => {
      requireStatus(state.status, OPEN_FOR_WITHDRAWAL, 'withdraw the objection');
      requireApplicant(input.applicantId, actor, 'withdraw the objection');
    },
    ({ actor, reason }) => close(ObjectionStatus.WITHDRAWN, ObjectionEventType.WITHDRAWN, actor, { reason: reason ?? null }),
  );
}
