import type { KeyObject } from 'node:crypto';
import type { Tracer } from '@opentelemetry/api';
import type { Client } from '@temporalio/client';
import type { PayloadCodec } from '@temporalio/common';
import type { PrismaClient } from '../lib/prisma.js';
import type { Logger } from '../lib/logger.js';
import type { TokenSettings } from '../lib/auth-tokens.js';
import type { OidcSettings } from '../lib/oidc-tokens.js';
import type { OidcSignInSettings } from '../lib/oidc-sign-in.js';
import type { DeadlineCalculator } from '../lib/calendar/deadline-calculator.js';
import type { FileStore } from '../lib/storage/file-store.js';
import type { ConsoleOptions } from './console/console-static.js';

/** Everything the HTTP API needs; built by server.ts, or by a test with its own task queue. */
export interface AppDeps {
  prisma: PrismaClient;
  temporal: Client;
  /** The payload codec of the Temporal clients, served to administrators at /codec (the Web UI's remote codec). */
  payloadCodec: PayloadCodec;
  /** Origins of the Temporal Web UI allowed to call /codec from the browser (TEMPORAL_UI_ORIGIN). */
  temporalUiOrigins?: readonly string[] | undefined;
  logger: Logger;
  taskQueue: string;
  tokens: TokenSettings;
  /** An external identity provider whose tokens are accepted besides the local ones (OIDC_* configuration). */
  oidc?: OidcSettings | undefined;
  /** The console's sign-in at that provider (OIDC_CLIENT_ID…); unset: the login page offers local accounts only. */
  oidcSignIn?: OidcSignInSettings | undefined;
  /** Requests a minute per actor (RATE_LIMIT_PER_MINUTE; default 300). */
  rateLimitPerMinute?: number | undefined;
  deadlines: DeadlineCalculator;
  /** How long a filing's answer waits for its workflow to open the first step (CASE_SET_UP_WAIT_MS). */
  caseSetUpWaitMs?: number | undefined;
  /** Pins the objection policy (OBJECTION_POLICY_ID); by default the newest active policy applies. */
  objectionPolicyId?: string | undefined;
  /** Pin the publication and rectification policies (tests, or an office that fixes them). */
  publicationPolicyId?: string | undefined;
  rectificationPolicyId?: string | undefined;
  repairPolicyId?: string | undefined;
  /** Pins the commitment policy (tests); by default the newest active COMMITMENT policy applies. */
  commitmentPolicyId?: string | undefined;
  /** Pins the complaint policy (tests); by default the newest active COMPLAINT policy applies. */
  complaintPolicyId?: string | undefined;
  /** Where evidence files are stored and how large one may be (default: .data/evidence on local disk, 10 MiB). */
  evidence?: { store: FileStore; maxBytes: number } | undefined;
  /** The built console served at /console/ (default console/dist) and the Temporal Web UI its case pages link to. */
  console?: ConsoleOptions | undefined;
  /** Bearer token of the Prometheus scraper for GET /metrics (METRICS_TOKEN); without it /metrics answers 404. */
  metricsToken?: string | undefined;
  /** The office's audit-checkpoint public key: GET /audit/verify checks the newest signed checkpoint with it. */
  auditPublicKey?: KeyObject | undefined;
  /** With OpenTelemetry tracing on (OTEL_TRACES_EXPORTER): a span per request, linked into Temporal. */
  tracer?: Tracer | undefined;
}
