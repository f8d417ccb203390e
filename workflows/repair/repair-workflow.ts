import { condition, patched, setHandler } from '@temporalio/workflow';
import { addCalendarMonthsToInstant } from '../../domain/records/calendar-months.js';
import { revocationWindowEndsAt } from '../../domain/repair/repair-dates.js';
import { missingMaterials } from '../../domain/repair/repair-materials.js';
import { DEFAULT_REPAIR_POLICY } from '../../domain/repair/repair-policy-default.js';
import { SYSTEM_ACTOR } from '../shared/case-event.js';
import { CaseRuntime } from '../shared/case-runtime.js';
import {
  CLOSED_REPAIR_STATUSES,
  REPAIR_CASE_TYPE,
  RepairEventType,
  repairStateQuery,
  RepairStatus,
  RepairStep,
  type RepairResult,
  type RepairState,
  type RepairWorkflowInput,
} from './repair-contract.js';
import { registerRepairActions, type RepairCase } from './repair-actions.js';
import { RepairOverallCap } from './repair-overall-cap.js';
import { storeRepairTransition, type RepairTransitionDetails } from './repair-projection.js';

/** The revocation window of runs approved before `repair-revocation-window-months`: 3 × 365 days, not 3 years. */
const LEGACY_REVOCATION_WINDOW_MS = 3 * 365 * 86_400_000;

/**
 * 信用修复: acceptance (受理; 补正 pauses the clock) → review by the authority that made the record → approval by
 * a different person → the record is repaired (publication stops, sanctions lift, eligibility returns), or refused
 * with the earliest date to apply again. An approved repair resting on false materials can be revoked.
 */
export async function repairWorkflow(input: RepairWorkflowInput): Promise<RepairResult> {
  const policy = input.policy.params;
  const state: RepairState = {
    applicationId: input.applicationId,
    status: RepairStatus.FILED,
    step: null,
    reviewedById: null,
    recommendation: null,
    decidedById: null,
    acceptanceWorkingDaysUsed: 0,
    claimedById: null,
  };
  // Runs filed with their materials check them (深圳 art. 81 [C]); older runs keep the rules they started with.
  if (input.materials) {
    state.missingMaterials = missingMaterials(policy.requiredMaterials, input.materials);
    state.correctionRequested = false;
  }
  const runtime = new CaseRuntime<RepairState, RepairTransitionDetails>({
    ...input,
    caseId: input.applicationId,
    caseType: REPAIR_CASE_TYPE,
    state,
    closedStatuses: CLOSED_REPAIR_STATUSES,
    // The applicant never works the case; the reviewer may not hold the approval step (four-eyes).
    excludedActorIds: () =>
      state.status === RepairStatus.AWAITING_APPROVAL && state.reviewedById ? [input.applicantId, state.reviewedById] : [input.applicantId],
    reminderWorkingDaysBefore: policy.reminderWorkingDaysBefore,
    store: storeRepairTransition(input, state),
  });
  const overall = new RepairOverallCap(input, policy, runtime);
  const kase: RepairCase = { input, policy, state, runtime, overall, materials: input.materials, correctionAskedAt: null };
  setHandler(repairStateQuery, () => state);
  registerRepairActions(kase);

  // Handlers change the status; read it through a function so the checks below see the current value.
  const status = (): RepairStatus => state.status;
  const until = (s: RepairStatus) => () => status() !== s;
  const overallCap = patched('repair-overall-cap') ? overall.watch() : Promise.resolve();

  // Acceptance, paused by 补正 requests.
  let acceptanceDays = policy.acceptWorkingDays;
  for (;;) {
    await runtime.runStep({ step: RepairStep.ACCEPTANCE, assigneeRole: 'REVIEWER', workingDays: acceptanceDays, onOverdue: 'escalate' }, until('FILED'));
    if (status() !== RepairStatus.NEEDS_CORRECTION) break;
    const window = await runtime.runStep(
      { step: RepairStep.CORRECTION, assigneeRole: 'APPLICANT', workingDays: policy.correctionWorkingDays, onOverdue: 'lapse' },
      until('NEEDS_CORRECTION'),
    );
    if (window === 'lapsed') {
      runtime.moveTo(RepairStatus.NOT_ACCEPTED);
      const notify = { topic: 'repair.not-accepted', payload: { reason: 'missing materials not provided in time' } };
      await runtime.record(RepairEventType.CORRECTION_LAPSED, SYSTEM_ACTOR, { notify });
      break;
    }
    if (status() !== RepairStatus.FILED) break;
    acceptanceDays = policy.correctionRestartsClock ? policy.acceptWorkingDays : Math.max(1, policy.acceptWorkingDays - state.acceptanceWorkingDaysUsed);
  }

  // Review, with returns to the applicant for more material.
  while (status() === RepairStatus.UNDER_REVIEW) {
    await runtime.runStep({ step: RepairStep.REVIEW, assigneeRole: 'REVIEWER', workingDays: policy.reviewWorkingDays, onOverdue: 'escalate' }, until('UNDER_REVIEW'));
    if (status() !== RepairStatus.RETURNED) break;
    const window = await runtime.runStep(
      { step: RepairStep.RESUBMISSION, assigneeRole: 'APPLICANT', workingDays: policy.correctionWorkingDays, onOverdue: 'lapse' },
      until('RETURNED'),
    );
    if (window === 'lapsed') {
      runtime.moveTo(RepairStatus.WITHDRAWN);
      const notify = { topic: 'repair.closed', payload: { reason: 'requested materials not provided in time' } };
      await runtime.record(RepairEventType.RESUBMISSION_LAPSED, SYSTEM_ACTOR, { notify });
    }
  }

  if (status() === RepairStatus.AWAITING_APPROVAL) {
    await runtime.runStep(
      { step: RepairStep.APPROVAL, assigneeRole: 'SUPERVISOR', workingDays: policy.approveWorkingDays, onOverdue: 'escalate' },
      until('AWAITING_APPROVAL'),
    );
  }

  if (status() === RepairStatus.APPROVED) {
    runtime.settling.settled();
    await condition(until('APPROVED'), revocationWindowMs(input));
  }

  await runtime.finish(() => overallCap);
  return { status: state.status };
}

/** From now (the approval) to the end of the revocation window: calendar months from the approval's local day. */
function revocationWindowMs(input: RepairWorkflowInput): number {
  if (!patched('repair-revocation-window-months')) return LEGACY_REVOCATION_WINDOW_MS;
  const months = input.policy.params.revocationWindowMonths ?? DEFAULT_REPAIR_POLICY.revocationWindowMonths;
  const now = new Date();
  const endsAt = input.timeZone ? revocationWindowEndsAt(now, months, input.timeZone) : addCalendarMonthsToInstant(now, months).toISOString();
  return Math.max(1, Date.parse(endsAt) - now.getTime());
}
