import type { Client } from '@temporalio/client';
import type { DeadlineCalculator } from '../lib/calendar/deadline-calculator.js';
import type { PrismaClient } from '../lib/prisma.js';
import { createCommitmentActivities } from './commitment-activities.js';
import { createCommitmentProposalActivities } from './commitment-proposal-activities.js';
import { createDeadlineActivities } from './deadline-activities.js';
import { createEligibilityActivities } from './eligibility-activities.js';
import { createObjectionActivities } from './objection-activities.js';
import { createRectificationActivities } from './rectification-activities.js';
import { createRectificationCancelActivities } from './rectification-cancel-activities.js';
import { createRecordActivities } from './record-activities.js';
import { createRecordEndingActivities } from './record-ending-activities.js';
import { createRepairActivities } from './repair-activities.js';
import { createComplaintActivities } from './complaint-activities.js';

export interface ActivityDeps {
  prisma: PrismaClient;
  deadlines: DeadlineCalculator;
  /** For activities that signal or start other workflows. */
  temporal: Client;
}

/** All activities of the worker, bound to their dependencies. */
export function createActivities(deps: ActivityDeps) {
  return {
    ...createDeadlineActivities(deps.deadlines),
    ...createObjectionActivities(deps.prisma, deps.temporal),
    ...createRecordActivities(deps.prisma, deps.deadlines.timeZone, deps.deadlines.timeScale),
    ...createRecordEndingActivities(deps.prisma, deps.temporal),
    ...createEligibilityActivities(deps.prisma, deps.temporal),
    ...createRepairActivities(deps.prisma, deps.temporal, deps.deadlines),
    ...createRectificationActivities(deps.prisma),
    ...createComplaintActivities(deps.prisma),
    ...createRectificationCancelActivities(deps.temporal),
    ...createCommitmentActivities(deps.prisma, deps.deadlines.timeZone, deps.deadlines.timeScale),
    ...createCommitmentProposalActivities(deps.prisma, deps.deadlines.timeZone),
  };
}

export type Activities = ReturnType<typeof createActivities>;
