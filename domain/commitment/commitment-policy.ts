import { z } from 'zod';

/**
 * 守信践诺 checks. 76号 [C] asks that commitments be recorded and their performance evaluated; no national rule gives
 * a length for the check [U], so it is a setting: the supervising authority checks within 10 WD of the due date (or of
 * the body's report that it is fulfilled), reminded 1 WD before, escalated to a supervisor when overdue.
 */
export const commitmentPolicySchema = z.object({
  checkWorkingDays: z.number().int().min(1).max(60),
  reminderWorkingDaysBefore: z.number().int().min(0).max(30),
});
export type CommitmentPolicy = z.infer<typeof commitmentPolicySchema>;

export const DEFAULT_COMMITMENT_POLICY: CommitmentPolicy = {
  checkWorkingDays: 10,
  reminderWorkingDaysBefore: 1,
};
