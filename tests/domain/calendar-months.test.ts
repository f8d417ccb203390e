import { describe, expect, it } from 'vitest';
import { addCalendarMonths, addCalendarMonthsToInstant } from '../../domain/records/calendar-months.js';

describe('calendar months (民法典 art. 202): the same day of the last month, or its last day', () => {
  it('a month end lands on the last day of a shorter month, never in the month after', () => {
    expect(addCalendarMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addCalendarMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addCalendarMonths('2026-03-31', 1)).toBe('2026-04-30');
    expect(addCalendarMonths('2026-08-31', 6)).toBe('2027-02-28');
    expect(addCalendarMonths('2026-01-30', 1)).toBe('2026-02-28');
  });

  it('a leap day plus whole years lands on 28 February, and on 29 February in the next leap year', () => {
    expect(addCalendarMonths('2024-02-29', 12)).toBe('2025-02-28');
    expect(addCalendarMonths('2024-02-29', 48)).toBe('2028-02-29');
    expect(addCalendarMonths('2027-01-31', 13)).toBe('2028-02-29');
  });

  it('counts backwards across year ends and month ends', () => {
    expect(addCalendarMonths('2026-03-31', -1)).toBe('2026-02-28');
    expect(addCalendarMonths('2024-02-29', -12)).toBe('2023-02-28');
    expect(addCalendarMonths('2026-01-15', -13)).toBe('2024-12-15');
    expect(addCalendarMonths('2026-12-31', 0)).toBe('2026-12-31');
  });

  it('an instant moves by the same rule on its UTC date and keeps its time of day', () => {
    expect(addCalendarMonthsToInstant(new Date('2026-01-31T10:15:00.000Z'), 1).toISOString()).toBe('2026-02-28T10:15:00.000Z');
    expect(addCalendarMonthsToInstant(new Date('2024-02-29T23:59:59.999Z'), 12).toISOString()).toBe('2025-02-28T23:59:59.999Z');
    expect(addCalendarMonthsToInstant(new Date('2026-05-31T00:00:00.000Z'), -3).toISOString()).toBe('2026-02-28T00:00:00.000Z');
  });
});
