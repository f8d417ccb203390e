import {
  allHandlersFinished,
  condition,
  ParentClosePolicy,
  patched,
  proxyActivities,
  setHandler,
  startChild,
  upsertSearchAttributes,
  workflowInfo,
  type ChildWorkflowHandle,
} from '@temporalio/workflow';
import type { Activities } from '../../activities/index.js';
import type { LeniencyWrite, RecordPatch } from '../../activities/record-transition.js';
import type { EligibilityBlocker } from '../../domain/eligibility/eligibility.js';
import { LENIENCY_ACTS, type LeniencyKind } from '../../domain/records/record-types.js';
import type { Actor, Role } from '../../domain/roles.js';
import { SYSTEM_ACTOR } from '../shared/case-event.js';
import { FailureType } from '../shared/failure-types.js';
import { CaseStatusKey, CaseTypeKey, RecordIdKey, SubjectIdKey } from '../shared/search-attributes.js';
import { reject, requireText } from '../shared/validators.js';
import {
  cancelRectificationSignal,
  RECTIFICATION_WORKFLOW_TYPE,
  rectificationWorkflowId,
  type RectificationResult,
  type RectificationWorkflowInput,
} from '../rectification/rectification-contract.js';
import {
  decideLeniencyUpdate,
  type LeniencyProposal,
  decideRevocationUpdate,
  proposeLeniencyUpdate,
  RECORD_CASE_TYPE,
  recordLifecycleQuery,
  recordOutcomeSignal,
  RecordPhase,
  revokeRecordUpdate,
  type RecordLifecycleInput,
  type RecordLifecycleState,
} from './record-contract.js';
import { requireRecordStaff } from './record-validators.js';
import { STANDARD_ACTIVITY_OPTIONS } from '../shared/activity-options.js';

const { computeRecordWindow, recordRecordTransition, notifyEligibility, cancelRectificationCase, endOpenCasesOfRecord } = proxyActivities<Activities>(STANDARD_ACTIVITY_OPTIONS);

/** The rectification is cancelled through an activity, whose signal is signed (histories before it signalled directly). */
const SIGNED_CANCEL_PATCH = 'cancel-rectification-by-activity';

const STAFF: readonly Role[] = ['REVIEWER', 'SUPERVISOR'];

/** Why a record's effects ended. */
type Closing = 'EXPIRED' | 'REVOKED' | 'DELETED' | 'PUBLICATION_STOPPED' | 'EXEMPTED' | 'REPAIRED';

interface ClosingRequest {
  cause: Closing;
  actor: Actor;
  reason: string | null;
  /** The case that ended the record (the deciding objection or repair), when another case did. */
  caseId?: string;
}

