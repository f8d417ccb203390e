import { describe, expect, it } from 'vitest';
import { lighterLiftsSuspension, lighterSanctionMonths } from '../../domain/records/lighter-leniency.js';
import { DEFAULT_PUBLICATION_POLICY, leniencyAppliesTo, publicationPolicySchema, type PublicationPolicy } from '../../domain/records/publication-policy.js';
import type { SanctionKind } from '../../domain/records/record-types.js';
import { computeRecordWindow, type RecordWindowRequest } from '../../domain/records/record-window.js';

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

describe('what 从轻 (LIGHTER) does to the suspension (publication policy lighterLeniency, [U] beyond 76号 [C])', () => {
  const request = (overrides: Partial<RecordWindowRequest>): RecordWindowRequest => ({
    decisionDate: '2024-02-29',
    severity: 'GENERAL',
    sanctionKind: 'MAJOR_DEMERIT',
    leniency: 'LIGHTER',
    policy: DEFAULT_PUBLICATION_POLICY,
    registeredAt: '2024-03-01T02:00:00.000Z',
    ...overrides,
  });
  const window = (overrides: Partial<RecordWindowRequest>) => computeRecordWindow(request(overrides), (day) => `${day}T24`, (day) => `${day}T00`);

  it('defaults to a shorter restriction for both kinds of subject, also for policies stored before the setting existed', () => {
    const stored = publicationPolicySchema.parse({ periods: { GENERAL: { minMonths: 3, maxMonths: 12 }, SERIOUS: { minMonths: 12, maxMonths: 36 } } });
    expect(stored.lighterLeniency).toEqual({ bodies: 'MINIMUM_PUBLICATION', civilServants: 'NEXT_LIGHTER_SANCTION' });
    expect(lighterLiftsSuspension(stored, 'GOVERNMENT_BODY')).toBe(false);
    expect(lighterLiftsSuspension(stored, 'CIVIL_SERVANT')).toBe(false);
  });

  it('a policy snapshot without the setting (a run started before it) keeps the old rule: LIGHTER lifts the suspension', () => {
    expect(lighterLiftsSuspension({}, 'GOVERNMENT_BODY')).toBe(true);
    expect(lighterLiftsSuspension({}, 'CIVIL_SERVANT')).toBe(true);
    const legacy: Partial<PublicationPolicy> = { ...DEFAULT_PUBLICATION_POLICY };
    delete legacy.lighterLeniency;
    expect(window({ policy: legacy as PublicationPolicy }).sanctionEndsAt).toBe('2025-08-29T24'); // 18 months
  });

  it('the next lighter sanction gives the period: removal→demotion 24, demotion→major demerit 18, major demerit→demerit 12, demerit→warning 6, warning stays 6', () => {
    expect(['REMOVAL', 'DEMOTION', 'MAJOR_DEMERIT', 'DEMERIT', 'WARNING'].map((k) => lighterSanctionMonths(k as SanctionKind))).toEqual([24, 18, 12, 6, 6]);
  });

  it('counts the lighter period in calendar months from the decision date, a leap day ending on the 28th of February', () => {
    expect(window({}).sanctionEndsAt).toBe('2025-02-28T24'); // demerit's 12 months from 2024-02-29
    expect(window({ leniency: 'NONE' }).sanctionEndsAt).toBe('2025-08-29T24');
    expect(window({ sanctionKind: 'DEMERIT' }).sanctionEndsAt).toBe('2024-08-29T24');
    expect(window({}).publishedUntil).toBe('2024-05-29'); // minimum publication (3 months)
  });

  it('NO_SUSPENSION for civil servants keeps the sanction period as it is and lifts the suspension', () => {
    const policy = { ...DEFAULT_PUBLICATION_POLICY, lighterLeniency: { bodies: 'MINIMUM_PUBLICATION' as const, civilServants: 'NO_SUSPENSION' as const } };
    expect(lighterLiftsSuspension(policy, 'CIVIL_SERVANT')).toBe(true);
    expect(lighterLiftsSuspension(policy, 'GOVERNMENT_BODY')).toBe(false);
    expect(window({ policy }).sanctionEndsAt).toBe('2025-08-29T24');
  });
});
