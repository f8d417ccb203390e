import type { DeadlineCalculator } from '../lib/calendar/deadline-calculator.js';
import type { StepDeadline, StepDeadlineRequest } from '../workflows/shared/human-step.js';

export function createDeadlineActivities(deadlines: DeadlineCalculator) {
  return {
    /** The step's due date and the reminder before it, from the working-day calendar (or the worker's compressed time). */
    async computeStepDeadline(request: StepDeadlineRequest): Promise<StepDeadline> {
      const reminderDays = request.workingDays - request.reminderWorkingDaysBefore;
      const withReminder = request.reminderWorkingDaysBefore > 0 && reminderDays >= 0;
      // Both at once: each reads the calendar's revision (one database round trip), so the step waits for one.
      const [deadline, reminder] = await Promise.all([
        deadlines.compute({ from: request.from, workingDays: request.workingDays }),
        withReminder ? deadlines.compute({ from: request.from, workingDays: reminderDays }) : null,
      ]);
      if (!reminder) return { deadline, remindAt: null };
      // "1 WD before" the end of the last day is the end of the day before it; 0 days means the start day.
      return { deadline, remindAt: reminder.dueAt < deadline.dueAt ? reminder.dueAt : null };
    },
  };
}
