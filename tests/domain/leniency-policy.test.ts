import { describe, expect, it } from 'vitest';
import { DEFAULT_PUBLICATION_POLICY, leniencyAppliesTo, publicationPolicySchema } from '../../domain/records/publication-policy.js';

describe('who may be granted 主动纠错 leniency (publication policy leniencySubjects, [U])', () => {
  it('defaults to bodies and civil servants, also for policies stored before the setting existed', () => {
    expect(DEFAULT_PUBLICATION_POLICY.leniencySubjects).toBe('BODIES_AND_CIVIL_SERVANTS');
    const stored = { periods: { GENERAL: { minMonths: 3, maxMonths: 12 }, SERIOUS: { minMonths: 12, maxMonths: 36 } } };
    const parsed = publicationPolicySchema.parse(stored);
    expect(parsed.leniencySubjects).toBe('BODIES_AND_CIVIL_SERVANTS');
    expect(leniencyAppliesTo(parsed, 'GOVERNMENT_BODY')).toBe(true);
    expect(leniencyAppliesTo(parsed, 'CIVIL_SERVANT')).toBe(true);
  });

  it('civil servants only refuses government bodies and keeps civil servants', () => {
    const policy = { ...DEFAULT_PUBLICATION_POLICY, leniencySubjects: 'CIVIL_SERVANTS_ONLY' as const };
    expect(leniencyAppliesTo(policy, 'GOVERNMENT_BODY')).toBe(false);
    expect(leniencyAppliesTo(policy, 'CIVIL_SERVANT')).toBe(true);
  });

  it('rejects an unknown setting', () => {
    expect(() => publicationPolicySchema.parse({ ...DEFAULT_PUBLICATION_POLICY, leniencySubjects: 'EVERYONE' })).toThrow();
  });
});
