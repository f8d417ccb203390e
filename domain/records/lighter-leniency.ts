/** What 从轻 (LIGHTER leniency) does to the subject's suspension; pure, so workflow code may use it (no zod). */
import { SANCTION_MONTHS, type SanctionKind } from './record-types.js';

/** publication policy `lighterLeniency` (see publication-policy.ts for the defaults and their sources). */
export interface LighterLeniency {
  bodies: 'MINIMUM_PUBLICATION' | 'NO_SUSPENSION';
  civilServants: 'NEXT_LIGHTER_SANCTION' | 'NO_SUSPENSION';
}

export type SubjectKind = 'GOVERNMENT_BODY' | 'CIVIL_SERVANT';

/**
 * Whether LIGHTER leniency lifts the subject's suspension at once. A policy snapshot without the setting (a run
 * started before it existed) keeps the old rule: lifted.
 */
export function lighterLiftsSuspension(policy: { lighterLeniency?: LighterLeniency | undefined }, subjectKind: SubjectKind): boolean {
  const setting = policy.lighterLeniency;
  if (!setting) return true;
  return (subjectKind === 'CIVIL_SERVANT' ? setting.civilServants : setting.bodies) === 'NO_SUSPENSION';
}

/**
 * The months a civil servant's 评优评先 restriction lasts under LIGHTER leniency with `NEXT_LIGHTER_SANCTION`: those of
 * the next lighter sanction kind (政务处分法 art. 8 [C] periods; the mapping is [U]). A warning is the lightest kind
 * and keeps its 6 months; removal's next lighter kind is demotion (24 months, the same).
 */
export function lighterSanctionMonths(kind: SanctionKind): number {
  const order: SanctionKind[] = ['WARNING', 'DEMERIT', 'MAJOR_DEMERIT', 'DEMOTION', 'REMOVAL'];
  const lighter = order[Math.max(0, order.indexOf(kind) - 1)]!;
  return SANCTION_MONTHS[lighter];
}
