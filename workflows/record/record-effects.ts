import { patched } from '@temporalio/workflow';
import type { Activities } from '../../activities/index.js';
import type { EligibilityBlocker } from '../../domain/eligibility/eligibility.js';
import type { LeniencyKind } from '../../domain/records/record-types.js';
import { proxyCaseStepActivities } from '../shared/activity-options.js';
import type { CaseLog } from '../shared/case-log.js';
import { RecordPhase, type RecordLifecycleInput, type RecordLifecycleState } from './record-contract.js';
import type { RecordTransitionDetails } from './record-projection.js';
import type { RecordPatch } from './record-transition.js';

/**
 * Local activities once LOCAL_CASE_STEPS_PATCH applies: the window is arithmetic, and the report is a
 * signal-with-start the subject's workflow deduplicates by record version (a retried report changes nothing).
 */
const { computeRecordWindow, notifyEligibility } = proxyCaseStepActivities<Activities>();

/** What a record does to its subject while it runs: its publication window and its block on eligibility. */
export class RecordEffects {
  private lastBlocker = '';
  // Histories recorded before the window carried the effective date fall back to the registration instant.
  private effectiveFrom: string | null = null;

  constructor(
    private readonly input: RecordLifecycleInput,
    private readonly state: RecordLifecycleState,
    private readonly log: CaseLog<RecordTransitionDetails>,
  ) {}

  /** Computes the publication window (and sanction period) for the leniency granted; returns the record's new dates. */
  async applyWindow(leniency: LeniencyKind | 'NONE'): Promise<RecordPatch> {
    const { input, state } = this;
    const window = await computeRecordWindow({
      decisionDate: input.decisionDate,
      severity: input.severity,
      sanctionKind: input.sanctionKind ?? null,
      leniency,
      policy: input.publication.params,
      registeredAt: input.registeredAt,
    });
    state.publicationEndsAt = window.publicationEndsAt;
    state.sanctionEndsAt = window.sanctionEndsAt;
    this.effectiveFrom = (window as Partial<typeof window>).effectiveFrom ?? null;
    return { publishedUntil: window.publishedUntil, minPublishedUntil: window.minPublishedUntil };
  }

  /** Reports the record's block to the subject's eligibility workflow when it changed. */
  reportEligibility(cause: string): Promise<unknown> {
    const { input, state } = this;
    const blocker = this.currentBlocker();
    const key = JSON.stringify(blocker);
    if (key === this.lastBlocker) return this.log.drained();
    this.lastBlocker = key;
    // Versions grow with (workflow) time, so a reinstated record's new run still counts up for the subject.
    state.version = Math.max(state.version + 1, Date.now());
    const change = { recordId: input.recordId, recordVersion: state.version, blocker, cause, occurredAt: new Date().toISOString() };
    return this.log.chain(() => notifyEligibility({ subjectId: input.subjectId, restriction: input.restriction, change }));
  }

  /** The block this record puts on its subject now, or null. */
  private currentBlocker(): EligibilityBlocker | null {
    const { input, state } = this;
    const { recordId } = input;
    if (state.leniency !== 'NONE') return null;
    const since = this.effectiveFrom ?? input.registeredAt;
    const reason = `${input.severity} record ${recordId}`;
    if (state.phase === RecordPhase.CLOSED) {
      return this.sanctionOutlivesPublication() ? { recordId, restriction: input.restriction, since, until: state.sanctionEndsAt, reason } : null;
    }
    const until =
      input.restriction === 'AWARDS'
        ? (state.sanctionEndsAt ?? state.publicationEndsAt)
        : state.rectificationRequired && !state.rectified
          ? null
          : state.publicationEndsAt;
    return { recordId, restriction: input.restriction, since, until, reason };
  }

  /**
   * A civil servant's sanction runs for its own period from the decision's effective date (公职人员政务处分法 art. 8
   * [C], rules.md "Civil-servant sanction periods"), independent of publication: when publication expires first,
   * the restriction on 评优评先 stays until the sanction period ends.
   */
  private sanctionOutlivesPublication(): boolean {
    const { state } = this;
    return (
      state.closedBy === 'EXPIRED' &&
      this.input.restriction === 'AWARDS' &&
      state.sanctionEndsAt !== null &&
      Date.parse(state.sanctionEndsAt) > Date.now() &&
      patched('sanction-outlives-publication')
    );
  }
}
