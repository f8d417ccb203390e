import { createActivities } from '../../activities/index.js';
import { createDeadlineCalculator } from '../../lib/calendar/deadline-calculator.js';
import type { PrismaClient } from '../../lib/prisma.js';
import { getTestEnv, startTestWorker, type TestWorker } from './test-env.js';

export interface RealWorkerOptions {
  /** The database of the activities: the run's test database unless given (a file's private database). */
  prisma?: PrismaClient;
}

/** A worker on its own task queue with the product's real activities on the test database. */
export async function startRealWorker(taskQueue: string, options: RealWorkerOptions = {}): Promise<TestWorker> {
  const env = await getTestEnv();
  const prisma = options.prisma ?? env.prisma;
  const deadlines = createDeadlineCalculator(prisma, { timeZone: 'Asia/Shanghai' });
  return startTestWorker({ taskQueue, activities: createActivities({ prisma, deadlines, temporal: env.temporalClient }) });
}
