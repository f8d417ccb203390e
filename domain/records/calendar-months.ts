/**
 * Adds calendar months to a date (民法典 art. 202): the period ends on the same day of the last month, or on that
 * month's last day when it has no such day (2025-01-31 + 1 month = 2025-02-28).
 */
export function addCalendarMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const monthIndex = m - 1 + months;
  const year = y + Math.floor(monthIndex / 12);
  const month = ((monthIndex % 12) + 12) % 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const day = Math.min(d, lastDay);
  return `${year}-${String(month + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** An instant plus calendar months by the same rule, on its UTC date; the time of day stays. */
export function addCalendarMonthsToInstant(instant: Date, months: number): Date {
  const iso = instant.toISOString();
  return new Date(`${addCalendarMonths(iso.slice(0, 10), months)}${iso.slice(10)}`);
}
