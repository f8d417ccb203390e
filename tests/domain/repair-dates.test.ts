import { describe, expect, it } from 'vitest';
import { barUntilInstant, reapplyFromInstant } from '../../domain/repair/repair-dates.js';

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
});
