import { z } from 'zod';
import { Severity } from '../records/record-types.js';

/**
 * 守信践诺 checks. 76号 [C] asks that commitments be recorded and their performance evaluated; no national rule gives
 * a length for the check [U], so it is a setting: the supervising authority checks within 10 WD of the due date (or of
 * the body's report that it is fulfilled), reminded 1 WD before, escalated to a supervisor when overdue; a broken
 * commitment is proposed as a GENERAL record (一般失信; the confirming reviewer of the authority decides).
 */
export const commitmentPolicySchema = z.object({
  checkWorkingDays: z.number().int().min(1).max(60),
  reminderWorkingDaysBefore: z.number().int().min(0).max(30),
  /** The severity a broken commitment's record proposal carries (the confirming reviewer sees it) [U]. */
  brokenSeverity: z.enum([Severity.MINOR, Severity.GENERAL, Severity.SERIOUS]).default(Severity.GENERAL),
});
export type CommitmentPolicy = z.infer<typeof commitmentPolicySchema>;

export const DEFAULT_COMMITMENT_POLICY: CommitmentPolicy = {
  checkWorkingDays: 10,
  reminderWorkingDaysBefore: 1,
  brokenSeverity: Severity.GENERAL,
};
