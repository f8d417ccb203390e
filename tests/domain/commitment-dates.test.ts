import { describe, expect, it } from 'vitest';
import { commitmentDueDates, MAX_COMMITMENT_CHECKS, worstOutcome } from '../../domain/commitment/commitment-types.js';

describe('commitment due dates and standing', () => {
  it('a single due date is one check', () => {
    expect(commitmentDueDates('2026-12-31')).toEqual(['2026-12-31']);
  });

  it('a recurring check falls every N calendar months up to the end date, month ends clamped (民法典 art. 202)', () => {
    expect(commitmentDueDates('2026-01-31', { everyMonths: 1, endsOn: '2026-04-30' })).toEqual(['2026-01-31', '2026-02-28', '2026-03-31', '2026-04-30']);
    expect(commitmentDueDates('2026-03-15', { everyMonths: 6, endsOn: '2027-03-14' })).toEqual(['2026-03-15', '2026-09-15']);
  });

  it('refuses a recurrence with more than the maximum number of checks', () => {
    expect(commitmentDueDates('2026-01-01', { everyMonths: 1, endsOn: '2030-12-01' })).toHaveLength(MAX_COMMITMENT_CHECKS);
    expect(commitmentDueDates('2026-01-01', { everyMonths: 1, endsOn: '2031-01-01' })).toBeNull();
  });

  it('a commitment stands as its worst check: broken over late over kept', () => {
    expect(worstOutcome(['KEPT', 'KEPT'])).toBe('KEPT');
    expect(worstOutcome(['KEPT', 'LATE', 'KEPT'])).toBe('LATE');
    expect(worstOutcome(['LATE', 'BROKEN'])).toBe('BROKEN');
  });
});
