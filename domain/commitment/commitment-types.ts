import { addCalendarMonths } from '../records/calendar-months.js';
import { PolicyArea } from '../records/record-types.js';

/**
 * 守信践诺 (国发〔2016〕76号 [C]): "行政服务质量承诺、期限承诺和保障承诺" and "街道和乡镇公开承诺制度".
 */
export const CommitmentKind = {
  /** 服务质量承诺 */
  SERVICE_QUALITY: 'SERVICE_QUALITY',
  /** 期限承诺 */
  TIME_LIMIT: 'TIME_LIMIT',
  /** 保障承诺 */
  GUARANTEE: 'GUARANTEE',
  /** 街道和乡镇公开承诺 */
  TOWNSHIP_PUBLIC: 'TOWNSHIP_PUBLIC',
} as const;
export type CommitmentKind = (typeof CommitmentKind)[keyof typeof CommitmentKind];
export const COMMITMENT_KINDS = Object.values(CommitmentKind) as [CommitmentKind, ...CommitmentKind[]];

/** The key areas 76号 names (政府采购, PPP, 招标投标, 招商引资, 地方政府债务, 街道和乡镇): a commitment is in one of them. */
export const COMMITMENT_POLICY_AREAS = [
  PolicyArea.GOVERNMENT_PROCUREMENT,
  PolicyArea.PUBLIC_PRIVATE_PARTNERSHIP,
  PolicyArea.BIDDING,
  PolicyArea.INVESTMENT_PROMOTION,
  PolicyArea.LOCAL_GOVERNMENT_DEBT,
  PolicyArea.STREET_TOWNSHIP_COMMITMENT,
] as const;
export type CommitmentPolicyArea = (typeof COMMITMENT_POLICY_AREAS)[number];

/** The finding of a check: kept, kept late, or broken (a broken one becomes a record proposal). */
export const CheckOutcome = { KEPT: 'KEPT', LATE: 'LATE', BROKEN: 'BROKEN' } as const;
export type CheckOutcome = (typeof CheckOutcome)[keyof typeof CheckOutcome];
export const CHECK_OUTCOMES = Object.values(CheckOutcome) as [CheckOutcome, ...CheckOutcome[]];

/** Timeline/audit events of a commitment. */
export const CommitmentEventType = {
  REGISTERED: 'REGISTERED',
  PERIOD_STARTED: 'PERIOD_STARTED',
  PROGRESS_REPORTED: 'PROGRESS_REPORTED',
  FULFILMENT_REPORTED: 'FULFILMENT_REPORTED',
  CHECK_DUE: 'CHECK_DUE',
  STEP_OPENED: 'STEP_OPENED',
  REMINDER_SENT: 'REMINDER_SENT',
  ESCALATED: 'ESCALATED',
  DEADLINE_RECOMPUTED: 'DEADLINE_RECOMPUTED',
  CHECKED: 'CHECKED',
  RECORD_PROPOSED: 'RECORD_PROPOSED',
} as const;
export type CommitmentEventType = (typeof CommitmentEventType)[keyof typeof CommitmentEventType];

/** At most this many checks per commitment (a monthly check for five years). */
export const MAX_COMMITMENT_CHECKS = 60;

/**
 * The due dates of a commitment's checks: the first due date and, for a recurring check, every `everyMonths` calendar
 * months after it up to `endsOn` (民法典 art. 202 calendar months). Null when the recurrence runs past the maximum.
 */
export function commitmentDueDates(firstDueDate: string, recurrence?: { everyMonths: number; endsOn: string }): string[] | null {
  if (!recurrence) return [firstDueDate];
  const dates: string[] = [];
  for (let i = 0; ; i++) {
    const date = addCalendarMonths(firstDueDate, i * recurrence.everyMonths);
    if (date > recurrence.endsOn) break;
    if (dates.length === MAX_COMMITMENT_CHECKS) return null;
    dates.push(date);
  }
  return dates;
}

/** The standing of a commitment after its last check: broken if any check was, else late if any was, else kept. */
export function worstOutcome(outcomes: readonly CheckOutcome[]): CheckOutcome {
  if (outcomes.includes('BROKEN')) return 'BROKEN';
  return outcomes.includes('LATE') ? 'LATE' : 'KEPT';
}
