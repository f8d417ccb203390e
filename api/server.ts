import { createDeadlineCalculator } from '../lib/calendar/deadline-calculator.js';
import { loadOrCreateSigningKey } from '../lib/audit/checkpoint/signing-key.js';
import { auditSigningKeyFileOf, loadConfig, oidcSettingsOf, oidcSignInSettingsOf, temporalKeysOf } from '../lib/config.js';
import { createLogger } from '../lib/logger.js';
import { startTracing, tracingOptionsOf } from '../lib/observability/tracing.js';
import { createPrismaClient } from '../lib/prisma.js';
import { createLocalDiskFileStore } from '../lib/storage/local-disk-file-store.js';
import { createTemporalClient } from '../lib/temporal-connection.js';
import { AesGcmPayloadCodec } from '../lib/temporal-security/aes-gcm-payload-codec.js';
import { createApp } from './app.js';

const config = loadConfig();
const logger = createLogger(config.LOG_LEVEL);
const tracing = startTracing(tracingOptionsOf(config, 'credit-engine-api'));
const prisma = createPrismaClient(config.DATABASE_URL);
const keys = temporalKeysOf(config);
const temporal = await createTemporalClient({ address: config.TEMPORAL_ADDRESS, namespace: config.TEMPORAL_NAMESPACE, keys, tracing });

const app = createApp({
  prisma,
  temporal,
  payloadCodec: new AesGcmPayloadCodec(keys.payload, keys.previousPayloadKeys),
  temporalUiOrigins: config.TEMPORAL_UI_ORIGIN.split(',').map((origin) => origin.trim()).filter(Boolean),
  logger,
  taskQueue: config.TEMPORAL_TASK_QUEUE,
  tokens: { secret: config.AUTH_TOKEN_SECRET, issuer: config.AUTH_ISSUER, audience: config.AUTH_AUDIENCE },
  oidc: oidcSettingsOf(config),
  oidcSignIn: oidcSignInSettingsOf(config),
  rateLimitPerMinute: config.RATE_LIMIT_PER_MINUTE,
  caseSetUpWaitMs: config.CASE_SET_UP_WAIT_MS,
  deadlines: createDeadlineCalculator(prisma, {
    timeZone: config.CALENDAR_TIME_ZONE,
    settings: { countAdjustedWorkdays: config.CALENDAR_COUNT_ADJUSTED_WORKDAYS, dayEndsAt: config.CALENDAR_DAY_ENDS_AT },
  }),
  objectionPolicyId: config.OBJECTION_POLICY_ID,
  evidence: { store: createLocalDiskFileStore(config.EVIDENCE_DIR), maxBytes: config.EVIDENCE_MAX_BYTES },
  console: { temporalUiUrl: config.TEMPORAL_UI_URL, namespace: config.TEMPORAL_NAMESPACE },
  metricsToken: config.METRICS_TOKEN,
  auditPublicKey: loadOrCreateSigningKey(auditSigningKeyFileOf(config)).publicKey,
  tracer: tracing?.tracer,
});

const server = app.listen(config.PORT, config.HOST, () => {
  logger.info({ host: config.HOST, port: config.PORT }, `API listening on http://${config.HOST}:${config.PORT}`);
});

async function shutdown(signal: string): Promise<void> {
  logger.info({ signal }, 'API stopping');
  server.close();
  await temporal.connection.close();
  await prisma.$disconnect();
  await tracing?.shutdown();
  process.exit(0);
}
process.once('SIGINT', () => void shutdown('SIGINT'));
process.once('SIGTERM', () => void shutdown('SIGTERM'));
