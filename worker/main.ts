import { fileURLToPath } from 'node:url';
import { NativeConnection, Worker } from '@temporalio/worker';
import { createActivities } from '../activities/index.js';
import { createDeadlineCalculator } from '../lib/calendar/deadline-calculator.js';
import { loadConfig } from '../lib/config.js';
import { createLogger } from '../lib/logger.js';
import { createPrismaClient } from '../lib/prisma.js';
import { createTemporalClient } from '../lib/temporal-connection.js';

const config = loadConfig();
const logger = createLogger(config.LOG_LEVEL);
const prisma = createPrismaClient(config.DATABASE_URL);
const connection = await NativeConnection.connect({ address: config.TEMPORAL_ADDRESS });
const temporal = await createTemporalClient({ address: config.TEMPORAL_ADDRESS, namespace: config.TEMPORAL_NAMESPACE });

const worker = await Worker.create({
  connection,
  namespace: config.TEMPORAL_NAMESPACE,
  taskQueue: config.TEMPORAL_TASK_QUEUE,
  workflowsPath: fileURLToPath(new URL('../workflows/index.ts', import.meta.url)),
  activities: createActivities({
    prisma,
    deadlines: createDeadlineCalculator(prisma, { timeZone: config.CALENDAR_TIME_ZONE }),
    temporal,
  }),
});

logger.info({ taskQueue: config.TEMPORAL_TASK_QUEUE }, 'worker started');
// Worker.run() stops on SIGINT/SIGTERM by itself (the SDK installs the signal handlers).
await worker.run();
await connection.close();
await temporal.connection.close();
await prisma.$disconnect();
logger.info('worker stopped');
