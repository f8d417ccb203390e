/** A deadline computed from a start instant and a number of working days. */
export interface Deadline {
  /** Start instant (ISO 8601). */
  from: string;
  workingDays: number;
  /** The last day of the period in the calendar's time zone (YYYY-MM-DD). */
  dueDate: string;
  /** The instant the period ends (end of dueDate in the calendar's time zone), ISO 8601. */
  dueAt: string;
  /** True when the count ran into a year whose holiday arrangement is not yet published. */
  provisional: boolean;
  /** Version of the calendar data used, or "scaled" when the worker runs on compressed time (domain/calendar/time-scale.ts). */
  calendarVersion: string;
}

export interface DeadlineRequest {
  from: string;
  workingDays: number;
}