interface TransitionDetails {
  reason?: string | null;
  data?: Record<string, unknown>;
  record?: RecordPatch;
  leniency?: LeniencyWrite;
}

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
  let closing = null as ClosingRequest | null;
  let publicationStop = null as { caseId: string } | null;
  let rectificationOutcome = null as RectificationResult['status'] | null;
  let rectificationRunning = false;
  let windowChanged = false;
  let sequence = 0;
  let writes: Promise<unknown> = Promise.resolve();
  let settledCount = 0;
  let finished = false;
  // Actions wait until the record is published, so the timeline reads in order.
  let started = false;
  let lastBlocker = '';
  // Histories recorded before the window carried the effective date fall back to the registration instant.
  let effectiveFrom: string | null = null;
  const eventKeyPrefix = `${workflowInfo().workflowId}/${workflowInfo().firstExecutionRunId}`;

  function syncSearchAttributes(): void {
    upsertSearchAttributes([
      { key: CaseTypeKey, value: RECORD_CASE_TYPE },
      { key: CaseStatusKey, value: state.phase },
      { key: SubjectIdKey, value: input.subjectId },
      { key: RecordIdKey, value: recordId },
    ]);
  }

  function chain<T>(write: () => Promise<T>): Promise<T> {
    const next = writes.then(write);
    writes = next;
    return next;
  }

  function transition(type: string, actor: Actor, details: TransitionDetails = {}): Promise<unknown> {
    syncSearchAttributes();
    const event = {
      eventKey: `${eventKeyPrefix}/${++sequence}`,
      caseId: recordId,
      caseType: RECORD_CASE_TYPE,
      type,
      actorId: actor.id,
      actorRole: actor.role,
      reason: details.reason ?? null,
      data: details.data ?? null,
      occurredAt: new Date().toISOString(),
    };
    return chain(() => recordRecordTransition({ event, record: details.record ?? {}, leniency: details.leniency }));
  }

  /**
   * A civil servant's sanction runs for its own period from the decision's effective date (公职人员政务处分法 art. 8
   * [C], rules.md "Civil-servant sanction periods"), independent of publication: when publication expires first,
   * the restriction on 评优评先 stays until the sanction period ends.
   */
  function sanctionOutlivesPublication(): boolean {
    return (
      state.closedBy === 'EXPIRED' &&
      input.restriction === 'AWARDS' &&
      state.sanctionEndsAt !== null &&
      Date.parse(state.sanctionEndsAt) > Date.now() &&
      patched('sanction-outlives-publication')
    );
  }

  /** The block this record puts on its subject now, or null. */
  function currentBlocker(): EligibilityBlocker | null {
    if (state.leniency !== 'NONE') return null;
    const since = effectiveFrom ?? input.registeredAt;
    const reason = `${input.severity} record ${recordId}`;
    if (state.phase === RecordPhase.CLOSED) {
      return sanctionOutlivesPublication() ? { recordId, restriction: input.restriction, since, until: state.sanctionEndsAt, reason } : null;
    }
    const until =
      input.restriction === 'AWARDS'
        ? (state.sanctionEndsAt ?? state.publicationEndsAt)
        : state.rectificationRequired && !state.rectified
          ? null
          : state.publicationEndsAt;
    return { recordId, restriction: input.restriction, since, until, reason };
  }

  /** Reports the record's block to the subject's eligibility workflow when it changed. */
  function reportEligibility(cause: string): Promise<unknown> {
    const blocker = currentBlocker();
    const key = JSON.stringify(blocker);
    if (key === lastBlocker) return writes;
    lastBlocker = key;
    // Versions grow with (workflow) time, so a reinstated record's new run still counts up for the subject.
    state.version = Math.max(state.version + 1, Date.now());
    const change = { recordId, recordVersion: state.version, blocker, cause, occurredAt: new Date().toISOString() };
    return chain(() => notifyEligibility({ subjectId: input.subjectId, restriction: input.restriction, change }));
  }

  async function applyWindow(leniency: LeniencyKind | 'NONE'): Promise<RecordPatch> {
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
    effectiveFrom = (window as Partial<typeof window>).effectiveFrom ?? null;
    return { publishedUntil: window.publishedUntil, minPublishedUntil: window.minPublishedUntil };
  }

  async function settledAfter(mark: number): Promise<RecordLifecycleState> {
    await condition(() => settledCount > mark || finished);
    return state;
  }

  const isOpen = () => state.phase !== RecordPhase.CLOSED && closing === null;

  setHandler(recordLifecycleQuery, () => state);
  setHandler(recordOutcomeSignal, ({ outcome, caseId }) => {
    if (!isOpen()) return;
    // 停止公开 stops publication; whether it ends more is the publication policy's stopPublicationEndsEffects.
    if (outcome === 'STOP_PUBLICATION' && input.publication.params.stopPublicationEndsEffects !== true && patched('stop-publication-only')) {
      if (!state.publicationStopped) publicationStop = { caseId };
      return;
    }
    const cause: Closing = outcome === 'DELETE' ? 'DELETED' : outcome === 'REPAIRED' ? 'REPAIRED' : 'PUBLICATION_STOPPED';
    closing = { cause, actor: SYSTEM_ACTOR, reason: `${outcome === 'REPAIRED' ? 'repair' : 'objection'} ${caseId}`, caseId };
  });

  // Revocation ends every effect at once, so like leniency it takes two people (76号 [C] pairs the record's
  // consequences with approved decisions; rules.md "a recorded, approved decision"): staff propose, a supervisor
  // other than the proposer approves. Runs from before this rule revoke on the first request.
  setHandler(
    revokeRecordUpdate,
    async ({ actor, reason }) => {
      await condition(() => started);
      const mark = settledCount;
      if (!patched('revocation-four-eyes')) {
        if (isOpen()) closing = { cause: 'REVOKED', actor, reason };
        return settledAfter(mark);
      }
      if (!isOpen()) reject(FailureType.INVALID_STATE, "The record's effects have already ended");
      if (state.pendingRevocation) reject(FailureType.INVALID_STATE, 'A revocation is already awaiting approval');
      state.pendingRevocation = { reason, proposedById: actor.id, proposedAt: new Date().toISOString() };
      await transition('REVOCATION_PROPOSED', actor, { reason });
      return state;
    },
    {
      validator: ({ actor, reason }) => {
        if (!isOpen()) reject(FailureType.INVALID_STATE, `The record's effects have already ended (${state.closedBy ?? 'closing'})`);
        if (state.pendingRevocation) reject(FailureType.INVALID_STATE, 'A revocation is already awaiting approval');
        requireRecordStaff(input, actor, STAFF, 'revoke the record');
        requireText(reason, 'reason');
      },
    },
  );

  setHandler(
    decideRevocationUpdate,
    async ({ actor, approve, reasons }) => {
      await condition(() => started);
      const proposal = state.pendingRevocation;
      if (!proposal) reject(FailureType.INVALID_STATE, 'The revocation was already decided');
      state.pendingRevocation = null;
      if (!approve) {
        await transition('REVOCATION_REJECTED', actor, { reason: reasons, data: { proposedById: proposal.proposedById } });
        return state;
      }
      const mark = settledCount;
      if (isOpen()) closing = { cause: 'REVOKED', actor, reason: proposal.reason };
      return settledAfter(mark);
    },
    {
      validator: ({ actor, reasons }) => {
        if (!isOpen()) reject(FailureType.INVALID_STATE, "The record's effects have already ended");
        if (!state.pendingRevocation) reject(FailureType.INVALID_STATE, 'There is no revocation to decide');
        requireRecordStaff(input, actor, ['SUPERVISOR'], 'approve a revocation');
        if (actor.id === state.pendingRevocation.proposedById) reject(FailureType.FORBIDDEN, 'A revocation must be approved by someone other than its proposer');
        requireText(reasons, 'reasons');
      },
    },
  );

  setHandler(
    proposeLeniencyUpdate,
    async ({ actor, kind, acts, reasons }) => {
      await condition(() => started);
      if (state.pendingLeniency) reject(FailureType.INVALID_STATE, 'A leniency proposal is already awaiting approval');
      // The qualifying act is stored in the audit event's data (the leniency row has no column for it).
      const proposal: LeniencyProposal = { id: `LEN-${recordId}-${sequence + 1}`, kind, reasons, proposedById: actor.id, proposedAt: new Date().toISOString() };
      if (acts) proposal.acts = acts;
      state.pendingLeniency = proposal;
      await transition('LENIENCY_PROPOSED', actor, {
        reason: reasons,
        data: acts ? { kind, acts } : { kind },
        leniency: { ...proposal, recordId, status: 'PROPOSED' },
      });
      return state;
    },
    {
      validator: ({ actor, kind, acts, reasons }) => {
        if (!isOpen()) reject(FailureType.INVALID_STATE, "The record's effects have already ended");
        if (state.pendingLeniency) reject(FailureType.INVALID_STATE, 'A leniency proposal is already awaiting approval');
        if (state.leniency !== 'NONE') reject(FailureType.INVALID_STATE, `Leniency ${state.leniency} was already granted`);
        requireRecordStaff(input, actor, STAFF, 'propose leniency');
        requireText(reasons, 'reasons');
        if (kind !== 'LIGHTER' && kind !== 'EXEMPTED') reject(FailureType.VALIDATION, 'kind must be LIGHTER or EXEMPTED');
        if (acts && (acts.length === 0 || acts.some((act: string) => !(LENIENCY_ACTS as readonly string[]).includes(act)))) {
          reject(FailureType.VALIDATION, `acts must name one or more of ${LENIENCY_ACTS.join(', ')}`);
        }
      },
    },
  );

  setHandler(
    decideLeniencyUpdate,
    async ({ actor, approve, reasons }) => {
      await condition(() => started);
      const proposal = state.pendingLeniency;
      if (!proposal) reject(FailureType.INVALID_STATE, 'The leniency proposal was already decided');
      state.pendingLeniency = null;
      const decided = { ...proposal, recordId, decidedById: actor.id, decidedAt: new Date().toISOString(), decisionReasons: reasons };
      if (!approve) {
        await transition('LENIENCY_REJECTED', actor, { reason: reasons, data: { kind: proposal.kind }, leniency: { ...decided, status: 'REJECTED' } });
        return state;
      }
      state.leniency = proposal.kind;
      const windowPatch = proposal.kind === 'LIGHTER' ? await applyWindow('LIGHTER') : {};
      await transition('LENIENCY_APPROVED', actor, {
        reason: reasons,
        data: { kind: proposal.kind, ...(proposal.acts ? { acts: proposal.acts } : {}), publicationEndsAt: state.publicationEndsAt },
        record: { leniency: proposal.kind, sanctionsActive: false, ...windowPatch },
        leniency: { ...decided, status: 'APPROVED' },
      });
      // The mark is taken just before the change that wakes the main loop.
      const mark = settledCount;
      void reportEligibility('LENIENCY');
      if (proposal.kind === 'EXEMPTED') closing = { cause: 'EXEMPTED', actor, reason: reasons };
      else windowChanged = true;
      return settledAfter(mark);
    },
    {
      validator: ({ actor, reasons }) => {
        if (!isOpen()) reject(FailureType.INVALID_STATE, "The record's effects have already ended");
        if (!state.pendingLeniency) reject(FailureType.INVALID_STATE, 'There is no leniency proposal to decide');
        requireRecordStaff(input, actor, ['SUPERVISOR'], 'approve leniency');
        if (actor.id === state.pendingLeniency.proposedById) reject(FailureType.FORBIDDEN, 'Leniency must be approved by someone other than its proposer');
        requireText(reasons, 'reasons');
      },
    },
  );

  async function close(cause: Closing, actor: Actor, reason: string | null, caseId?: string): Promise<void> {
    state.phase = RecordPhase.CLOSED;
    state.closedBy = cause;
    const record: RecordPatch = { sanctionsActive: false, publicationStatus: 'STOPPED' };
    if (cause === 'REVOKED') Object.assign(record, { status: 'REVOKED', revokedAt: new Date().toISOString() });
    if (cause === 'REPAIRED') record.status = 'REPAIRED';
    await transition(`EFFECTS_ENDED_${cause}`, actor, { reason, record, data: { cause } });
    if (rectificationRunning && child) {
      rectificationRunning = false;
      if (patched(SIGNED_CANCEL_PATCH)) {
        await cancelRectificationCase(child.workflowId, cause);
      } else {
        try {
          await child.signal(cancelRectificationSignal, { cause });
        } catch {
          // The rectification finished meanwhile: nothing left to cancel.
        }
      }
    }
    await reportEligibility(cause);
    // A record found wrong or revoked leaves nothing to repair or object to: its open cases end, saying why.
    if ((cause === 'DELETED' || cause === 'REVOKED') && patched('end-open-cases-with-record')) {
      await chain(() => endOpenCasesOfRecord({ recordId, cause, caseId: caseId ?? recordId, reason }));
    }
  }

  // Start: publication window, eligibility block, rectification order.
  const windowPatch = await applyWindow(state.leniency);
  await transition(input.reinstated ? 'REINSTATED' : 'PUBLISHED', SYSTEM_ACTOR, {
    record: {
      workflowId: workflowInfo().workflowId,
      publicationStatus: 'PUBLISHED',
      sanctionsActive: state.leniency === 'NONE',
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
  await reportEligibility(input.reinstated ? 'REINSTATED' : 'REGISTERED');

  let child: ChildWorkflowHandle<(i: RectificationWorkflowInput) => Promise<RectificationResult>> | null = null;
  if (input.rectification) {
    child = await startChild<(i: RectificationWorkflowInput) => Promise<RectificationResult>>(RECTIFICATION_WORKFLOW_TYPE, {
      workflowId: rectificationWorkflowId(recordId),
      parentClosePolicy: ParentClosePolicy.ABANDON,
      args: [
        {
          rectificationId: `RECT-${recordId}`,
          recordId,
          subjectId: input.subjectId,
          authorityId: input.authorityId,
          openedAt: new Date().toISOString(),
          policy: input.rectification,
        },
      ],
    });
    rectificationRunning = true;
    child.result().then(
      (result) => {
        rectificationRunning = false;
        rectificationOutcome = result.status;
      },
      () => {
        rectificationRunning = false;
        rectificationOutcome = 'CANCELLED';
      },
    );
  }

  started = true;
  while (state.phase !== RecordPhase.CLOSED) {
    const wake = () => closing !== null || rectificationOutcome !== null || windowChanged || publicationStop !== null;
    // Only when nothing is pending has every earlier action been fully applied.
    if (!wake()) settledCount += 1;
    const endsAt = state.phase === RecordPhase.ACTIVE && state.publicationEndsAt ? Date.parse(state.publicationEndsAt) : null;
    const woken = endsAt === null ? (await condition(wake), true) : await condition(wake, Math.max(1, endsAt - Date.now()));

    if (closing) {
      await close(closing.cause, closing.actor, closing.reason, closing.caseId);
      break;
    }
    if (rectificationOutcome) {
      const outcome = rectificationOutcome;
      rectificationOutcome = null;
      state.rectified = outcome === 'RECTIFIED';
      await transition(outcome === 'RECTIFIED' ? 'RECTIFICATION_COMPLETED' : 'RECTIFICATION_ENDED', SYSTEM_ACTOR);
      await reportEligibility(outcome === 'RECTIFIED' ? 'RECTIFIED' : 'RECTIFICATION_ENDED');
      if (state.phase === RecordPhase.AWAITING_RECTIFICATION && state.rectified) await close('EXPIRED', SYSTEM_ACTOR, null);
      continue;
    }
    if (windowChanged) {
      windowChanged = false;
      continue;
    }
    if (publicationStop) {
      const { caseId } = publicationStop;
      publicationStop = null;
      state.publicationStopped = true;
      await transition('PUBLICATION_STOPPED', SYSTEM_ACTOR, { reason: `objection ${caseId}`, record: { publicationStatus: 'STOPPED' }, data: { caseId, sanctionsContinue: true } });
      continue;
    }
    if (!woken) {
      if (!state.rectificationRequired || state.rectified) {
        await close('EXPIRED', SYSTEM_ACTOR, null);
      } else {
        state.phase = RecordPhase.AWAITING_RECTIFICATION;
        await transition('PUBLICATION_CONTINUES_UNTIL_RECTIFIED', SYSTEM_ACTOR);
      }
    }
  }

  finished = true;
  await condition(allHandlersFinished);
  await writes;
  return state;
}
