import { condition } from '@temporalio/workflow';
import type { Activities } from '../../activities/index.js';
import type { RepairPolicy } from '../../domain/repair/repair-policy.js';
import { proxyCaseStepActivities } from '../shared/activity-options.js';
import { SYSTEM_ACTOR } from '../shared/case-event.js';
import type { CaseRuntime } from '../shared/case-runtime.js';
import { RepairEventType, RepairStatus, type RepairState, type RepairWorkflowInput } from './repair-contract.js';
import type { RepairTransitionDetails } from './repair-projection.js';

const { computeStepDeadline } = proxyCaseStepActivities<Activities>();

/**
 * The overall cap from filing to decision (policy overallWorkingDays, once extensible by a supervisor); the working
 * days a 补正 request kept the file with the applicant do not count. Escalates once when it passes.
 */
export class RepairOverallCap {
  private pausedWorkingDays = 0;
  private changed = false;

  constructor(
    private readonly input: RepairWorkflowInput,
    private readonly policy: RepairPolicy,
    private readonly runtime: CaseRuntime<RepairState, RepairTransitionDetails>,
  ) {}

  /** Whether 补正 stops the cap's clock (policy correctionPausesOverallCap; absent on older runs: it does). */
  pausesForCorrection(): boolean {
    return (this.policy as Partial<RepairPolicy>).correctionPausesOverallCap !== false;
  }

  /** Working days the clock stood still while the applicant completed the materials. */
  addPaused(workingDays: number): void {
    this.pausedWorkingDays += workingDays;
    this.changed = true;
  }

  extend(): void {
    this.runtime.state.overallExtended = true;
    this.changed = true;
  }

  async watch(): Promise<void> {
    const { state } = this.runtime;
    const { policy } = this;
    // Policies from before the setting paused the cap (a missing key reads as true).
    const paused = () => state.status === RepairStatus.NEEDS_CORRECTION && this.pausesForCorrection();
    let counted = -1;
    for (;;) {
      const workingDays = policy.overallWorkingDays + (state.overallExtended ? policy.overallExtensionWorkingDays : 0) + this.pausedWorkingDays;
      this.changed = false;
      if (workingDays !== counted) {
        counted = workingDays;
        const { deadline } = await computeStepDeadline({ from: this.input.filedAt, workingDays, reminderWorkingDaysBefore: 0 });
        state.overallDueAt = deadline.dueAt;
        // A deadline moved into the future (extension, paused days) is no longer passed.
        if (Date.parse(deadline.dueAt) > Date.now()) state.overallOverdue = false;
      }
      const dueAt = Date.parse(state.overallDueAt!);
      const wake = () => this.runtime.isClosed() || this.changed || paused();
      const woken = state.overallOverdue ? (await condition(wake), true) : await condition(wake, Math.max(1, dueAt - Date.now()));
      if (this.runtime.isClosed()) return;
      if (paused()) {
        // Paused while the applicant completes the materials; the paused working days are added when they arrive.
        await condition(() => this.runtime.isClosed() || !paused());
        continue;
      }
      if (woken) continue;
      state.overallOverdue = true;
      await this.runtime.record(RepairEventType.OVERALL_DEADLINE_PASSED, SYSTEM_ACTOR, { data: { overallDueAt: state.overallDueAt, escalatedTo: 'SUPERVISOR' } });
    }
  }
}
