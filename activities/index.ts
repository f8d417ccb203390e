import type { DeadlineCalculator } from '../lib/calendar/deadline-calculator.js';
import type { PrismaClient } from '../lib/prisma.js';
import { createDeadlineActivities } from './deadline-activities.js';
import { createObjectionActivities } from './objection-activities.js';

export interface ActivityDeps {
  prisma: PrismaClient;
  deadlines: DeadlineCalculator;
}

/** All activities of the worker, bound to their dependencies. */
export function createActivities(deps: ActivityDeps) {
  return {
    ...createDeadlineActivities(deps.deadlines),
    ...createObjectionActivities(deps.prisma),
  };
}

export type Activities = ReturnType<typeof createActivities>;
