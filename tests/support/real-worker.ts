import { afterAll } from 'vitest';
import { createActivities } from '../../activities/index.js';
import type { TimeScale } from '../../domain/calendar/time-scale.js';
import { createDeadlineCalculator } from '../../lib/calendar/deadline-calculator.js';
import type { PrismaClient } from '../../lib/prisma.js';
import { getTestEnv, startTestWorker, uniqueId, type TestWorker, type TestWorkerOptions } from './test-env.js';

/**
 * The compressed time of test workers unless a test asks for another: a working day is a minute and a month an hour,
 * so no deadline or publication period falls due during an ordinary test. (Time scaling is the worker's setting,
 * TIME_SCALE_* in production configuration terms, never a policy's.)
 */
export const TEST_TIME_SCALE: TimeScale = { secondsPerWorkingDay: 60, secondsPerMonth: 3_600 };

export interface RealWorkerOptions {
  /** The database of the activities: the run's test database unless given (a file's private database). */
  prisma?: PrismaClient;
  /** The worker's compressed time; TEST_TIME_SCALE unless given, `{}` for the real calendar and calendar months. */
  timeScale?: TimeScale;
  /** More worker options (e.g. a patchActivationCallback that keeps a patch off, as older code ran). */
  workerOptions?: Partial<Omit<TestWorkerOptions, 'taskQueue' | 'activities'>>;
}

/** A worker on its own task queue with the product's real activities on the test database. */
export async function startRealWorker(taskQueue: string, options: RealWorkerOptions = {}): Promise<TestWorker> {
  const env = await getTestEnv();
  const prisma = options.prisma ?? env.prisma;
  const deadlines = createDeadlineCalculator(prisma, { timeZone: 'Asia/Shanghai', timeScale: options.timeScale ?? TEST_TIME_SCALE });
  return startTestWorker({ ...options.workerOptions, taskQueue, activities: createActivities({ prisma, deadlines, temporal: env.temporalClient }) });
}

/**
 * Task queues served by real workers of the given compressed time, one worker per distinct scale, started on first
 * use and stopped after the test file. Call at the top level of a file; a test then runs its cases on
 * `await queueFor({ secondsPerWorkingDay: 1 })`.
 */
export function workersByTimeScale(prefix: string): (timeScale: TimeScale) => Promise<string> {
  const queues = new Map<string, Promise<{ taskQueue: string; worker: TestWorker }>>();
  afterAll(async () => {
    for (const started of queues.values()) await (await started).worker.stop();
  });
  return async (timeScale) => {
    const key = JSON.stringify([timeScale.secondsPerWorkingDay ?? null, timeScale.secondsPerMonth ?? null]);
    let started = queues.get(key);
    if (!started) {
      const taskQueue = uniqueId(prefix);
      started = startRealWorker(taskQueue, { timeScale }).then((worker) => ({ taskQueue, worker }));
      queues.set(key, started);
    }
    return (await started).taskQueue;
  };
}
