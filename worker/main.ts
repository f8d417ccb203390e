import { fileURLToPath } from 'node:url';
import { NativeConnection, Worker } from '@temporalio/worker';
import { createActivities } from '../activities/index.js';
import { createDeadlineCalculator } from '../lib/calendar/deadline-calculator.js';
import { loadConfig, temporalKeysOf } from '../lib/config.js';
import { createLogger } from '../lib/logger.js';
import { OutboxDispatcher } from '../lib/outbox/outbox-dispatcher.js';
import { createPrismaClient } from '../lib/prisma.js';
import { createTemporalClient, temporalDataConverter } from '../lib/temporal-connection.js';
import { signedActionBundlerOptions, WORKFLOW_INTERCEPTOR_MODULES } from '../lib/temporal-security/workflow-bundle.js';

const config = loadConfig();
const keys = temporalKeysOf(config);
const logger = createLogger(config.LOG_LEVEL);
const prisma = createPrismaClient(config.DATABASE_URL);
const connection = await NativeConnection.connect({ address: config.TEMPORAL_ADDRESS });
const temporal = await createTemporalClient({ address: config.TEMPORAL_ADDRESS, namespace: config.TEMPORAL_NAMESPACE, keys });

const worker = await Worker.create({
  connection,
  namespace: config.TEMPORAL_NAMESPACE,
  taskQueue: config.TEMPORAL_TASK_QUEUE,
  workflowsPath: fileURLToPath(new URL('../workflows/index.ts', import.meta.url)),
  bundlerOptions: signedActionBundlerOptions(keys),
  interceptors: { workflowModules: WORKFLOW_INTERCEPTOR_MODULES },
  dataConverter: temporalDataConverter(keys),
  activities: createActivities({
    prisma,
    deadlines: createDeadlineCalculator(prisma, { timeZone: config.CALENDAR_TIME_ZONE }),
    temporal,
  }),
});

const outbox = config.NOTIFY_WEBHOOK_URL
  ? new OutboxDispatcher(prisma, {
      webhookUrl: config.NOTIFY_WEBHOOK_URL,
      maxAttempts: config.OUTBOX_MAX_ATTEMPTS,
      pollMs: config.OUTBOX_POLL_MS,
      logger,
    })
  : null;
outbox?.start();
logger.info({ taskQueue: config.TEMPORAL_TASK_QUEUE, actionPublicKey: keys.signing.publicKeyHex, outbox: outbox ? 'delivering' : 'no NOTIFY_WEBHOOK_URL: messages wait' }, 'worker started');
// Worker.run() stops on SIGINT/SIGTERM by itself (the SDK installs the signal handlers).
await worker.run();
await outbox?.stop();
await connection.close();
await temporal.connection.close();
await prisma.$disconnect();
logger.info('worker stopped');
