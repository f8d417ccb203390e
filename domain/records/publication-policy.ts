import { z } from 'zod';
import { addCalendarMonths } from './calendar-months.js';
import type { LeniencyKind, Severity } from './record-types.js';

const periodSchema = z.object({ minMonths: z.number().int().min(0).max(120), maxMonths: z.number().int().min(0).max(120) });

/** Minor records (轻微): not published, or at most 3 months, and repairable at once (国办发〔2025〕22号 [C]). */
export const DEFAULT_MINOR_PERIOD = { minMonths: 0, maxMonths: 3 };

/**
 * Publication periods by severity (国办发〔2025〕22号 [C], 令第36号 [S]): minor at most 3 months; general at least 3
 * months and at most 1 year; serious at least 1 year and at most 3 years. Months are calendar months from the
 * decision date (民法典 art. 202 [C]). Policies stored before MINOR existed get its default.
 */
export const publicationPolicySchema = z.object({
  periods: z.object({ MINOR: periodSchema.default(DEFAULT_MINOR_PERIOD), GENERAL: periodSchema, SERIOUS: periodSchema }),
  /**
   * Whether an objection's 停止公开 (STOP_PUBLICATION) outcome also lifts the sanctions and ends the rectification
   * order. Default false: the outcome answers "still published after its period" (rules.md, Objection grounds [C]) and
   * stops publication only; lifting punishments is what a repair does (令第36号 art. 3 [C]) and rectification is a
   * consequence of its own (国发〔2016〕76号 [C]).
   */
  stopPublicationEndsEffects: z.boolean().default(false),
  /**
   * From which day the publication period runs: the decision date (default: the finding's effective date, from which
   * rules.md counts sanctions [C]) or the day the record is registered here. rules.md: "The start of the period
   * (decision date or publication date) is a policy setting [U]". Sanctions always run from the decision date.
   */
  publicationStart: z.enum(['DECISION_DATE', 'REGISTRATION_DATE']).default('DECISION_DATE'),
  /**
   * Who may be granted 主动纠错 leniency: civil servants only, or government bodies as well. rules.md cites 76号 [C] for
   * "an official who recovers losses, removes adverse effects or stops the harm"; whether a body's own correction
   * qualifies is not settled [U]. Default: both, as before this setting existed.
   */
  leniencySubjects: z.enum(['CIVIL_SERVANTS_ONLY', 'BODIES_AND_CIVIL_SERVANTS']).default('BODIES_AND_CIVIL_SERVANTS'),
  /**
   * What 从轻 (LIGHTER leniency) does beyond publishing for the minimum period only. 76号 [C] (rules.md "Self-correction")
   * grants "a lighter sanction or none (从轻或免于)": 免于 (EXEMPTED) ends every effect, so 从轻 lowers the restriction
   * rather than removing it. No national rule says by how much [U]; defaults:
   * - bodies `MINIMUM_PUBLICATION`: honor-evaluation eligibility stays suspended while the record is published for its
   *   minimum period (and, as without leniency, until an outstanding rectification is accepted);
   * - civil servants `NEXT_LIGHTER_SANCTION`: 评优评先 is restricted for the period of the next lighter sanction kind
   *   (see lighterSanctionMonths; periods 政务处分法 art. 8 [C]); a civil servant's record without a sanction kind
   *   restricts for the (minimum) publication period.
   * `NO_SUSPENSION` lifts the suspension at once (the rule before this setting; runs started before it keep it).
   */
  lighterLeniency: z
    .object({
      bodies: z.enum(['MINIMUM_PUBLICATION', 'NO_SUSPENSION']),
      civilServants: z.enum(['NEXT_LIGHTER_SANCTION', 'NO_SUSPENSION']),
    })
    .default({ bodies: 'MINIMUM_PUBLICATION', civilServants: 'NEXT_LIGHTER_SANCTION' }),
});
export type PublicationPolicy = z.infer<typeof publicationPolicySchema>;

export const DEFAULT_PUBLICATION_POLICY: PublicationPolicy = {
  periods: { MINOR: DEFAULT_MINOR_PERIOD, GENERAL: { minMonths: 3, maxMonths: 12 }, SERIOUS: { minMonths: 12, maxMonths: 36 } },
  stopPublicationEndsEffects: false,
  publicationStart: 'DECISION_DATE',
  leniencySubjects: 'BODIES_AND_CIVIL_SERVANTS',
  lighterLeniency: { bodies: 'MINIMUM_PUBLICATION', civilServants: 'NEXT_LIGHTER_SANCTION' },
};



/** Whether the policy lets a subject of this kind be granted 主动纠错 leniency. */
export function leniencyAppliesTo(policy: Pick<PublicationPolicy, 'leniencySubjects'>, subjectKind: 'GOVERNMENT_BODY' | 'CIVIL_SERVANT'): boolean {
  return subjectKind === 'CIVIL_SERVANT' || policy.leniencySubjects === 'BODIES_AND_CIVIL_SERVANTS';
}

export interface PublicationWindow {
  publishedFrom: string;
  /** Before this date the record cannot be repaired. */
  minPublishedUntil: string;
  /** At this date publication stops by itself if the duties are fulfilled. */
  publishedUntil: string;
}

/**
 * The publication window of a record; LIGHTER leniency publishes for the minimum period only, EXEMPTED not at all.
 * It starts on the decision date, or on the registration date (a local calendar date) if the policy says so.
 */
export function publicationWindow(
  decisionDate: string,
  severity: Severity,
  policy: PublicationPolicy,
  leniency: LeniencyKind | 'NONE' = 'NONE',
  registrationDate?: string,
): PublicationWindow {
  const period = policy.periods[severity];
  const maxMonths = leniency === 'EXEMPTED' ? 0 : leniency === 'LIGHTER' ? period.minMonths : period.maxMonths;
  const start = policy.publicationStart === 'REGISTRATION_DATE' && registrationDate ? registrationDate : decisionDate;
  return {
    publishedFrom: start,
    minPublishedUntil: addCalendarMonths(start, Math.min(period.minMonths, maxMonths)),
    publishedUntil: addCalendarMonths(start, maxMonths),
  };
}
