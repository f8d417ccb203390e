import { describe, expect, it } from 'vitest';
import { barUntilInstant, reapplyFromInstant, revocationWindowEndsAt } from '../../domain/repair/repair-dates.js';

// 01:30 on 2026-03-02 in Beijing, still 2026-03-01 in UTC.
const NIGHT = new Date('2026-03-01T17:30:00Z');

describe('repair dates are calendar days in the office zone', () => {
  it('a refusal at 01:30 Beijing time counts its days from the Beijing date', () => {
    expect(reapplyFromInstant(NIGHT, 30, 'Asia/Shanghai')).toBe('2026-03-31T16:00:00.000Z'); // 2026-04-01 00:00 +08:00
    expect(reapplyFromInstant(new Date('2026-12-31T16:30:00Z'), 1, 'Asia/Shanghai')).toBe('2027-01-01T16:00:00.000Z');
  });

  it('a bar after a revoked repair runs whole calendar months, to the end of the last day', () => {
    // 2026-03-02 + 12 months = 2027-03-02 (last day); the bar ends at 2027-03-03 00:00 Beijing time.
    expect(barUntilInstant(NIGHT, 12, 'Asia/Shanghai')).toBe('2027-03-02T16:00:00.000Z');
    // From a month end into a leap February: 2027-01-31 + 13 months = 2028-02-29.
    expect(barUntilInstant(new Date('2027-01-31T02:00:00Z'), 13, 'Asia/Shanghai')).toBe('2028-02-29T16:00:00.000Z');
  });

  it('an approved repair can be revoked for 36 calendar months, not 3 × 365 days, through the end of the last day', () => {
    // Approved 2024-02-29 10:00 Beijing: + 36 months = 2027-02-28 (no 29th); the window closes 2027-03-01 00:00 Beijing.
    const approvedOnLeapDay = new Date('2024-02-29T02:00:00Z');
    const endsAt = revocationWindowEndsAt(approvedOnLeapDay, 36, 'Asia/Shanghai');
    expect(endsAt).toBe('2027-02-28T16:00:00.000Z');
    // 3 × 365 days would have ended on 2027-02-28 10:00 Beijing: before the last day was over.
    expect(Date.parse(endsAt) - approvedOnLeapDay.getTime()).toBeGreaterThan(3 * 365 * 86_400_000);
    // Approved at 01:30 Beijing (still the previous day in UTC): counted from the Beijing date.
    expect(revocationWindowEndsAt(NIGHT, 36, 'Asia/Shanghai')).toBe('2029-03-02T16:00:00.000Z');
  });
});
