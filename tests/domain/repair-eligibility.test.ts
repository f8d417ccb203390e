import { describe, expect, it } from 'vitest';
import { checkRepairEligibility, type RepairFacts } from '../../domain/repair/repair-eligibility.js';
import { DEFAULT_REPAIR_POLICY } from '../../domain/repair/repair-policy.js';

function facts(minPublishedUntil: string | null): RepairFacts {
  return {
    record: { status: 'ACTIVE', source: 'COURT_JUDGMENT', minPublishedUntil, rectificationStatus: 'NOT_REQUIRED', leniency: 'NONE' },
    openApplicationId: null,
    reapplyFrom: null,
    barredUntil: null,
    recentRecordCount: 0,
  };
}

describe('the minimum publication period before repair (民法典 arts. 201–202)', () => {
  it('is not served on its last day: repair opens the day after', () => {
    const lastDay = checkRepairEligibility(facts('2026-04-30'), DEFAULT_REPAIR_POLICY, '2026-04-30');
    expect(lastDay.repairable).toBe(false);
    expect(lastDay.obstacles).toEqual([expect.objectContaining({ code: 'MIN_PERIOD_NOT_SERVED', from: '2026-05-01' })]);
    expect(lastDay.earliestFrom).toBe('2026-05-01');
    expect(checkRepairEligibility(facts('2026-04-30'), DEFAULT_REPAIR_POLICY, '2026-05-01').repairable).toBe(true);
  });

  it('runs over a year end and a leap day like any other day', () => {
    expect(checkRepairEligibility(facts('2026-12-31'), DEFAULT_REPAIR_POLICY, '2026-12-31').earliestFrom).toBe('2027-01-01');
    expect(checkRepairEligibility(facts('2028-02-29'), DEFAULT_REPAIR_POLICY, '2028-02-29').earliestFrom).toBe('2028-03-01');
  });

  it('a record without a known minimum period cannot be repaired', () => {
    const unknown = checkRepairEligibility(facts(null), DEFAULT_REPAIR_POLICY, '2030-01-01');
    expect(unknown.repairable).toBe(false);
    expect(unknown.obstacles.map((o) => o.code)).toEqual(['MIN_PERIOD_NOT_SERVED']);
    expect(unknown.earliestFrom).toBeNull();
  });
});
