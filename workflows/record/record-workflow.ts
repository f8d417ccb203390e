import { condition, ParentClosePolicy, patched, proxyActivities, setHandler, startChild, workflowInfo, type ChildWorkflowHandle } from '@temporalio/workflow';
import type { Activities } from '../../activities/index.js';
import type { Actor } from '../../domain/roles.js';
import { STANDARD_ACTIVITY_OPTIONS } from '../shared/activity-options.js';
import { SYSTEM_ACTOR } from '../shared/case-event.js';
import { CaseSettling } from '../shared/case-settling.js';
import {
  cancelRectificationSignal,
  RECTIFICATION_WORKFLOW_TYPE,
  rectificationWorkflowId,
  type RectificationResult,
  type RectificationWorkflowInput,
} from '../rectification/rectification-contract.js';
import { recordLifecycleQuery, RecordEventType, RecordPhase, type RecordClosing, type RecordLifecycleInput, type RecordLifecycleState } from './record-contract.js';
import { registerRecordActions, type RecordCase } from './record-actions.js';
import { RecordEffects } from './record-effects.js';
import { recordLog } from './record-projection.js';
import type { RecordPatch } from './record-transition.js';
import type { RecordCorrections } from '../../domain/objection/objection-types.js';

const { cancelRectificationCase, endOpenCasesOfRecord } = proxyActivities<Activities>(STANDARD_ACTIVITY_OPTIONS);

/** The rectification is cancelled through an activity, whose signal is signed (histories before it signalled directly). */
const SIGNED_CANCEL_PATCH = 'cancel-rectification-by-activity';

type RectificationHandle = ChildWorkflowHandle<(i: RectificationWorkflowInput) => Promise<RectificationResult>>;

/**
 * A dishonesty record's effects (国发〔2016〕76号): publication for the period its severity allows, the
 * subject's eligibility suspension, the rectification order of a government body, 主动纠错 leniency with
 * four-eyes approval, and their end by expiry, revocation, deletion or exemption.
 */
