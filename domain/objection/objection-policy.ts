import { z } from 'zod';

/**
 * Deadlines and rules of the objection process. Defaults follow ../shared/domain/rules.md:
 * accept 1 WD, decide 5 WD (上海, 浙江), extension up to 20 WD in total with a supervisor's approval (浙江),
 * reminder 1 WD before each deadline, escalation on overdue, one second review (复核) after a rejection.
 */
export const objectionPolicySchema = z.object({
  acceptWorkingDays: z.number().int().min(1).max(60),
  verifyWorkingDays: z.number().int().min(1).max(60),
  /** The total verification time, extensions included, may not exceed this. */
  verifyMaxTotalWorkingDays: z.number().int().min(1).max(120),
  reminderWorkingDaysBefore: z.number().int().min(0).max(30),
  secondReviewAllowed: z.boolean(),
  secondReviewRequestWorkingDays: z.number().int().min(1).max(60),
  secondReviewWorkingDays: z.number().int().min(1).max(60),
  /**
   * 补正: staff may ask once, in one request listing every missing item (深圳 art. 81 [C], one complete list), for
   * missing material before accepting; the applicant has this many working days (default 10, as repair's 补正 [U]),
   * after which the objection is not accepted. The acceptance clock stands still meanwhile.
   */
  correctionWorkingDays: z.number().int().min(1).max(60).default(10),
  /** true: after 补正 the acceptance clock starts again; false (default): it resumes where it stopped [U] (rules.md: a setting). */
  correctionRestartsClock: z.boolean().default(false),
  /**
   * Causes for which staff may stop verification's clock; the working days it stands still do not count toward the
   * decision deadline (河南 2019 art. 41–43 [C]: time for appraisal or expert review does not count). [] = no stops.
   */
  clockStopCauses: z.array(z.enum(['APPRAISAL', 'EXPERT_REVIEW'])).default(['APPRAISAL', 'EXPERT_REVIEW']),
});
export type ObjectionPolicy = z.infer<typeof objectionPolicySchema>;

export const DEFAULT_OBJECTION_POLICY: ObjectionPolicy = {
  acceptWorkingDays: 1,
  verifyWorkingDays: 5,
  verifyMaxTotalWorkingDays: 20,
  reminderWorkingDaysBefore: 1,
  secondReviewAllowed: true,
  secondReviewRequestWorkingDays: 5,
  secondReviewWorkingDays: 5,
  correctionWorkingDays: 10,
  correctionRestartsClock: false,
  clockStopCauses: ['APPRAISAL', 'EXPERT_REVIEW'],
};

/** Why verification's clock may stand still (河南 [C]). */
export type ClockStopCause = 'APPRAISAL' | 'EXPERT_REVIEW';

