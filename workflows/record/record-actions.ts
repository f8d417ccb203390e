import { condition, patched, setHandler } from '@temporalio/workflow';
import type { RecordCorrections } from '../../domain/objection/objection-types.js';
import { LENIENCY_ACTS } from '../../domain/records/record-types.js';
import type { Actor, Role } from '../../domain/roles.js';
import { SYSTEM_ACTOR } from '../shared/case-event.js';
import type { CaseLog } from '../shared/case-log.js';
import type { CaseSettling } from '../shared/case-settling.js';
import { FailureType } from '../shared/failure-types.js';
import { reject, requireAuthorityStaff, requireText } from '../shared/validators.js';
import type { RectificationResult } from '../rectification/rectification-contract.js';
import {
  decideLeniencyUpdate,
  decideRevocationUpdate,
  proposeLeniencyUpdate,
  recordOutcomeSignal,
  RecordEventType,
  RecordPhase,
  revokeRecordUpdate,
  type LeniencyProposal,
  type RecordClosing,
  type RecordLifecycleInput,
  type RecordLifecycleState,
} from './record-contract.js';
import type { RecordEffects } from './record-effects.js';
import type { RecordTransitionDetails } from './record-projection.js';

const STAFF: readonly Role[] = ['REVIEWER', 'SUPERVISOR'];
/** Objections correct the record's terms (severity, decision date, sanction kind), not only its facts. */
export const CORRECTION_PATCH = 'objection-corrects-record-terms';

/** What wakes the record's main loop, handled there in this order. */
export interface RecordWake {
  closing: { cause: RecordClosing; actor: Actor; reason: string | null; caseId?: string } | null;
  rectificationOutcome: RectificationResult['status'] | null;
  windowChanged: boolean;
  publicationStop: { caseId: string } | null;
  /** An objection corrected the record's terms (更正 of severity, decision date or sanction kind). */
  correction: { caseId: string; corrections: RecordCorrections } | null;
}

export interface RecordCase {
  input: RecordLifecycleInput;
  state: RecordLifecycleState;
  log: CaseLog<RecordTransitionDetails>;
  settling: CaseSettling;
  effects: RecordEffects;
  wake: RecordWake;
  /** Actions wait until the record is published, so the timeline reads in order. */
  started: boolean;
}

