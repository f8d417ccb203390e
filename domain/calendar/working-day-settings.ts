/** Working-day settings the rules leave to offices (rules.md, "Working days"). Pure, no I/O. */
import { z } from 'zod';

const CLOSE_OF_BUSINESS = /^([01]\d|2[0-3]):[0-5]\d$/;

export const workingDaySettingsSchema = z.object({
  /**
   * Whether make-up working days (调休上班, a WORKDAY on a weekend) count as working days. Default true: they are
   * official working days under the State Council's yearly arrangement notices [C], and rules.md says deadlines
   * include them ("keep it a setting").
   */
  countAdjustedWorkdays: z.boolean().default(true),
  /**
   * When a deadline's last day ends: "24:00" or a close-of-business time "HH:MM" in the calendar's zone. 民法典
   * art. 203 [C]: the last day ends at 24:00, or where there are business hours, when business stops; which one an
   * office applies is its choice [U]. Default 24:00.
   */
  dayEndsAt: z.union([z.literal('24:00'), z.string().regex(CLOSE_OF_BUSINESS, 'must be 24:00 or HH:MM')]).default('24:00'),
});
export type WorkingDaySettings = z.infer<typeof workingDaySettingsSchema>;

export const DEFAULT_WORKING_DAY_SETTINGS: WorkingDaySettings = { countAdjustedWorkdays: true, dayEndsAt: '24:00' };

/** Minutes after local midnight at which the last day of a period ends (1440 for 24:00). */
export function dayEndMinutes(settings: Pick<WorkingDaySettings, 'dayEndsAt'>): number {
  const [hours, minutes] = settings.dayEndsAt.split(':').map(Number);
  return (hours ?? 24) * 60 + (minutes ?? 0);
}
