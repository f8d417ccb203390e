import type { DeadlineCalculator } from '../lib/calendar/deadline-calculator.js';
import type { StepDeadline, StepDeadlineRequest } from '../workflows/shared/human-step.js';

export function createDeadlineActivities(deadlines: DeadlineCalculator) {
  return {
    /** The step's due date and the reminder before it, from the working-day calendar (or the worker's compressed time). */
    async computeStepDeadline(request: StepDeadlineRequest): Promise<StepDeadline> {
      const deadline = await deadlines.compute({ from: request.from, workingDays: request.workingDays });
      const reminderDays = request.workingDays - request.reminderWorkingDaysBefore;
      if (request.reminderWorkingDaysBefore <= 0 || reminderDays < 0) return { deadline, remindAt: null };
      const reminder = await deadlines.compute({ from: request.from, workingDays: reminderDays });
      // "1 WD before" the end of the last day is the end of the day before it; 0 days means the start day.
      return { deadline, remindAt: reminder.dueAt < deadline.dueAt ? reminder.dueAt : null };
    },
  };
}
