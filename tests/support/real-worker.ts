import { createActivities } from '../../activities/index.js';
import { createDeadlineCalculator } from '../../lib/calendar/deadline-calculator.js';
import { getTestEnv, startTestWorker, type TestWorker } from './test-env.js';

/** A worker on its own task queue with the product's real activities on the test database. */
export async function startRealWorker(taskQueue: string): Promise<TestWorker> {
  const env = await getTestEnv();
  const deadlines = createDeadlineCalculator(env.prisma, { timeZone: 'Asia/Shanghai' });
  return startTestWorker({ taskQueue, activities: createActivities({ prisma: env.prisma, deadlines, temporal: env.temporalClient }) });
}
