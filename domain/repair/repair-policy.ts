import { z } from 'zod';

/** Materials a repair application must carry (令第36号; 深圳 art. 81 lists them for a single 补正 request). */
export const RepairMaterial = {
  APPLICATION_FORM: 'APPLICATION_FORM',
  CREDIT_COMMITMENT: 'CREDIT_COMMITMENT',
  PERFORMANCE_PROOF: 'PERFORMANCE_PROOF',
  IDENTITY_AUTHORIZATION: 'IDENTITY_AUTHORIZATION',
  OTHER: 'OTHER',
} as const;
export type RepairMaterial = (typeof RepairMaterial)[keyof typeof RepairMaterial];
export const REPAIR_MATERIALS = Object.values(RepairMaterial) as [RepairMaterial, ...RepairMaterial[]];

/**
 * Credit repair (信用修复) rules. Defaults: acceptance 3 WD and decision 3 WD each level (国办发〔2025〕22号,
 * 深圳 art. 82: the deciding unit decides within 3 WD); 补正 pauses the clock and lapses after 10 WD [U];
 * a refused subject may apply again after 30 days [U]; a repair revoked for false materials bars the subject
 * for 12 months [U]; repeated offences are off by default [U].
 */
export const repairPolicySchema = z.object({
  acceptWorkingDays: z.number().int().min(1).max(60),
  reviewWorkingDays: z.number().int().min(1).max(60),
  approveWorkingDays: z.number().int().min(1).max(60),
  correctionWorkingDays: z.number().int().min(1).max(60),
  /** true: after 补正 the acceptance clock starts again; false: it resumes where it paused. */
  correctionRestartsClock: z.boolean(),
  reminderWorkingDaysBefore: z.number().int().min(0).max(30),
  requiredMaterials: z.array(z.enum(REPAIR_MATERIALS)).min(1),
  reapplyAfterDays: z.number().int().min(0).max(3650),
  barAfterRevocationMonths: z.number().int().min(0).max(120),
  /**
   * How long an approved repair can still be revoked for false materials, in calendar months from the approval's
   * local day (民法典 art. 202 [C] for counting; the length itself is [U]: rules.md gives none).
   */
  revocationWindowMonths: z.number().int().min(1).max(120).default(36),
  /** Record sources the rules exclude from repair (law or central policy forbids it). */
  excludedSources: z.array(z.string()).default([]),
  /** Repeated offences: this many records of the subject within `repeatOffenceWindowMonths` bar repair; null = off. */
  repeatOffenceLimit: z.number().int().min(2).max(100).nullable(),
  repeatOffenceWindowMonths: z.number().int().min(1).max(120),
  /**
   * Overall cap from filing to decision, on top of the per-step deadlines: the single window (信用中国) gives its
   * result within 10 WD (国办发〔2025〕22号 [S]); a supervisor may extend it once by 3 WD (深圳 art. 82 [C]: 3 WD,
   * +3 with approval). Passing it escalates to the authority's supervisors; it never decides by itself.
   */
  overallWorkingDays: z.number().int().min(1).max(120).default(10),
  overallExtensionWorkingDays: z.number().int().min(0).max(60).default(3),
  /**
   * Whether the working days a 补正 request leaves the file with the applicant stop the overall cap's clock. rules.md:
   * "Whether 补正 restarts the clock is a policy setting [U]"; the single window's 10 WD (22号 [S]) run while the office
   * holds the file, and acceptance pauses during 补正 (深圳 art. 81 [C]: one complete list), so by default they do not
   * count. false: the cap runs on while the applicant completes the materials.
   */
  correctionPausesOverallCap: z.boolean().default(true),
});
export type RepairPolicy = z.infer<typeof repairPolicySchema>;

// The defaults live in a module without zod, so the workflow bundle (which needs them) does not carry zod.
export { DEFAULT_REPAIR_POLICY } from './repair-policy-default.js';