/** Decisions on a record (revocation and leniency, each by two people) and the outcomes other cases send it. */
export function registerRecordActions(kase: RecordCase): void {
  const { input, state, log, settling, effects, wake } = kase;
  const isOpen = () => state.phase !== RecordPhase.CLOSED && wake.closing === null;
  const staff = (actor: Actor, roles: readonly Role[], action: string) => requireAuthorityStaff(input.authorityId, actor, roles, action);
  const requireOpen = () => {
    if (!isOpen()) reject(FailureType.INVALID_STATE, `The record's effects have already ended (${state.closedBy ?? 'closing'})`);
  };
  const published = () => condition(() => kase.started);
  const record = (type: RecordEventType, actor: Actor, details: RecordTransitionDetails) => log.record(type, actor, details);

  setHandler(recordOutcomeSignal, ({ outcome, caseId, corrections }) => {
    if (!isOpen()) return;
    // 更正 of the record's terms: the main loop recomputes the publication window and the sanction period.
    if (outcome === 'CORRECT') {
      if (corrections && patched(CORRECTION_PATCH)) {
        const pending = wake.correction?.corrections ?? {};
        wake.correction = { caseId, corrections: { ...pending, ...corrections } };
      }
      return;
    }
    // 停止公开 stops publication; whether it ends more is the publication policy's stopPublicationEndsEffects.
    if (outcome === 'STOP_PUBLICATION' && input.publication.params.stopPublicationEndsEffects !== true && patched('stop-publication-only')) {
      if (!state.publicationStopped) wake.publicationStop = { caseId };
      return;
    }
    const cause: RecordClosing =
      outcome === 'DELETE' ? 'DELETED' : outcome === 'REPAIRED' ? 'REPAIRED' : outcome === 'REMOVE_FROM_LIST' ? 'REMOVED_FROM_LIST' : 'PUBLICATION_STOPPED';
    wake.closing = { cause, actor: SYSTEM_ACTOR, reason: `${outcome === 'REPAIRED' ? 'repair' : 'objection'} ${caseId}`, caseId };
  });

  // Revocation ends every effect at once, so like leniency it takes two people (76号 [C] pairs the record's
  // consequences with approved decisions; rules.md "a recorded, approved decision"): staff propose, a supervisor
  // other than the proposer approves. Runs from before this rule revoke on the first request.
  setHandler(
    revokeRecordUpdate,
    async ({ actor, reason }) => {
      await published();
      const mark = settling.mark();
      if (!patched('revocation-four-eyes')) {
        if (isOpen()) wake.closing = { cause: 'REVOKED', actor, reason };
        await settling.after(mark);
        return state;
      }
      requireOpen();
      if (state.pendingRevocation) reject(FailureType.INVALID_STATE, 'A revocation is already awaiting approval');
      state.pendingRevocation = { reason, proposedById: actor.id, proposedAt: new Date().toISOString() };
      await record(RecordEventType.REVOCATION_PROPOSED, actor, { reason });
      return state;
    },
    {
      validator: ({ actor, reason }) => {
        requireOpen();
        if (state.pendingRevocation) reject(FailureType.INVALID_STATE, 'A revocation is already awaiting approval');
        staff(actor, STAFF, 'revoke the record');
        requireText(reason, 'reason');
      },
    },
  );

  setHandler(
    decideRevocationUpdate,
    async ({ actor, approve, reasons }) => {
      await published();
      const proposal = state.pendingRevocation;
      if (!proposal) reject(FailureType.INVALID_STATE, 'The revocation was already decided');
      state.pendingRevocation = null;
      if (!approve) {
        await record(RecordEventType.REVOCATION_REJECTED, actor, { reason: reasons, data: { proposedById: proposal.proposedById } });
        return state;
      }
      const mark = settling.mark();
      if (isOpen()) wake.closing = { cause: 'REVOKED', actor, reason: proposal.reason };
      await settling.after(mark);
      return state;
    },
    {
      validator: ({ actor, reasons }) => {
        requireOpen();
        if (!state.pendingRevocation) reject(FailureType.INVALID_STATE, 'There is no revocation to decide');
        staff(actor, ['SUPERVISOR'], 'approve a revocation');
        if (actor.id === state.pendingRevocation.proposedById) reject(FailureType.FORBIDDEN, 'A revocation must be approved by someone other than its proposer');
        requireText(reasons, 'reasons');
      },
    },
  );

  setHandler(
    proposeLeniencyUpdate,
    async ({ actor, kind, acts, reasons }) => {
      await published();
      if (state.pendingLeniency) reject(FailureType.INVALID_STATE, 'A leniency proposal is already awaiting approval');
      // The qualifying act is stored in the audit event's data (the leniency row has no column for it).
      const proposal: LeniencyProposal = { id: `LEN-${input.recordId}-${log.recorded + 1}`, kind, reasons, proposedById: actor.id, proposedAt: new Date().toISOString() };
      if (acts) proposal.acts = acts;
      state.pendingLeniency = proposal;
      await record(RecordEventType.LENIENCY_PROPOSED, actor, {
        reason: reasons,
        data: acts ? { kind, acts } : { kind },
        leniency: { ...proposal, recordId: input.recordId, status: 'PROPOSED' },
      });
      return state;
    },
    {
      validator: ({ actor, kind, acts, reasons }) => {
        requireOpen();
        if (state.pendingLeniency) reject(FailureType.INVALID_STATE, 'A leniency proposal is already awaiting approval');
        if (state.leniency !== 'NONE') reject(FailureType.INVALID_STATE, `Leniency ${state.leniency} was already granted`);
        staff(actor, STAFF, 'propose leniency');
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
      await published();
      const proposal = state.pendingLeniency;
      if (!proposal) reject(FailureType.INVALID_STATE, 'The leniency proposal was already decided');
      state.pendingLeniency = null;
      const decided = { ...proposal, recordId: input.recordId, decidedById: actor.id, decidedAt: new Date().toISOString(), decisionReasons: reasons };
      if (!approve) {
        await record(RecordEventType.LENIENCY_REJECTED, actor, { reason: reasons, data: { kind: proposal.kind }, leniency: { ...decided, status: 'REJECTED' } });
        return state;
      }
      state.leniency = proposal.kind;
      const windowPatch = proposal.kind === 'LIGHTER' ? await effects.applyWindow('LIGHTER') : {};
      await record(RecordEventType.LENIENCY_APPROVED, actor, {
        reason: reasons,
        data: { kind: proposal.kind, ...(proposal.acts ? { acts: proposal.acts } : {}), publicationEndsAt: state.publicationEndsAt },
        record: { leniency: proposal.kind, sanctionsActive: effects.suspends(proposal.kind), ...windowPatch },
        leniency: { ...decided, status: 'APPROVED' },
      });
      // The mark is taken just before the change that wakes the main loop.
      const mark = settling.mark();
      void effects.reportEligibility('LENIENCY');
      if (proposal.kind === 'EXEMPTED') wake.closing = { cause: 'EXEMPTED', actor, reason: reasons };
      else wake.windowChanged = true;
      await settling.after(mark);
      return state;
    },
    {
      validator: ({ actor, reasons }) => {
        requireOpen();
        if (!state.pendingLeniency) reject(FailureType.INVALID_STATE, 'There is no leniency proposal to decide');
        staff(actor, ['SUPERVISOR'], 'approve leniency');
        if (actor.id === state.pendingLeniency.proposedById) reject(FailureType.FORBIDDEN, 'Leniency must be approved by someone other than its proposer');
        requireText(reasons, 'reasons');
      },
    },
  );
}