export async function recordLifecycleWorkflow(input: RecordLifecycleInput): Promise<RecordLifecycleState> {
  const { recordId } = input;
  const state: RecordLifecycleState = {
    recordId,
    phase: RecordPhase.ACTIVE,
    publicationEndsAt: null,
    sanctionEndsAt: null,
    rectified: input.carriedOver?.rectified ?? false,
    rectificationRequired: input.carriedOver?.rectificationRequired ?? input.rectification !== null,
    leniency: input.carriedOver?.leniency ?? 'NONE',
    pendingLeniency: null,
    pendingRevocation: null,
    closedBy: null,
    version: 0,
  };
  const log = recordLog(input, state);
  const settling = new CaseSettling();
  const effects = new RecordEffects(input, state, log);
  const kase: RecordCase = { input, state, log, settling, effects, wake: { closing: null, rectificationOutcome: null, windowChanged: false, publicationStop: null, correction: null }, started: false };
  const { wake } = kase;
  let child: RectificationHandle | null = null;
  let rectificationRunning = false;
  setHandler(recordLifecycleQuery, () => state);
  registerRecordActions(kase);

  async function close(cause: RecordClosing, actor: Actor, reason: string | null, caseId?: string): Promise<void> {
    state.phase = RecordPhase.CLOSED;
    state.closedBy = cause;
    const record: RecordPatch = { sanctionsActive: false, publicationStatus: 'STOPPED' };
    if (cause === 'REVOKED') Object.assign(record, { status: 'REVOKED', revokedAt: new Date().toISOString() });
    if (cause === 'REPAIRED') record.status = 'REPAIRED';
    if (cause === 'REMOVED_FROM_LIST') record.status = 'REMOVED';
    await log.record(`EFFECTS_ENDED_${cause}`, actor, { reason, record, data: { cause } });
    if (rectificationRunning && child) {
      rectificationRunning = false;
      if (patched(SIGNED_CANCEL_PATCH)) {
        await cancelRectificationCase(child.workflowId, cause);
      } else {
        // The rectification may have finished meanwhile: nothing left to cancel.
        await child.signal(cancelRectificationSignal, { cause }).catch(() => undefined);
      }
    }
    await effects.reportEligibility(cause);
    // A record found wrong or revoked leaves nothing to repair or object to: its open cases end, saying why.
    // A list entry removed from its list (移出名单) has nothing left to repair either (runs before that outcome never reach it).
    if ((cause === 'DELETED' || cause === 'REVOKED' || cause === 'REMOVED_FROM_LIST') && patched('end-open-cases-with-record')) {
      await log.chain(() => endOpenCasesOfRecord({ recordId, cause, caseId: caseId ?? recordId, reason }));
    }
  }

  /**
   * 更正 of the record's terms by an objection (rules.md, Objection outcomes [C]: "correct"; corrections create a new
   * version): the publication window and the sanction period are computed again from the corrected severity, decision
   * date and sanction kind (periods: 22号 [C]; sanction periods from the decision date: 政务处分法 art. 8 [C]), with the
   * leniency already granted; the subject's eligibility follows. A window that now ended in the past ends
   * publication at once (the main loop's timer); a record waiting for its rectification is published again for the
   * rest of a longer window.
   */
  async function applyCorrection({ caseId, corrections }: { caseId: string; corrections: RecordCorrections }): Promise<void> {
    const before = effects.terms();
    state.terms = { ...before, ...corrections };
    const windowPatch = await effects.applyWindow(state.leniency);
    const reopened = state.phase === RecordPhase.AWAITING_RECTIFICATION && state.publicationEndsAt !== null && Date.parse(state.publicationEndsAt) > Date.now();
    if (reopened) state.phase = RecordPhase.ACTIVE;
    await log.record(RecordEventType.RECORD_CORRECTED, SYSTEM_ACTOR, {
      reason: `objection ${caseId}`,
      record: windowPatch,
      data: { caseId, before, after: state.terms, publicationEndsAt: state.publicationEndsAt, sanctionEndsAt: state.sanctionEndsAt, ...(reopened ? { publishedAgain: true } : {}) },
    });
    await effects.reportEligibility('CORRECTED');
  }

  // Start: publication window, eligibility block, rectification order.
  const windowPatch = await effects.applyWindow(state.leniency);
  await log.record(input.reinstated ? RecordEventType.REINSTATED : RecordEventType.PUBLISHED, SYSTEM_ACTOR, {
    record: {
      workflowId: workflowInfo().workflowId,
      publicationStatus: 'PUBLISHED',
      sanctionsActive: effects.suspends(state.leniency),
      ...(input.reinstated ? { status: 'ACTIVE' as const } : {}),
      ...windowPatch,
    },
    data: {
      publicationEndsAt: state.publicationEndsAt,
      sanctionEndsAt: state.sanctionEndsAt,
      policy: { id: input.publication.id, version: input.publication.version },
      ...(input.carriedOver ? { carriedOver: input.carriedOver } : {}),
    },
  });
  await effects.reportEligibility(input.reinstated ? 'REINSTATED' : 'REGISTERED');

  if (input.rectification) {
    const opened = { rectificationId: `RECT-${recordId}`, recordId, subjectId: input.subjectId, authorityId: input.authorityId, openedAt: new Date().toISOString(), policy: input.rectification };
    const handle: RectificationHandle = await startChild(RECTIFICATION_WORKFLOW_TYPE, {
      workflowId: rectificationWorkflowId(recordId),
      parentClosePolicy: ParentClosePolicy.ABANDON,
      args: [opened],
    });
    child = handle;
    rectificationRunning = true;
    handle.result().then(
      (result) => {
        rectificationRunning = false;
        wake.rectificationOutcome = result.status;
      },
      () => {
        rectificationRunning = false;
        wake.rectificationOutcome = 'CANCELLED';
      },
    );
  }

  kase.started = true;
  while (state.phase !== RecordPhase.CLOSED) {
    const woke = () => wake.closing !== null || wake.rectificationOutcome !== null || wake.windowChanged || wake.publicationStop !== null || wake.correction !== null;
    // Only when nothing is pending has every earlier action been fully applied.
    if (!woke()) settling.settled();
    const endsAt = state.phase === RecordPhase.ACTIVE && state.publicationEndsAt ? Date.parse(state.publicationEndsAt) : null;
    const woken = endsAt === null ? (await condition(woke), true) : await condition(woke, Math.max(1, endsAt - Date.now()));

    if (wake.closing) {
      await close(wake.closing.cause, wake.closing.actor, wake.closing.reason, wake.closing.caseId);
      break;
    }
    if (wake.rectificationOutcome) {
      const rectified = wake.rectificationOutcome === 'RECTIFIED';
      wake.rectificationOutcome = null;
      state.rectified = rectified;
      await log.record(rectified ? RecordEventType.RECTIFICATION_COMPLETED : RecordEventType.RECTIFICATION_ENDED, SYSTEM_ACTOR, {});
      await effects.reportEligibility(rectified ? 'RECTIFIED' : 'RECTIFICATION_ENDED');
      if (state.phase === RecordPhase.AWAITING_RECTIFICATION && state.rectified) await close('EXPIRED', SYSTEM_ACTOR, null);
      continue;
    }
    if (wake.windowChanged) {
      wake.windowChanged = false;
      continue;
    }
    if (wake.correction) {
      await applyCorrection(wake.correction);
      wake.correction = null;
      continue;
    }
    if (wake.publicationStop) {
      const { caseId } = wake.publicationStop;
      wake.publicationStop = null;
      state.publicationStopped = true;
      await log.record(RecordEventType.PUBLICATION_STOPPED, SYSTEM_ACTOR, { reason: `objection ${caseId}`, record: { publicationStatus: 'STOPPED' }, data: { caseId, sanctionsContinue: true } });
      continue;
    }
    if (!woken) {
      if (!state.rectificationRequired || state.rectified) {
        await close('EXPIRED', SYSTEM_ACTOR, null);
      } else {
        state.phase = RecordPhase.AWAITING_RECTIFICATION;
        await log.record(RecordEventType.PUBLICATION_CONTINUES_UNTIL_RECTIFIED, SYSTEM_ACTOR, {});
      }
    }
  }

  await settling.finish(() => log.drained());
  return state;
}
