import { proxyActivities } from '@temporalio/workflow';
import type { Activities } from '../../activities/index.js';
import type { ObjectionPolicy } from '../../domain/objection/objection-policy.js';
import { ObjectionEventType, ObjectionStatus } from '../../domain/objection/objection-types.js';
import type { Actor, Role } from '../../domain/roles.js';
import { STANDARD_ACTIVITY_OPTIONS } from '../shared/activity-options.js';
import { FailureType } from '../shared/failure-types.js';
import { reject, requireApplicant, requireText } from '../shared/validators.js';
import {
  requestObjectionCorrectionUpdate,
  resumeObjectionClockUpdate,
  stopObjectionClockUpdate,
  submitObjectionMaterialsUpdate,
} from './objection-contract.js';
import type { ObjectionCase } from './objection-actions.js';
import { requireStaff, requireStatus } from './objection-validators.js';

const { workingDaysElapsed } = proxyActivities<Activities>(STANDARD_ACTIVITY_OPTIONS);

const STAFF: readonly Role[] = ['REVIEWER', 'SUPERVISOR'];
/** The longest stretch a clock stop is counted over (a year of working days). */
const MAX_COUNTED_WORKING_DAYS = 250;

/**
 * 补正 before acceptance (one request listing every missing item, 深圳 art. 81 [C]) and clock stops during verification
 * for an appraisal or an expert review (河南 [C]): the working days they take do not count toward the deadlines, and
 * the case shows them (`pausedWorkingDays`, `clockStopped`). Cases filed before these rules (a policy snapshot without
 * them) refuse both in their validators, so their histories never reach this code.
 */
export function registerObjectionClockActions({ input, state, runtime }: ObjectionCase): void {
  const policy: Partial<ObjectionPolicy> = input.policy.params;
  const decider = (actor: Actor, action: string) => {
    requireStaff(input, actor, STAFF, action);
    runtime.claims.requireClaimerOrSupervisor(actor, action);
  };
  const requireRules = () => {
    if (policy.correctionWorkingDays === undefined || !state.pausedWorkingDays) reject(FailureType.INVALID_STATE, 'This objection was filed under a policy without 补正 or clock stops');
  };
  /** Working days from the clock's stop until now (counted on the calendar, the first day not counted). */
  const pausedSince = async (max: number) => {
    const since = state.clockStopped?.since;
    return since ? workingDaysElapsed({ from: since, to: new Date().toISOString(), max }) : 0;
  };

  runtime.action(
    requestObjectionCorrectionUpdate,
    ({ actor, missing, reason }) => {
      requireStatus(state.status, ['FILED'], 'ask for missing material');
      requireRules();
      decider(actor, 'ask for missing material');
      requireText(reason, 'reason');
      if (!Array.isArray(missing) || missing.length === 0 || missing.some((item) => typeof item !== 'string' || item.trim() === '')) {
        reject(FailureType.VALIDATION, 'missing must list every missing item at once');
      }
      if (state.correctionRequested) reject(FailureType.INVALID_STATE, 'Missing material may be asked for once only, in one complete list (深圳 art. 81): accept or decline the objection');
    },
    async ({ actor, missing, reason }) => {
      state.correctionRequested = true;
      state.clockStopped = { since: new Date().toISOString(), cause: 'CORRECTION', reason };
      runtime.moveTo(ObjectionStatus.NEEDS_CORRECTION);
      await runtime.record(ObjectionEventType.CORRECTION_REQUESTED, actor, { reason, data: { missing, clock: 'STOPPED', correctionWorkingDays: policy.correctionWorkingDays } });
    },
  );

  runtime.action(
    submitObjectionMaterialsUpdate,
    ({ actor, materials }) => {
      requireStatus(state.status, ['NEEDS_CORRECTION'], 'submit materials');
      requireApplicant(input.applicantId, actor, 'submit materials');
      if (!Array.isArray(materials) || materials.length === 0) reject(FailureType.VALIDATION, 'materials must not be empty');
    },
    async ({ actor, materials, note }) => {
      const paused = await pausedSince(policy.correctionWorkingDays ?? 0);
      state.pausedWorkingDays!.acceptance += paused;
      state.clockStopped = null;
      runtime.moveTo(ObjectionStatus.FILED);
      await runtime.record(ObjectionEventType.MATERIALS_SUBMITTED, actor, {
        reason: note ?? null,
        data: { materials, clock: policy.correctionRestartsClock ? 'RESTARTED' : 'RESUMED', pausedWorkingDays: paused },
      });
    },
  );

  runtime.action(
    stopObjectionClockUpdate,
    ({ actor, cause, reason }) => {
      requireStatus(state.status, ['UNDER_VERIFICATION'], "stop verification's clock");
      requireRules();
      decider(actor, "stop verification's clock");
      requireText(reason, 'reason');
      if (!(policy.clockStopCauses ?? []).includes(cause)) reject(FailureType.VALIDATION, `The policy stops the clock only for ${(policy.clockStopCauses ?? []).join(', ') || 'nothing'}`);
    },
    async ({ actor, cause, reason }) => {
      state.clockStopped = { since: new Date().toISOString(), cause, reason };
      runtime.moveTo(ObjectionStatus.VERIFICATION_PAUSED);
      await runtime.record(ObjectionEventType.CLOCK_STOPPED, actor, { reason, data: { cause } });
    },
  );

  runtime.action(
    resumeObjectionClockUpdate,
    ({ actor }) => {
      requireStatus(state.status, ['VERIFICATION_PAUSED'], "resume verification's clock");
      requireStaff(input, actor, STAFF, "resume verification's clock");
    },
    async ({ actor, note }) => {
      const cause = state.clockStopped?.cause;
      const paused = await pausedSince(MAX_COUNTED_WORKING_DAYS);
      state.pausedWorkingDays!.verification += paused;
      state.clockStopped = null;
      runtime.moveTo(ObjectionStatus.UNDER_VERIFICATION);
      await runtime.record(ObjectionEventType.CLOCK_RESUMED, actor, { reason: note ?? null, data: { cause, pausedWorkingDays: paused } });
    },
  );
}
