/** Types of timeline/audit events of a rectification (限期整改) case. */
export const RectificationEventType = {
  OPENED: 'OPENED',
  STEP_OPENED: 'STEP_OPENED',
  REMINDER_SENT: 'REMINDER_SENT',
  EXPLANATION_SUBMITTED: 'EXPLANATION_SUBMITTED',
  PROGRESS_REPORTED: 'PROGRESS_REPORTED',
  COMPLETION_SUBMITTED: 'COMPLETION_SUBMITTED',
  /** 督办: the body missed its deadline. */
  SUPERVISION_NOTICE: 'SUPERVISION_NOTICE',
  /** 通报批评: still unmet after the criticism period. */
  PUBLIC_CRITICISM: 'PUBLIC_CRITICISM',
  /** 问责: referral of the principal responsible person, issued with the public criticism. */
  ACCOUNTABILITY_REFERRAL: 'ACCOUNTABILITY_REFERRAL',
  /** The review is overdue and goes to a supervisor. */
  ESCALATED: 'ESCALATED',
  DEADLINE_EXTENDED: 'DEADLINE_EXTENDED',
  DEADLINE_RECOMPUTED: 'DEADLINE_RECOMPUTED',
  RETURNED: 'RETURNED',
  RECTIFIED: 'RECTIFIED',
  CANCELLED: 'CANCELLED',
} as const;
export type RectificationEventType = (typeof RectificationEventType)[keyof typeof RectificationEventType];

/** How far a missed deadline has been escalated; it only rises, and stays as history after a late completion. */
export const EscalationLevel = {
  NONE: 'NONE',
  /** 督办 issued. */
  SUPERVISION: 'SUPERVISION',
  /** 通报批评 and 问责 referral issued. */
  CRITICISM: 'CRITICISM',
} as const;
export type EscalationLevel = (typeof EscalationLevel)[keyof typeof EscalationLevel];

const RANK: Record<EscalationLevel, number> = { NONE: 0, SUPERVISION: 1, CRITICISM: 2 };

export function higherEscalation(a: EscalationLevel, b: EscalationLevel): EscalationLevel {
  return RANK[b] > RANK[a] ? b : a;
}
