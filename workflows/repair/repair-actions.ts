import { patched, proxyActivities } from '@temporalio/workflow';
import type { Activities } from '../../activities/index.js';
import { addCalendarMonthsToInstant } from '../../domain/records/calendar-months.js';
import { barUntilInstant, reapplyFromInstant } from '../../domain/repair/repair-dates.js';
import { missingMaterials } from '../../domain/repair/repair-materials.js';
import type { RepairPolicy } from '../../domain/repair/repair-policy.js';
import type { Actor, Role } from '../../domain/roles.js';
import { STANDARD_ACTIVITY_OPTIONS } from '../shared/activity-options.js';
import { SYSTEM_ACTOR } from '../shared/case-event.js';
import type { CaseRuntime } from '../shared/case-runtime.js';
import { FailureType } from '../shared/failure-types.js';
import { reject, requireApplicant, requireAuthorityStaff, requireStatus, requireText } from '../shared/validators.js';
import {
  acceptRepairUpdate,
  decideRepairUpdate,
  extendRepairUpdate,
  refuseAcceptanceUpdate,
  RepairEventType,
  RepairStatus,
  requestCorrectionUpdate,
  returnRepairUpdate,
  reviewRepairUpdate,
  revokeRepairUpdate,
  submitMaterialsUpdate,
  withdrawRepairUpdate,
  type MaterialRef,
  type RepairState,
  type RepairWorkflowInput,
} from './repair-contract.js';
import type { RepairOverallCap } from './repair-overall-cap.js';
import type { RepairTransitionDetails } from './repair-projection.js';

const { workingDaysElapsed } = proxyActivities<Activities>(STANDARD_ACTIVITY_OPTIONS);

const STAFF: readonly Role[] = ['REVIEWER', 'SUPERVISOR'];
const WITHDRAWABLE: readonly RepairStatus[] = ['FILED', 'NEEDS_CORRECTION', 'UNDER_REVIEW', 'RETURNED', 'AWAITING_APPROVAL'];
const DAY_MS = 86_400_000;

/** A repair application as its actions see it. */
export interface RepairCase {
  input: RepairWorkflowInput;
  policy: RepairPolicy;
  state: RepairState;
  runtime: CaseRuntime<RepairState, RepairTransitionDetails>;
  overall: RepairOverallCap;
  /** Runs that check materials: what has been filed so far. */
  materials: MaterialRef[] | undefined;
  correctionAskedAt: string | null;
}

