import { z } from 'zod';

/**
 * 限期整改: no national length, the authority sets it per case (../shared/domain/rules.md). Defaults: written
 * explanation and plan in 5 WD, rectification in 20 WD, reminders 5 WD and 1 WD before, on overdue a supervision
 * notice (督办) at once and, if still unmet after 5 more WD, public criticism (通报批评) with an accountability
 * referral (问责).
 */
export const rectificationPolicySchema = z.object({
  explanationWorkingDays: z.number().int().min(1).max(60),
  rectificationWorkingDays: z.number().int().min(1).max(250),
  reminderWorkingDaysBefore: z.array(z.number().int().min(1).max(60)).max(5),
  criticismAfterWorkingDays: z.number().int().min(1).max(60),
  reviewWorkingDays: z.number().int().min(1).max(60),
});
export type RectificationPolicy = z.infer<typeof rectificationPolicySchema>;

export const DEFAULT_RECTIFICATION_POLICY: RectificationPolicy = {
  explanationWorkingDays: 5,
  rectificationWorkingDays: 20,
  reminderWorkingDaysBefore: [5, 1],
  criticismAfterWorkingDays: 5,
  reviewWorkingDays: 5,
};
