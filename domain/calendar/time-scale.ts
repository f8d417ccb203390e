/**
 * Compressed time for tests and demonstrations: a working day, or a calendar month, lasts this many seconds of real
 * time and the calendar is not consulted. A setting of the worker process (TIME_SCALE_SECONDS_PER_WORKING_DAY,
 * TIME_SCALE_SECONDS_PER_MONTH), never of a policy an office edits; a production configuration refuses it
 * (lib/config.ts).
 */
export interface TimeScale {
  secondsPerWorkingDay?: number | undefined;
  secondsPerMonth?: number | undefined;
}

/** Real time: the working-day calendar and calendar months. */
export const REAL_TIME: TimeScale = {};
