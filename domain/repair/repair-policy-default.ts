import type { RepairPolicy } from './repair-policy.js';

/** The repair policy's defaults (their sources: repair-policy.ts). */
export const DEFAULT_REPAIR_POLICY: RepairPolicy = {
  acceptWorkingDays: 3,
  reviewWorkingDays: 3,
  approveWorkingDays: 3,
  correctionWorkingDays: 10,
  correctionRestartsClock: false,
  reminderWorkingDaysBefore: 1,
  requiredMaterials: ['APPLICATION_FORM', 'CREDIT_COMMITMENT', 'PERFORMANCE_PROOF', 'IDENTITY_AUTHORIZATION'],
  reapplyAfterDays: 30,
  barAfterRevocationMonths: 12,
  revocationWindowMonths: 36,
  excludedSources: [],
  repeatOffenceLimit: null,
  repeatOffenceWindowMonths: 24,
  overallWorkingDays: 10,
  overallExtensionWorkingDays: 3,
  correctionPausesOverallCap: true,
};
