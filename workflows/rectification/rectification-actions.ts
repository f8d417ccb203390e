import { condition, setHandler } from '@temporalio/workflow';
import type { RectificationPolicy } from '../../domain/rectification/rectification-policy.js';
import { RectificationEventType } from '../../domain/rectification/rectification-types.js';
import type { Actor, Role } from '../../domain/roles.js';
import { SYSTEM_ACTOR } from '../shared/case-event.js';
import type { CaseRuntime } from '../shared/case-runtime.js';
import { FailureType } from '../shared/failure-types.js';
import { reject, requireAuthorityStaff, requireIntegerIn, requireStatus, requireText } from '../shared/validators.js';
import {
  cancelRectificationSignal,
  extendRectificationUpdate,
  RectificationCaseStatus,
  RectificationStep,
  reviewRectificationUpdate,
  submitCompletionUpdate,
  submitExplanationUpdate,
  submitProgressUpdate,
  type RectificationState,
  type RectificationWorkflowInput,
} from './rectification-contract.js';
import type { RectificationTransitionDetails } from './rectification-projection.js';
import { requireBody, requireEvidence } from './rectification-validators.js';

const STAFF: readonly Role[] = ['REVIEWER', 'SUPERVISOR'];
const MAX_RETURN_WORKING_DAYS = 250;
const MAX_EXTENSION_WORKING_DAYS = 120;

/** A rectification case as its actions see it. */
export interface RectificationCase {
  input: RectificationWorkflowInput;
  policy: RectificationPolicy;
  state: RectificationState;
  runtime: CaseRuntime<RectificationState, RectificationTransitionDetails>;
  /** People who acted for the body; none of them may review its rectification. */
  bodyActorIds: string[];
  /** The rectification period in working days: the policy's, or the one a return set. */
  rectificationWorkingDays: number;
}

/** The body's reports and the authority's review, extension and the lifecycle's cancellation. */
export function registerRectificationActions(kase: RectificationCase): void {
  const { input, policy, state, runtime, bodyActorIds } = kase;
  const status = (allowed: readonly RectificationCaseStatus[], action: string) => requireStatus('the rectification', state.status, allowed, action);
  const staff = (actor: Actor, roles: readonly Role[], action: string) =>
    requireAuthorityStaff(input.authorityId, actor, roles, action, (a) =>
      a.subjectId === input.subjectId || bodyActorIds.includes(a.id) ? 'Someone who acted for the body under rectification' : null,
    );
  const actedForBody = (actor: Actor) => {
    if (!bodyActorIds.includes(actor.id)) bodyActorIds.push(actor.id);
  };

  setHandler(cancelRectificationSignal, ({ cause }) => {
    if (runtime.isClosed()) return;
    runtime.moveTo(RectificationCaseStatus.CANCELLED);
    void runtime.record(RectificationEventType.CANCELLED, SYSTEM_ACTOR, { reason: cause, data: { cause }, recordStatus: 'CANCELLED' });
  });

  runtime.action(
    submitExplanationUpdate,
    ({ actor, explanation, plan }) => {
      status(['EXPLANATION_DUE'], 'submit the explanation');
      requireBody(input, actor, 'submit the explanation');
      requireText(explanation, 'explanation');
      requireText(plan, 'plan');
    },
    async ({ actor, explanation, plan }) => {
      actedForBody(actor);
      runtime.moveTo(RectificationCaseStatus.RECTIFYING);
      await runtime.record(RectificationEventType.EXPLANATION_SUBMITTED, actor, { readModel: { explanation, plan }, recordStatus: 'PENDING' });
    },
  );

  runtime.note(
    submitProgressUpdate,
    ({ actor, note, evidence }) => {
      status(['RECTIFYING'], 'report progress');
      requireBody(input, actor, 'report progress');
      requireText(note, 'note');
      requireEvidence(evidence, false);
    },
    async ({ actor, note, evidence }) => {
      actedForBody(actor);
      await runtime.record(RectificationEventType.PROGRESS_REPORTED, actor, { data: { note, evidence: evidence ?? [] } });
    },
  );

  runtime.action(
    submitCompletionUpdate,
    ({ actor, summary, evidence }) => {
      status(['RECTIFYING'], 'submit the completion');
      requireBody(input, actor, 'submit the completion');
      requireText(summary, 'summary');
      requireEvidence(evidence, true);
    },
    async ({ actor, summary, evidence }) => {
      actedForBody(actor);
      runtime.moveTo(RectificationCaseStatus.UNDER_REVIEW);
      await runtime.record(RectificationEventType.COMPLETION_SUBMITTED, actor, { data: { summary, evidence }, recordStatus: 'PENDING' });
    },
  );

  runtime.action(
    reviewRectificationUpdate,
    ({ actor, accept, reasons, newDeadlineWorkingDays }) => {
      status(['UNDER_REVIEW'], 'review the rectification');
      staff(actor, STAFF, 'review the rectification');
      runtime.claims.requireClaimerOrSupervisor(actor, 'review the rectification');
      requireText(reasons, 'reasons');
      if (accept && newDeadlineWorkingDays !== undefined) reject(FailureType.VALIDATION, 'newDeadlineWorkingDays is only allowed when the rectification is returned');
      if (!accept) requireIntegerIn(newDeadlineWorkingDays, 1, MAX_RETURN_WORKING_DAYS, 'newDeadlineWorkingDays');
    },
    async ({ actor, accept, reasons, newDeadlineWorkingDays }) => {
      if (accept) {
        runtime.moveTo(RectificationCaseStatus.RECTIFIED);
        await runtime.record(RectificationEventType.RECTIFIED, actor, { reason: reasons, recordStatus: 'RECTIFIED' });
        return;
      }
      runtime.moveTo(RectificationCaseStatus.RECTIFYING);
      state.returnedCount++;
      kase.rectificationWorkingDays = newDeadlineWorkingDays ?? policy.rectificationWorkingDays;
      await runtime.record(RectificationEventType.RETURNED, actor, {
        reason: reasons,
        data: { newDeadlineWorkingDays: kase.rectificationWorkingDays, returnedCount: state.returnedCount },
        recordStatus: 'PENDING',
      });
    },
  );

  // Not runtime.action: right after an explanation or a return the new period may still be being set up, and the
  // action settles from the moment it is.
  setHandler(
    extendRectificationUpdate,
    async ({ actor, workingDays, reason }) => {
      await condition(() => runtime.activeStep?.state.step === RectificationStep.RECTIFICATION || state.status !== 'RECTIFYING');
      if (state.status !== 'RECTIFYING') return state;
      const mark = runtime.settling.mark();
      runtime.activeStep?.extend(workingDays);
      await runtime.record(RectificationEventType.DEADLINE_EXTENDED, actor, {
        reason,
        data: { workingDays, totalWorkingDays: runtime.activeStep?.state.workingDays, approvedById: actor.id },
      });
      await runtime.settling.after(mark);
      return state;
    },
    {
      validator: ({ actor, workingDays, reason }) => {
        status(['RECTIFYING'], 'extend the rectification deadline');
        staff(actor, ['SUPERVISOR'], 'approve an extension');
        requireText(reason, 'reason');
        requireIntegerIn(workingDays, 1, MAX_EXTENSION_WORKING_DAYS, 'workingDays');
      },
    },
  );
}
