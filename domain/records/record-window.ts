import { lighterLiftsSuspension, lighterSanctionMonths } from './lighter-leniency.js';
import { publicationWindow, type PublicationPolicy } from './publication-policy.js';
import { addCalendarMonths } from './calendar-months.js';
import type { TimeScale } from '../calendar/time-scale.js';
import { SANCTION_MONTHS, type LeniencyKind, type SanctionKind, type Severity } from './record-types.js';

export interface RecordWindowRequest {
  decisionDate: string;
  severity: Severity;
  sanctionKind?: SanctionKind | null | undefined;
  leniency: LeniencyKind | 'NONE';
  policy: PublicationPolicy;
  /** Start of the scaled clock (tests): the record's registration instant. */
  registeredAt: string;
}

/** The record's registration as a calendar date in the office's zone (a publication may start then). */
type LocalDateOf = (instant: string) => string;

export interface RecordWindow {
  publishedFrom: string;
  minPublishedUntil: string;
  publishedUntil: string;
  /** Instant at which publication ends by itself (end of publishedUntil, or scaled). */
  publicationEndsAt: string;
  /** Instant at which a civil servant's sanction period ends, if the record has one. */
  sanctionEndsAt: string | null;
  /**
   * Instant from which the record's effects run: the start of its decision date (the effective date of the
   * finding; rules.md "from the decision's effective date" [C]), not the moment a workflow adopted it.
   */
  effectiveFrom: string;
}

type EndOfDay = (date: string) => string;

/** A civil servant's restriction period: the sanction's, or under LIGHTER leniency the next lighter kind's (policy). */
function sanctionMonthsOf(kind: SanctionKind, leniency: LeniencyKind | 'NONE', policy: Partial<PublicationPolicy>): number {
  const lighter = leniency === 'LIGHTER' && policy.lighterLeniency !== undefined && !lighterLiftsSuspension(policy, 'CIVIL_SERVANT');
  return lighter ? lighterSanctionMonths(kind) : SANCTION_MONTHS[kind];
}

/**
 * Publication and sanction periods of a record, in calendar months (民法典 art. 202), or on the compressed clock of a
 * test or demonstration worker (`timeScale.secondsPerMonth`).
 */
export function computeRecordWindow(
  request: RecordWindowRequest,
  endOfDay: EndOfDay,
  startOfDay: EndOfDay,
  localDateOf?: LocalDateOf,
  timeScale: TimeScale = {},
): RecordWindow {
  const registrationDate = localDateOf ? localDateOf(request.registeredAt) : undefined;
  const window = publicationWindow(request.decisionDate, request.severity, request.policy, request.leniency, registrationDate);
  const period = request.policy.periods[request.severity];
  const months = request.leniency === 'EXEMPTED' ? 0 : request.leniency === 'LIGHTER' ? period.minMonths : period.maxMonths;
  const sanctionMonths = request.sanctionKind ? sanctionMonthsOf(request.sanctionKind, request.leniency, request.policy) : null;
  const scale = timeScale.secondsPerMonth;
  const effectiveFrom = startOfDay(request.decisionDate);
  if (scale) {
    const start = Date.parse(request.registeredAt);
    return {
      ...window,
      effectiveFrom,
      publicationEndsAt: new Date(start + months * scale * 1000).toISOString(),
      sanctionEndsAt: sanctionMonths === null ? null : new Date(start + sanctionMonths * scale * 1000).toISOString(),
    };
  }
  return {
    ...window,
    effectiveFrom,
    publicationEndsAt: endOfDay(window.publishedUntil),
    sanctionEndsAt: sanctionMonths === null ? null : endOfDay(addCalendarMonths(request.decisionDate, sanctionMonths)),
  };
}
