import type { Express } from 'express';
import { createApp } from '../../api/app.js';
import type { AppDeps } from '../../api/app-deps.js';
import type { Actor } from '../../domain/roles.js';
import type { PrismaClient } from '../../lib/prisma.js';
import { issueToken, type TokenSettings } from '../../lib/auth-tokens.js';
import { createDeadlineCalculator } from '../../lib/calendar/deadline-calculator.js';
import { createLogger } from '../../lib/logger.js';
import { AesGcmPayloadCodec } from '../../lib/temporal-security/aes-gcm-payload-codec.js';
import { TEST_TEMPORAL_KEYS } from './temporal-test-keys.js';
import { testAuditKey } from './audit-key.js';
import { getTestEnv } from './test-env.js';

export const TEST_TOKENS: TokenSettings = {
  secret: 'test-secret-for-the-api-tests-0123456789abcdef',
  issuer: 'credit-engine-test',
  audience: 'credit-engine-api',
};

/** The Temporal Web UI origin the test app allows to call /codec. */
export const TEST_UI_ORIGIN = 'http://127.0.0.1:8233';

/** The Prometheus scraper's token of every test app (GET /metrics). */
export const TEST_METRICS_TOKEN = 'test-metrics-token-0123456789abcdef';

/** The real app on the test database and Temporal server, with a task queue and policy of the test's own. */
export async function createTestApp(options: {
  taskQueue: string;
  objectionPolicyId?: string;
  publicationPolicyId?: string;
  rectificationPolicyId?: string;
  /** Evidence file store and size limit (tests that upload pass a temporary directory). */
  evidence?: AppDeps['evidence'];
  repairPolicyId?: string;
  commitmentPolicyId?: string;
  complaintPolicyId?: string;
  /** An identity provider whose tokens the app accepts besides the local ones. */
  oidc?: AppDeps['oidc'];
  /** The console's sign-in at that provider. */
  oidcSignIn?: AppDeps['oidcSignIn'];
  /** Requests a minute per actor; tests get a high limit unless they test the limit. */
  rateLimitPerMinute?: number;
  /** METRICS_TOKEN of the app; TEST_METRICS_TOKEN unless given (null: metrics off). */
  metricsToken?: string | null;
  /** The app's database: the run's test database unless given (a file's private database). */
  prisma?: PrismaClient;
  /** The Temporal client (default: the test file's) and an OpenTelemetry tracer (default: no tracing). */
  temporal?: AppDeps['temporal'];
  tracer?: AppDeps['tracer'];
  /** How long a filing waits for its workflow to open the first step (the product's default unless given). */
  caseSetUpWaitMs?: number;
}): Promise<Express> {
  const env = await getTestEnv();
  const prisma = options.prisma ?? env.prisma;
  return createApp({
    prisma,
    temporal: options.temporal ?? env.temporalClient,
    tracer: options.tracer,
    payloadCodec: new AesGcmPayloadCodec(TEST_TEMPORAL_KEYS.payload),
    temporalUiOrigins: [TEST_UI_ORIGIN],
    logger: createLogger('silent'),
    taskQueue: options.taskQueue,
    tokens: TEST_TOKENS,
    deadlines: createDeadlineCalculator(prisma, { timeZone: 'Asia/Shanghai' }),
    objectionPolicyId: options.objectionPolicyId,
    publicationPolicyId: options.publicationPolicyId,
    rectificationPolicyId: options.rectificationPolicyId,
    evidence: options.evidence,
    repairPolicyId: options.repairPolicyId,
    commitmentPolicyId: options.commitmentPolicyId,
    complaintPolicyId: options.complaintPolicyId,
    oidc: options.oidc,
    oidcSignIn: options.oidcSignIn,
    rateLimitPerMinute: options.rateLimitPerMinute ?? 10_000,
    caseSetUpWaitMs: options.caseSetUpWaitMs,
    auditPublicKey: testAuditKey().publicKey,
    metricsToken: options.metricsToken === null ? undefined : (options.metricsToken ?? TEST_METRICS_TOKEN),
  });
}

export async function bearer(actor: Actor, expiresIn = '1h'): Promise<string> {
  return `Bearer ${await issueToken(TEST_TOKENS, actor, expiresIn)}`;
}
