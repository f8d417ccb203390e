import { fileURLToPath } from 'node:url';
import { NativeConnection, Worker } from '@temporalio/worker';
import { createActivities } from '../activities/index.js';
import { createDeadlineCalculator } from '../lib/calendar/deadline-calculator.js';
import { CheckpointScheduler } from '../lib/audit/checkpoint/checkpoint-scheduler.js';
import { loadOrCreateSigningKey } from '../lib/audit/checkpoint/signing-key.js';
import { auditSigningKeyFileOf, loadConfig, temporalKeysOf, timeScaleOf } from '../lib/config.js';
import { createLogger } from '../lib/logger.js';
import { workerTracing } from '../lib/observability/temporal-tracing.js';
import { startTracing, tracingOptionsOf } from '../lib/observability/tracing.js';
import { installWorkerRuntime } from '../lib/observability/worker-runtime.js';
import { OutboxDispatcher } from '../lib/outbox/outbox-dispatcher.js';
import { createPrismaClient } from '../lib/prisma.js';
import { createTemporalClient, temporalDataConverter } from '../lib/temporal-connection.js';
import { workflowBundlerOptions, WORKFLOW_INTERCEPTOR_MODULES } from '../lib/temporal-security/workflow-bundle.js';

const config = loadConfig();
const keys = temporalKeysOf(config);
const logger = createLogger(config.LOG_LEVEL);
installWorkerRuntime({ logger, logLevel: config.LOG_LEVEL, metricsBindAddress: config.TEMPORAL_METRICS_BIND_ADDRESS });
const tracing = startTracing(tracingOptionsOf(config, 'credit-engine-worker'));
const traced = workerTracing(tracing);
const prisma = createPrismaClient(config.DATABASE_URL);
const connection = await NativeConnection.connect({ address: config.TEMPORAL_ADDRESS });
const temporal = await createTemporalClient({ address: config.TEMPORAL_ADDRESS, namespace: config.TEMPORAL_NAMESPACE, keys, tracing });

const worker = await Worker.create({
  connection,
  namespace: config.TEMPORAL_NAMESPACE,
  taskQueue: config.TEMPORAL_TASK_QUEUE,
  maxCachedWorkflows: config.WORKER_MAX_CACHED_WORKFLOWS,
  workflowsPath: fileURLToPath(new URL('../workflows/index.ts', import.meta.url)),
  bundlerOptions: workflowBundlerOptions(keys),
  interceptors: { workflowModules: [...WORKFLOW_INTERCEPTOR_MODULES, ...traced.workflowModules], activity: traced.activity },
  sinks: traced.sinks,
  dataConverter: temporalDataConverter(keys),
  activities: createActivities({
    prisma,
    deadlines: createDeadlineCalculator(prisma, {
      timeZone: config.CALENDAR_TIME_ZONE,
      settings: { countAdjustedWorkdays: config.CALENDAR_COUNT_ADJUSTED_WORKDAYS, dayEndsAt: config.CALENDAR_DAY_ENDS_AT },
      timeScale: timeScaleOf(config),
    }),
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
const checkpoints =
  config.AUDIT_CHECKPOINT_INTERVAL_MS > 0
    ? new CheckpointScheduler(prisma, loadOrCreateSigningKey(auditSigningKeyFileOf(config)), { intervalMs: config.AUDIT_CHECKPOINT_INTERVAL_MS, logger })
    : null;
checkpoints?.start();
const timeScale = timeScaleOf(config);
if (timeScale.secondsPerWorkingDay !== undefined || timeScale.secondsPerMonth !== undefined) {
  logger.warn({ timeScale }, 'compressed time (TIME_SCALE_*): deadlines and publication periods are not the real ones; tests and demonstrations only');
}
logger.info({ taskQueue: config.TEMPORAL_TASK_QUEUE, traces: config.OTEL_TRACES_EXPORTER, metrics: config.TEMPORAL_METRICS_BIND_ADDRESS ?? null, actionPublicKey: keys.signing.publicKeyHex, outbox: outbox ? 'delivering' : 'no NOTIFY_WEBHOOK_URL: messages wait' }, 'worker started');
// Worker.run() stops on SIGINT/SIGTERM by itself (the SDK installs the signal handlers).
await worker.run();
await outbox?.stop();
await checkpoints?.stop();
await connection.close();
await temporal.connection.close();
await prisma.$disconnect();
await tracing?.shutdown();
logger.info('worker stopped');
