import type { SanctionKind, Severity } from '../records/record-types.js';

/** Where an objection case stands. */
export const ObjectionStatus = {
  /** Filed; the credit office has to accept it for processing. */
  FILED: 'FILED',
  /** 补正: staff asked for the missing material (once, every item listed); the acceptance clock stands still. */
  NEEDS_CORRECTION: 'NEEDS_CORRECTION',
  /** Accepted; the record is marked 异议标注 while the issuing authority verifies it. */
  UNDER_VERIFICATION: 'UNDER_VERIFICATION',
  /** Verification's clock is stopped for an appraisal or an expert review (河南 [C]); the record stays marked. */
  VERIFICATION_PAUSED: 'VERIFICATION_PAUSED',
  /** Rejected, and the applicant may still ask for a second review (复核). */
  REJECTED_REVIEWABLE: 'REJECTED_REVIEWABLE',
  /** A supervisor carries out the second review. */
  UNDER_SECOND_REVIEW: 'UNDER_SECOND_REVIEW',
  NOT_ACCEPTED: 'NOT_ACCEPTED',
  WITHDRAWN: 'WITHDRAWN',
  /** Closed with an outcome (see ObjectionOutcome). */
  DECIDED: 'DECIDED',
  /** Closed without a decision: the record was revoked, or deleted by another case, meanwhile. */
  RECORD_ENDED: 'RECORD_ENDED',
} as const;
export type ObjectionStatus = (typeof ObjectionStatus)[keyof typeof ObjectionStatus];
export const OBJECTION_STATUSES = Object.values(ObjectionStatus) as [ObjectionStatus, ...ObjectionStatus[]];
export const CLOSED_OBJECTION_STATUSES: readonly ObjectionStatus[] = ['NOT_ACCEPTED', 'WITHDRAWN', 'DECIDED', 'RECORD_ENDED'];

/** The decision on an objection. */
export const ObjectionOutcome = {
  /** 驳回: the record stands; written reasons required. */
  REJECT: 'REJECT',
  /** 更正: a new version of the record with corrected facts. */
  CORRECT: 'CORRECT',
  /** 补充: a new version of the record with supplemented facts. */
  SUPPLEMENT: 'SUPPLEMENT',
  /** 删除: wrong at its root; stops publication and every effect, history kept. */
  DELETE: 'DELETE',
  /** 停止公开: published past its period. */
  STOP_PUBLICATION: 'STOP_PUBLICATION',
  /**
   * 移出名单: a record that is a list entry (listed without meeting the conditions, or not removed when due) leaves
   * its list: publication and the list's effects end; the record and its history stay (rules.md, Objection outcomes [C]).
   */
  REMOVE_FROM_LIST: 'REMOVE_FROM_LIST',
} as const;
export type ObjectionOutcome = (typeof ObjectionOutcome)[keyof typeof ObjectionOutcome];
export const OBJECTION_OUTCOMES = Object.values(ObjectionOutcome) as [ObjectionOutcome, ...ObjectionOutcome[]];

/** Grounds for an objection (the rules' three cases). */
export const ObjectionGrounds = {
  INACCURATE_OR_INCOMPLETE: 'INACCURATE_OR_INCOMPLETE',
  PUBLISHED_PAST_PERIOD: 'PUBLISHED_PAST_PERIOD',
  LISTED_WITHOUT_CONDITIONS: 'LISTED_WITHOUT_CONDITIONS',
} as const;
export type ObjectionGrounds = (typeof ObjectionGrounds)[keyof typeof ObjectionGrounds];
export const OBJECTION_GROUNDS = Object.values(ObjectionGrounds) as [ObjectionGrounds, ...ObjectionGrounds[]];

/** The human steps of the objection process; each has an assignee role and a deadline. */
export const ObjectionStep = {
  ACCEPTANCE: 'ACCEPTANCE',
  /** The applicant completes the materials a 补正 request listed. */
  CORRECTION: 'CORRECTION',
  VERIFICATION: 'VERIFICATION',
  SECOND_REVIEW_REQUEST: 'SECOND_REVIEW_REQUEST',
  SECOND_REVIEW: 'SECOND_REVIEW',
} as const;
export type ObjectionStep = (typeof ObjectionStep)[keyof typeof ObjectionStep];

/** Types of timeline/audit events of an objection case. */
export const ObjectionEventType = {
  FILED: 'FILED',
  ACCEPTED: 'ACCEPTED',
  NOT_ACCEPTED: 'NOT_ACCEPTED',
  DEADLINE_EXTENDED: 'DEADLINE_EXTENDED',
  DECIDED: 'DECIDED',
  SECOND_REVIEW_REQUESTED: 'SECOND_REVIEW_REQUESTED',
  SECOND_REVIEW_DECIDED: 'SECOND_REVIEW_DECIDED',
  SECOND_REVIEW_WINDOW_CLOSED: 'SECOND_REVIEW_WINDOW_CLOSED',
  WITHDRAWN: 'WITHDRAWN',
  CLOSED_RECORD_ENDED: 'CLOSED_RECORD_ENDED',
  CORRECTION_REQUESTED: 'CORRECTION_REQUESTED',
  MATERIALS_SUBMITTED: 'MATERIALS_SUBMITTED',
  CORRECTION_LAPSED: 'CORRECTION_LAPSED',
  CLOCK_STOPPED: 'CLOCK_STOPPED',
  CLOCK_RESUMED: 'CLOCK_RESUMED',
  STEP_OPENED: 'STEP_OPENED',
  REMINDER_SENT: 'REMINDER_SENT',
  ESCALATED: 'ESCALATED',
  DEADLINE_RECOMPUTED: 'DEADLINE_RECOMPUTED',
} as const;
export type ObjectionEventType = (typeof ObjectionEventType)[keyof typeof ObjectionEventType];

/** Fields a correction or supplement changes in the record's facts. */
export type FactChanges = Record<string, string | number | boolean | null>;

/**
 * A correction (更正) of the record's terms, not only its facts: severity, decision date (YYYY-MM-DD) or a civil
 * servant's sanction kind. The record's lifecycle recomputes its publication window and sanction period from them.
 */
export interface RecordCorrections {
  severity?: Severity;
  decisionDate?: string;
  sanctionKind?: SanctionKind | null;
}
