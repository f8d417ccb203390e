/** Contract of a dishonesty record's lifecycle workflow: publication, sanctions, leniency, revocation. */
import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { EligibilityRestriction } from '../../domain/eligibility/eligibility.js';
import type { RecordCorrections } from '../../domain/objection/objection-types.js';
import type { PolicySnapshot } from '../../domain/policies/policy-snapshot.js';
import type { PublicationPolicy } from '../../domain/records/publication-policy.js';
import type { LeniencyAct, LeniencyKind, SanctionKind, Severity } from '../../domain/records/record-types.js';
import type { RectificationPolicy } from '../../domain/rectification/rectification-policy.js';
import type { Actor } from '../../domain/roles.js';

export const RECORD_CASE_TYPE = 'RECORD';
export const RECORD_WORKFLOW_TYPE = 'recordLifecycleWorkflow';

export function recordWorkflowId(recordId: string): string {
  return `record-${recordId}`;
}

export interface RecordLifecycleInput {
  recordId: string;
  subjectId: string;
  restriction: EligibilityRestriction;
  authorityId: string;
  severity: Severity;
  /** YYYY-MM-DD */
  decisionDate: string;
  /** Civil servants: the sanction whose period restricts awards (评优评先). */
  sanctionKind?: SanctionKind | null;
  registeredAt: string;
  publication: PolicySnapshot<PublicationPolicy>;
  /** Government bodies: the rectification order (限期整改) to run; null when none is required. */
  rectification: PolicySnapshot<RectificationPolicy> | null;
  /** A repair of the record was revoked (false materials): publication and sanctions return. */
  reinstated?: boolean;
  /** Reinstated records: what the record had before its repair, kept (absent: none, or from `rectification`). */
  carriedOver?: {
    /** 主动纠错 leniency approved before (stays granted). */
    leniency: LeniencyKind | 'NONE';
    /** A rectification order was required, and whether the body completed it. */
    rectificationRequired: boolean;
    rectified: boolean;
  };
}

export const RecordPhase = {
  /** Published; sanctions apply. */
  ACTIVE: 'ACTIVE',
  /** The maximum period ended but the duties are not fulfilled: publication continues. */
  AWAITING_RECTIFICATION: 'AWAITING_RECTIFICATION',
  /** Publication ended and sanctions lifted (expired, exempted, revoked, deleted, stopped). */
  CLOSED: 'CLOSED',
} as const;
export type RecordPhase = (typeof RecordPhase)[keyof typeof RecordPhase];

export interface LeniencyProposal {
  id: string;
  kind: LeniencyKind;
  /** The qualifying act(s) of 主动纠错; absent on proposals made before they were recorded. */
  acts?: LeniencyAct[];
  reasons: string;
  proposedById: string;
  proposedAt: string;
}

/** A revocation proposed by the authority's staff, awaiting a supervisor other than the proposer. */
export interface RevocationProposal {
  reason: string;
  proposedById: string;
  proposedAt: string;
}

/** The terms from which publication and sanctions are computed; an objection may correct them. */
export interface RecordTerms {
  severity: Severity;
  /** YYYY-MM-DD */
  decisionDate: string;
  sanctionKind: SanctionKind | null;
}

export interface RecordLifecycleState {
  recordId: string;
  phase: RecordPhase;
  /** ISO instant when publication ends by itself (scaled in tests). */
  publicationEndsAt: string | null;
  sanctionEndsAt: string | null;
  rectified: boolean;
  rectificationRequired: boolean;
  leniency: LeniencyKind | 'NONE';
  pendingLeniency: LeniencyProposal | null;
  /** A proposed revocation awaiting its second person (absent on runs from before four-eyes revocation). */
  pendingRevocation?: RevocationProposal | null;
  /** An objection stopped publication (停止公开) while the sanctions run on (absent on older runs). */
  publicationStopped?: boolean;
  /** Why the record closed, when it has. */
  closedBy: string | null;
  /** The record's terms after an objection corrected them (更正); absent while they are the input's. */
  terms?: RecordTerms;
  /** Increases with every change of the record's effect on eligibility. */
  version: number;
}

