import { describe, expect, it } from 'vitest';
import { estimatedHolidays } from '../../lib/calendar/estimated-holidays.js';

describe('statutory holidays of a year without a published arrangement (全国年节及纪念日放假办法, 2024)', () => {
  it('matches the published 2025 and 2026 arrangements on every statutory day', () => {
    // 2025: 元旦 1-1; 春节 1-28 (除夕) to 1-31; 清明 4-4; 劳动节 5-1, 5-2; 端午 5-31; 中秋 10-6; 国庆 10-1 to 10-3.
    expect([...estimatedHolidays(2025).keys()].sort()).toEqual(
      ['2025-01-01', '2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31', '2025-04-04', '2025-05-01', '2025-05-02', '2025-05-31', '2025-10-01', '2025-10-02', '2025-10-03', '2025-10-06'].sort(),
    );
    expect(estimatedHolidays(2026).get('2026-02-16')).toBe('春节（除夕）（预估）');
    expect(estimatedHolidays(2026).has('2026-09-25')).toBe(true); // 中秋
  });

  it('estimates 2027 from the lunar calendar: 春节 from 除夕 2027-02-05, 端午 06-09, 中秋 09-15', () => {
    const days = estimatedHolidays(2027);
    expect(days.size).toBe(13);
    for (const date of ['2027-01-01', '2027-02-05', '2027-02-06', '2027-02-08', '2027-04-05', '2027-05-01', '2027-06-09', '2027-09-15', '2027-10-03']) {
      expect(days.has(date)).toBe(true);
    }
  });
});