/** The human actions on a repair application: who may take them when, and what each changes. */
export function registerRepairActions(kase: RepairCase): void {
  const { input, policy, state, runtime, overall } = kase;
  const status = (allowed: readonly RepairStatus[], action: string) => requireStatus('the application', state.status, allowed, action);
  const staff = (actor: Actor, roles: readonly Role[], action: string) =>
    requireAuthorityStaff(input.authorityId, actor, roles, action, (a) => (a.id === input.applicantId ? 'The applicant' : null));
  /** Staff of the record's authority, and the claimer of the step when it is claimed. */
  const decider = (actor: Actor, action: string) => {
    staff(actor, STAFF, action);
    runtime.claims.requireClaimerOrSupervisor(actor, action);
  };

  // A record found wrong (deleted) or revoked has nothing left to repair: an open application ends, saying why.
  runtime.onRecordEnded(async ({ cause, caseId, reason }) => {
    runtime.moveTo(RepairStatus.RECORD_ENDED);
    const type =
      cause === 'DELETED' ? RepairEventType.CLOSED_RECORD_DELETED : cause === 'REMOVED_FROM_LIST' ? RepairEventType.CLOSED_RECORD_REMOVED : RepairEventType.CLOSED_RECORD_REVOKED;
    await runtime.record(type, SYSTEM_ACTOR, {
      reason: reason ?? `record ${cause.toLowerCase()} by ${caseId}`,
      data: { cause, caseId },
      notify: { topic: 'repair.closed', payload: { reason: `the record was ${cause.toLowerCase()}`, cause, caseId } },
    });
  });

  runtime.action(
    acceptRepairUpdate,
    ({ actor }) => {
      status(['FILED'], 'accept the application');
      decider(actor, 'accept the application');
      const missing = state.missingMaterials ?? [];
      if (missing.length > 0) {
        reject(FailureType.INVALID_STATE, `Required materials are missing (${missing.join(', ')}): ask for them in one 补正 request, or refuse to accept`);
      }
    },
    async ({ actor, note }) => {
      runtime.moveTo(RepairStatus.UNDER_REVIEW);
      await runtime.record(RepairEventType.ACCEPTED, actor, { reason: note ?? null });
    },
  );

  runtime.action(
    requestCorrectionUpdate,
    ({ actor, missing, reason }) => {
      status(['FILED'], 'ask for missing materials');
      decider(actor, 'ask for missing materials');
      requireText(reason, 'reason');
      if (!Array.isArray(missing) || missing.length === 0) reject(FailureType.VALIDATION, 'missing must list every missing item at once');
      if (kase.materials) {
        if (state.correctionRequested) reject(FailureType.INVALID_STATE, 'Missing materials may be asked for once only (深圳 art. 81): accept or refuse the application');
        const unlisted = (state.missingMaterials ?? []).filter((kind) => !missing.includes(kind));
        if (unlisted.length > 0) reject(FailureType.VALIDATION, `The 补正 request must list every missing item at once; also missing: ${unlisted.join(', ')}`);
      }
    },
    async ({ actor, missing, reason }) => {
      const openedAt = state.step?.openedAt ?? input.filedAt;
      const workingDays = state.step?.workingDays ?? policy.acceptWorkingDays;
      runtime.moveTo(RepairStatus.NEEDS_CORRECTION);
      kase.correctionAskedAt = new Date().toISOString();
      if (kase.materials) state.correctionRequested = true;
      const elapsed = { from: openedAt, to: new Date().toISOString(), max: workingDays };
      state.acceptanceWorkingDaysUsed = await workingDaysElapsed(elapsed);
      await runtime.record(RepairEventType.CORRECTION_REQUESTED, actor, {
        reason,
        data: { missing, acceptanceWorkingDaysUsed: state.acceptanceWorkingDaysUsed, clock: 'PAUSED' },
        notify: { topic: 'repair.correction-requested', payload: { missing, reason } },
      });
    },
  );

  runtime.action(
    submitMaterialsUpdate,
    ({ actor, materials }) => {
      status(['NEEDS_CORRECTION', 'RETURNED'], 'submit materials');
      requireApplicant(input.applicantId, actor, 'submit materials');
      if (!Array.isArray(materials) || materials.length === 0) reject(FailureType.VALIDATION, 'materials must not be empty');
    },
    async ({ actor, materials: submitted, note }) => {
      const correcting = state.status === RepairStatus.NEEDS_CORRECTION;
      if (correcting && state.overallDueAt !== undefined && kase.correctionAskedAt && overall.pausesForCorrection()) {
        const paused = { from: kase.correctionAskedAt, to: new Date().toISOString(), max: policy.correctionWorkingDays };
        overall.addPaused(await workingDaysElapsed(paused));
      }
      if (kase.materials) {
        kase.materials = [...kase.materials, ...submitted];
        state.missingMaterials = missingMaterials(policy.requiredMaterials, kase.materials);
      }
      runtime.moveTo(correcting ? RepairStatus.FILED : RepairStatus.UNDER_REVIEW);
      await runtime.record(RepairEventType.MATERIALS_SUBMITTED, actor, {
        reason: note ?? null,
        data: { materials: submitted, clock: 'RESUMED', ...(kase.materials ? { stillMissing: state.missingMaterials } : {}) },
      });
    },
  );

  runtime.action(
    refuseAcceptanceUpdate,
    ({ actor, reason }) => {
      status(['FILED'], 'refuse to accept the application');
      decider(actor, 'refuse to accept the application');
      requireText(reason, 'reason');
    },
    async ({ actor, reason }) => {
      runtime.moveTo(RepairStatus.NOT_ACCEPTED);
      state.decidedById = actor.id;
      const notify = { topic: 'repair.not-accepted', payload: { reason } };
      await runtime.record(RepairEventType.NOT_ACCEPTED, actor, { reason, readModel: { decisionReasons: reason }, notify });
    },
  );

  runtime.action(
    reviewRepairUpdate,
    ({ actor, recommendation, reasons }) => {
      status(['UNDER_REVIEW'], 'review the application');
      decider(actor, 'review the application');
      requireText(reasons, 'reasons');
      if (recommendation !== 'APPROVE' && recommendation !== 'REFUSE') reject(FailureType.VALIDATION, 'recommendation must be APPROVE or REFUSE');
    },
    async ({ actor, recommendation, reasons }) => {
      runtime.moveTo(RepairStatus.AWAITING_APPROVAL);
      state.reviewedById = actor.id;
      state.recommendation = recommendation;
      await runtime.record(RepairEventType.REVIEWED, actor, { reason: reasons, data: { recommendation } });
    },
  );

  runtime.action(
    returnRepairUpdate,
    ({ actor, reasons }) => {
      status(['UNDER_REVIEW'], 'return the application');
      decider(actor, 'return the application');
      requireText(reasons, 'reasons');
    },
    async ({ actor, reasons }) => {
      runtime.moveTo(RepairStatus.RETURNED);
      await runtime.record(RepairEventType.RETURNED, actor, { reason: reasons, notify: { topic: 'repair.returned', payload: { reasons } } });
    },
  );

  runtime.action(
    decideRepairUpdate,
    ({ actor, reasons }) => {
      status(['AWAITING_APPROVAL'], 'decide the application');
      staff(actor, ['SUPERVISOR'], 'approve or refuse a repair');
      if (actor.id === state.reviewedById) reject(FailureType.FORBIDDEN, 'The approver must be someone other than the reviewer');
      runtime.claims.requireClaimerOrSupervisor(actor, 'decide the application');
      requireText(reasons, 'reasons');
    },
    async ({ actor, approve, reasons }) => {
      runtime.moveTo(approve ? RepairStatus.APPROVED : RepairStatus.REFUSED);
      state.decidedById = actor.id;
      if (approve) {
        const notify = { topic: 'repair.approved', payload: { reasons, restored: true } };
        await runtime.record(RepairEventType.APPROVED, actor, { reason: reasons, readModel: { decisionReasons: reasons }, effect: { kind: 'REPAIRED' }, notify });
        return;
      }
      const reapplyFrom = input.timeZone
        ? reapplyFromInstant(new Date(), policy.reapplyAfterDays, input.timeZone)
        : new Date(Date.now() + policy.reapplyAfterDays * DAY_MS).toISOString();
      await runtime.record(RepairEventType.REFUSED, actor, {
        reason: reasons,
        readModel: { decisionReasons: reasons, reapplyFrom },
        data: { reapplyFrom },
        notify: { topic: 'repair.refused', payload: { reasons, reapplyFrom } },
      });
    },
  );

  runtime.action(
    withdrawRepairUpdate,
    ({ actor }) => {
      status(WITHDRAWABLE, 'withdraw the application');
      requireApplicant(input.applicantId, actor, 'withdraw');
    },
    async ({ actor, reason }) => {
      runtime.moveTo(RepairStatus.WITHDRAWN);
      await runtime.record(RepairEventType.WITHDRAWN, actor, { reason: reason ?? null });
    },
  );

  runtime.action(
    revokeRepairUpdate,
    ({ actor, reason }) => {
      status(['APPROVED'], 'revoke the repair');
      staff(actor, ['SUPERVISOR'], 'revoke a repair');
      requireText(reason, 'reason');
    },
    async ({ actor, reason }) => {
      state.status = RepairStatus.REVOKED;
      const barUntil = barredUntil(input, policy);
      await runtime.record(RepairEventType.REPAIR_REVOKED, actor, {
        reason,
        data: { barredUntil: barUntil },
        effect: { kind: 'REINSTATED', barUntil, reason },
        notify: { topic: 'repair.revoked', payload: { reason, barredUntil: barUntil } },
      });
    },
  );

  runtime.note(
    extendRepairUpdate,
    ({ actor, reason }) => {
      if (state.overallDueAt === undefined) reject(FailureType.INVALID_STATE, 'This application has no overall deadline to extend');
      if (runtime.isClosed()) reject(FailureType.INVALID_STATE, `Cannot extend: the application is ${state.status}`);
      if (state.overallExtended) reject(FailureType.INVALID_STATE, 'The overall deadline was already extended once');
      staff(actor, ['SUPERVISOR'], 'extend the overall deadline');
      requireText(reason, 'reason');
    },
    async ({ actor, reason }) => {
      overall.extend();
      await runtime.record(RepairEventType.OVERALL_DEADLINE_EXTENDED, actor, { reason, data: { workingDays: policy.overallExtensionWorkingDays } });
    },
  );
}

/** The end of the bar on new applications after a revoked repair. */
function barredUntil(input: RepairWorkflowInput, policy: RepairPolicy): string {
  if (input.timeZone) return barUntilInstant(new Date(), policy.barAfterRevocationMonths, input.timeZone);
  // Applications filed before the zone was recorded: calendar months on the UTC date (民法典 art. 202); the
  // unpatched path keeps the old overflow (01-31 + 1 month = 03-03) for histories that already used it.
  return (patched('repair-calendar-months') ? addCalendarMonthsToInstant(new Date(), policy.barAfterRevocationMonths) : legacyAddMonths(new Date(), policy.barAfterRevocationMonths)).toISOString();
}

/** Date#setUTCMonth overflow: wrong at month ends, kept only for replaying histories recorded before the patch. */
function legacyAddMonths(date: Date, months: number): Date {
  const result = new Date(date.getTime());
  result.setUTCMonth(result.getUTCMonth() + months);
  return result;
}
