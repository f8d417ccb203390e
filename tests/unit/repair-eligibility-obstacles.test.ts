/**
 * The other repair conditions beside the minimum period (tests/domain/repair-eligibility.test.ts covers that one):
 * each obstacle on its own, and when the answer can name the earliest date from which repair is possible.
 */
import { describe, expect, it } from 'vitest';
import { checkRepairEligibility, type RepairFacts } from '../../domain/repair/repair-eligibility.js';
import { DEFAULT_REPAIR_POLICY, type RepairPolicy } from '../../domain/repair/repair-policy.js';

const TODAY = '2026-11-30';

function facts(overrides: { record?: Partial<RepairFacts['record']> } & Partial<Omit<RepairFacts, 'record'>> = {}): RepairFacts {
  const { record, ...rest } = overrides;
  return {
    record: { status: 'ACTIVE', source: 'COURT_JUDGMENT', minPublishedUntil: '2026-06-01', rectificationStatus: 'NOT_REQUIRED', leniency: 'NONE', ...record },
    openApplicationId: null,
    reapplyFrom: null,
    barredUntil: null,
    recentRecordCount: 0,
    ...rest,
  };
}

const check = (f: RepairFacts, policy: Partial<RepairPolicy> = {}) => checkRepairEligibility(f, { ...DEFAULT_REPAIR_POLICY, ...policy }, TODAY);
const codes = (f: RepairFacts, policy: Partial<RepairPolicy> = {}) => check(f, policy).obstacles.map((o) => o.code);

describe('repair eligibility: the conditions besides the minimum period', () => {
  it('an active record whose period is served, without rectification due or other obstacles, is repairable now', () => {
    expect(check(facts())).toEqual({ repairable: true, obstacles: [], earliestFrom: null });
  });

  it('names each obstacle on its own', () => {
    expect(codes(facts({ record: { status: 'REPAIRED' } }))).toEqual(['RECORD_NOT_ACTIVE']);
    expect(codes(facts({ record: { leniency: 'EXEMPTED' } }))).toEqual(['NOT_PUBLISHED_RECORD']);
    expect(codes(facts({ record: { source: 'ADMINISTRATIVE_PENALTY' } }), { excludedSources: ['ADMINISTRATIVE_PENALTY'] })).toEqual(['EXCLUDED_KIND']);
    expect(codes(facts({ record: { rectificationStatus: 'PENDING' } }))).toEqual(['RECTIFICATION_NOT_COMPLETED']);
    expect(codes(facts({ record: { rectificationStatus: 'OVERDUE' } }))).toEqual(['RECTIFICATION_NOT_COMPLETED']);
    expect(codes(facts({ record: { rectificationStatus: 'RECTIFIED' } }))).toEqual([]);
    expect(codes(facts({ openApplicationId: 'REP-1' }))).toEqual(['APPLICATION_OPEN']);
    expect(codes(facts({ recentRecordCount: 3 }), { repeatOffenceLimit: 3 })).toEqual(['REPEATED_OFFENCES']);
    expect(codes(facts({ recentRecordCount: 2 }), { repeatOffenceLimit: 3 })).toEqual([]);
    expect(codes(facts({ recentRecordCount: 50 }))).toEqual([]); // the default policy has no repeat-offence limit
  });

  it('a refusal and a bar end with time: they block until their date, not on it', () => {
    expect(check(facts({ reapplyFrom: '2026-12-30' })).obstacles).toEqual([expect.objectContaining({ code: 'RECENTLY_REFUSED', from: '2026-12-30' })]);
    expect(codes(facts({ reapplyFrom: TODAY }))).toEqual([]);
    expect(check(facts({ barredUntil: '2027-11-30' })).obstacles).toEqual([expect.objectContaining({ code: 'BARRED', from: '2027-11-30' })]);
    expect(codes(facts({ barredUntil: TODAY }))).toEqual([]);
  });

  it('the earliest date is the latest end of obstacles that all end with time', () => {
    const waiting = check(facts({ record: { minPublishedUntil: '2027-01-15' }, reapplyFrom: '2026-12-30', barredUntil: '2027-03-01' }));
    expect(waiting.repairable).toBe(false);
    expect(waiting.obstacles.map((o) => o.code)).toEqual(['MIN_PERIOD_NOT_SERVED', 'RECENTLY_REFUSED', 'BARRED']);
    expect(waiting.earliestFrom).toBe('2027-03-01');
  });

  it('no earliest date while any obstacle does not end by itself', () => {
    const blocked = check(facts({ reapplyFrom: '2026-12-30', record: { rectificationStatus: 'PENDING' } }));
    expect(blocked.obstacles.map((o) => o.code)).toEqual(['RECTIFICATION_NOT_COMPLETED', 'RECENTLY_REFUSED']);
    expect(blocked.earliestFrom).toBeNull();
  });
});
