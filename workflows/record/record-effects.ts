import { patched } from '@temporalio/workflow';
import type { Activities } from '../../activities/index.js';
import type { EligibilityBlocker } from '../../domain/eligibility/eligibility.js';
import { lighterLiftsSuspension } from '../../domain/records/lighter-leniency.js';
import type { PublicationPolicy } from '../../domain/records/publication-policy.js';
import type { LeniencyKind } from '../../domain/records/record-types.js';
import { proxyCaseStepActivities } from '../shared/activity-options.js';
import type { CaseLog } from '../shared/case-log.js';
import { RecordPhase, type RecordLifecycleInput, type RecordLifecycleState, type RecordTerms } from './record-contract.js';
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

  /** The terms in force: the input's, or as an objection corrected them. */
  terms(): RecordTerms {
    const { input, state } = this;
    return state.terms ?? { severity: input.severity, decisionDate: input.decisionDate, sanctionKind: input.sanctionKind ?? null };
  }

  /** Computes the publication window (and sanction period) for the leniency granted; returns the record's new dates. */
  async applyWindow(leniency: LeniencyKind | 'NONE'): Promise<RecordPatch> {
    const { input, state } = this;
    const terms = this.terms();
    const window = await computeRecordWindow({
      decisionDate: terms.decisionDate,
      severity: terms.severity,
      sanctionKind: terms.sanctionKind,
      leniency,
      policy: input.publication.params,
      registeredAt: input.registeredAt,
    });
    state.publicationEndsAt = window.publicationEndsAt;
    state.sanctionEndsAt = window.sanctionEndsAt;
    this.effectiveFrom = (window as Partial<typeof window>).effectiveFrom ?? null;
    const patch: RecordPatch = { publishedUntil: window.publishedUntil, minPublishedUntil: window.minPublishedUntil };
    // A corrected decision date moves the start of publication too.
    if (state.terms) patch.publishedFrom = window.publishedFrom;
    return patch;
  }

  /**
   * Whether the record suspends its subject with the leniency granted: 免于 never; 从轻 as the policy's lighterLeniency
   * says (a shorter restriction, or none; runs started before the setting: none).
   */
  suspends(leniency: LeniencyKind | 'NONE'): boolean {
    if (leniency === 'NONE') return true;
    if (leniency === 'EXEMPTED') return false;
    const params = this.input.publication.params as Partial<PublicationPolicy>;
    return !lighterLiftsSuspension(params, this.input.restriction === 'AWARDS' ? 'CIVIL_SERVANT' : 'GOVERNMENT_BODY');
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
    if (!this.suspends(state.leniency)) return null;
    const since = this.effectiveFrom ?? input.registeredAt;
    const reason = `${this.terms().severity} record ${recordId}`;
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
