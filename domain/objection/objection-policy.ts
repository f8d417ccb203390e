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
};

