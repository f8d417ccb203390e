/** Why a subject is not eligible now: one record (or sanction period) and until when it blocks. */
export interface EligibilityBlocker {
  recordId: string;
  /** HONOR_EVALUATION for a government body (荣誉评选资格), AWARDS for a civil servant (评优评先). */
  restriction: EligibilityRestriction;
  since: string;
  /** ISO instant when the block ends by itself; null while it lasts until repair, revocation or deletion. */
  until: string | null;
  reason: string;
}

export const EligibilityRestriction = { HONOR_EVALUATION: 'HONOR_EVALUATION', AWARDS: 'AWARDS' } as const;
export type EligibilityRestriction = (typeof EligibilityRestriction)[keyof typeof EligibilityRestriction];

export interface EligibilityAnswer {
  subjectId: string;
  eligible: boolean;
  restriction: EligibilityRestriction;
  blockers: EligibilityBlocker[];
  /** When the last blocker ends by itself; null if eligible or if a blocker has no end. */
  expectedEnd: string | null;
  asOf: string;
}

/** Eligibility is derived, never a flag: ineligible while any blocker is in force at `now`. */
export function answerEligibility(
  subjectId: string,
  restriction: EligibilityRestriction,
  blockers: readonly EligibilityBlocker[],
  now: Date,
): EligibilityAnswer {
  const active = blockers
    .filter((b) => b.until === null || Date.parse(b.until) > now.getTime())
    .sort((a, b) => (a.until ?? '9999').localeCompare(b.until ?? '9999'));
  const openEnded = active.some((b) => b.until === null);
  const last = active.at(-1);
  return {
    subjectId,
    eligible: active.length === 0,
    restriction,
    blockers: active,
    expectedEnd: active.length === 0 || openEnded || !last ? null : last.until,
    asOf: now.toISOString(),
  };
}
