import { z } from 'zod';

/**
 * 投诉举报 on government dishonesty (国发〔2016〕76号 [C]: "畅通民意诉求渠道，对政务失信行为进行投诉举报"; the body's
 * superior department or the competent authority verifies). No national rule gives these lengths [U]: the defaults
 * stay inside the frame of 《信访工作条例》(2022) [S] (decide within 15 days whether to take a matter up, conclude
 * within 60 days) and are settings of the COMPLAINT policy row:
 * intake 5 WD [U], verification by the competent authority 20 WD [U], reply to the reporter 5 WD [U],
 * reminder 1 WD before each deadline [U, as every process], escalation to the supervisors when overdue.
 */
export const complaintPolicySchema = z.object({
  intakeWorkingDays: z.number().int().min(1).max(60),
  verificationWorkingDays: z.number().int().min(1).max(120),
  replyWorkingDays: z.number().int().min(1).max(60),
  reminderWorkingDaysBefore: z.number().int().min(0).max(30),
});
export type ComplaintPolicy = z.infer<typeof complaintPolicySchema>;

export const DEFAULT_COMPLAINT_POLICY: ComplaintPolicy = {
  intakeWorkingDays: 5,
  verificationWorkingDays: 20,
  replyWorkingDays: 5,
  reminderWorkingDaysBefore: 1,
};

/** What the report is about (76号 / 1103号 [S]: contracts, arrears, investment promises, judgments not performed). */
export const ComplaintCategory = {
  CONTRACT_NOT_HONOURED: 'CONTRACT_NOT_HONOURED',
  ARREARS_TO_FIRM: 'ARREARS_TO_FIRM',
  POLICY_PROMISE_BROKEN: 'POLICY_PROMISE_BROKEN',
  JUDGMENT_NOT_PERFORMED: 'JUDGMENT_NOT_PERFORMED',
  OTHER: 'OTHER',
} as const;
export type ComplaintCategory = (typeof ComplaintCategory)[keyof typeof ComplaintCategory];

// In a module without zod, so the workflow bundle (which needs it) does not carry zod.
export { ComplaintFinding } from './complaint-finding.js';