/** Types of timeline/audit events of a record's lifecycle (EFFECTS_ENDED_<cause> for each way its effects end). */
export const RecordEventType = {
  REGISTERED: 'REGISTERED',
  PUBLISHED: 'PUBLISHED',
  REINSTATED: 'REINSTATED',
  PUBLICATION_STOPPED: 'PUBLICATION_STOPPED',
  PUBLICATION_CONTINUES_UNTIL_RECTIFIED: 'PUBLICATION_CONTINUES_UNTIL_RECTIFIED',
  RECTIFICATION_COMPLETED: 'RECTIFICATION_COMPLETED',
  RECTIFICATION_ENDED: 'RECTIFICATION_ENDED',
  REVOCATION_PROPOSED: 'REVOCATION_PROPOSED',
  REVOCATION_REJECTED: 'REVOCATION_REJECTED',
  LENIENCY_PROPOSED: 'LENIENCY_PROPOSED',
  LENIENCY_REJECTED: 'LENIENCY_REJECTED',
  LENIENCY_APPROVED: 'LENIENCY_APPROVED',
  EFFECTS_ENDED_EXPIRED: 'EFFECTS_ENDED_EXPIRED',
  EFFECTS_ENDED_REVOKED: 'EFFECTS_ENDED_REVOKED',
  EFFECTS_ENDED_DELETED: 'EFFECTS_ENDED_DELETED',
  EFFECTS_ENDED_PUBLICATION_STOPPED: 'EFFECTS_ENDED_PUBLICATION_STOPPED',
  EFFECTS_ENDED_EXEMPTED: 'EFFECTS_ENDED_EXEMPTED',
  EFFECTS_ENDED_REPAIRED: 'EFFECTS_ENDED_REPAIRED',
  EFFECTS_ENDED_REMOVED_FROM_LIST: 'EFFECTS_ENDED_REMOVED_FROM_LIST',
  /** An objection corrected severity, decision date or sanction kind: publication window and sanctions recomputed. */
  RECORD_CORRECTED: 'RECORD_CORRECTED',
} as const;
export type RecordEventType = (typeof RecordEventType)[keyof typeof RecordEventType];

/** Why a record's effects ended. */
export type RecordClosing = 'EXPIRED' | 'REVOKED' | 'DELETED' | 'PUBLICATION_STOPPED' | 'EXEMPTED' | 'REPAIRED' | 'REMOVED_FROM_LIST';

export interface ProposeLeniencyCommand {
  actor: Actor;
  kind: LeniencyKind;
  /** The qualifying act(s); the API requires at least one, older histories have none. */
  acts?: LeniencyAct[];
  reasons: string;
}
export interface DecideLeniencyCommand {
  actor: Actor;
  approve: boolean;
  reasons: string;
}
export interface RevokeRecordCommand {
  actor: Actor;
  reason: string;
}
export interface DecideRevocationCommand {
  actor: Actor;
  approve: boolean;
  reasons: string;
}
/** Sent by an objection when its outcome ends or changes the record's effects, and by an approved repair. */
export interface RecordOutcomeNotice {
  /** DELETE, STOP_PUBLICATION, REMOVE_FROM_LIST and CORRECT come from objections, REPAIRED from an approved credit repair. */
  outcome: 'DELETE' | 'STOP_PUBLICATION' | 'REPAIRED' | 'REMOVE_FROM_LIST' | 'CORRECT';
  caseId: string;
  /** CORRECT: the corrected terms (the record's lifecycle recomputes publication and sanctions from them). */
  corrections?: RecordCorrections;
}

export const proposeLeniencyUpdate = defineUpdate<RecordLifecycleState, [ProposeLeniencyCommand]>('proposeLeniency');
export const decideLeniencyUpdate = defineUpdate<RecordLifecycleState, [DecideLeniencyCommand]>('decideLeniency');
/** Proposes the revocation; a supervisor other than the proposer decides it (decideRevocation). */
export const revokeRecordUpdate = defineUpdate<RecordLifecycleState, [RevokeRecordCommand]>('revokeRecord');
export const decideRevocationUpdate = defineUpdate<RecordLifecycleState, [DecideRevocationCommand]>('decideRevocation');
export const recordOutcomeSignal = defineSignal<[RecordOutcomeNotice]>('recordOutcome');
export const recordLifecycleQuery = defineQuery<RecordLifecycleState>('recordLifecycle');
