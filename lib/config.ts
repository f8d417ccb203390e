import { z } from 'zod';
import type { TimeScale } from '../domain/calendar/time-scale.js';
import { DEFAULT_DATABASE_URL } from './database-url.js';
import type { OidcSettings } from './oidc-tokens.js';
import type { OidcSignInSettings } from './oidc-sign-in.js';
import { loadOrCreateInstanceSecret, weakSecretReason } from './security/instance-secret.js';
import { decodeKey, deriveTemporalKeys, type TemporalKeys } from './temporal-security/temporal-keys.js';

/** Where traces can go (OTEL_TRACES_EXPORTER; lib/observability/tracing.ts). */
export const TRACES_EXPORTERS = ['none', 'otlp', 'console'] as const;

/** An empty variable (as in .env.example) counts as unset. */
/** The console's OIDC callback route (api/session/oidc-router.ts); OIDC_REDIRECT_URL must point at it. */
export const OIDC_CALLBACK_PATH = '/auth/oidc/callback';

const emptyAsUnset = <S extends z.ZodType>(schema: S) => z.preprocess((value) => (value === '' ? undefined : value), schema.optional());

const configSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  DATABASE_URL: z.string().url().default(DEFAULT_DATABASE_URL),
  TEMPORAL_ADDRESS: z.string().default('127.0.0.1:7233'),
  TEMPORAL_NAMESPACE: z.string().default('default'),
  TEMPORAL_TASK_QUEUE: z.string().default('credit-cases'),
  /** AES-256-GCM key (32 bytes, base64) of the payloads stored in Temporal; unset: derived from AUTH_TOKEN_SECRET. */
  TEMPORAL_PAYLOAD_KEY: emptyAsUnset(z.string().refine((value) => decodeKey(value) !== undefined, 'must be 32 bytes in base64')),
  /** Ed25519 seed (32 bytes, base64) with which API and worker sign workflow updates; unset: derived from AUTH_TOKEN_SECRET. */
  TEMPORAL_ACTOR_SIGNING_KEY: emptyAsUnset(z.string().refine((value) => decodeKey(value) !== undefined, 'must be 32 bytes in base64')),
  /** Earlier payload keys (base64, comma-separated) after a key change: they still decrypt what they wrote. */
  TEMPORAL_PAYLOAD_PREVIOUS_KEYS: emptyAsUnset(z.string()),
  /** Public keys (hex, comma-separated) of earlier signing keys, as long as histories signed with them may replay. */
  TEMPORAL_ACTOR_PREVIOUS_PUBLIC_KEYS: emptyAsUnset(z.string()),
  /** Origins (comma-separated) of the Temporal Web UI, allowed to call the codec endpoint from the browser. */
  TEMPORAL_UI_ORIGIN: z.string().default('http://127.0.0.1:8233,http://localhost:8233'),
  /** The Temporal Web UI, linked from the console's case pages (administrators). */
  TEMPORAL_UI_URL: z.url().default('http://127.0.0.1:8233'),
  /** Interface the API listens on; 0.0.0.0 in a container. */
  HOST: z.string().default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /**
   * HS256 secret of the local tokens. Unset: the installation's own random secret, generated on first start under
   * DATA_DIR. A short or published value is refused unless NODE_ENV=test.
   */
  AUTH_TOKEN_SECRET: emptyAsUnset(z.string().min(1)),
  AUTH_ISSUER: z.string().default('credit-engine-local'),
  AUTH_AUDIENCE: z.string().default('credit-engine-api'),
  /** External identity provider (OIDC). With OIDC_JWKS_URL unset only local tokens are accepted. */
  OIDC_ISSUER: emptyAsUnset(z.string().min(1)),
  OIDC_AUDIENCE: emptyAsUnset(z.string().min(1)),
  OIDC_JWKS_URL: emptyAsUnset(z.url()),
  /** After a key-set fetch, how long until it may be fetched again (also for a token with an unknown kid). */
  OIDC_JWKS_COOLDOWN_MS: z.coerce.number().int().min(0).default(30_000),
  /** How long a fetched key set is used before it is fetched again. */
  OIDC_JWKS_CACHE_MAX_AGE_MS: z.coerce.number().int().min(0).default(600_000),
  OIDC_JWKS_TIMEOUT_MS: z.coerce.number().int().min(1).default(5_000),
  /** The console's client at the identity provider: with it (and OIDC_REDIRECT_URL) the login page offers 统一身份认证. */
  OIDC_CLIENT_ID: emptyAsUnset(z.string().min(1).max(200)),
  /** The client's secret (client_secret_basic); unset: a public client that relies on PKCE alone. */
  OIDC_CLIENT_SECRET: emptyAsUnset(z.string().min(1)),
  /** Where the provider sends the browser back: this API's /auth/oidc/callback as the browser reaches it. */
  OIDC_REDIRECT_URL: emptyAsUnset(z.url().refine((value) => new URL(value).pathname === OIDC_CALLBACK_PATH, `must end in ${OIDC_CALLBACK_PATH}`)),
  /** Requests per minute per actor (per IP address for requests without a valid token). */
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(300),
  /** Pins the objection policy in force by id (name@version); empty means the newest active one. */
  OBJECTION_POLICY_ID: z.string().optional(),
  /** Where decisions are notified (the outbox delivers to it); unset: messages wait in the outbox. */
  NOTIFY_WEBHOOK_URL: emptyAsUnset(z.string().url()),
  OUTBOX_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(12),
  OUTBOX_POLL_MS: z.coerce.number().int().min(50).max(60_000).default(1000),
  /** Time zone in which working days and deadlines are counted. */
  CALENDAR_TIME_ZONE: z.string().default('Asia/Shanghai'),
  /** Whether make-up working days (调休上班) count as working days: true (default) or false. */
  CALENDAR_COUNT_ADJUSTED_WORKDAYS: z
    .enum(['true', 'false'])
    .default('true')
    .transform((value) => value === 'true'),
  /** When the last day of a deadline ends: 24:00 (default) or a close-of-business time HH:MM. */
  CALENDAR_DAY_ENDS_AT: z.string().regex(/^(24:00|([01]\d|2[0-3]):[0-5]\d)$/, 'must be 24:00 or HH:MM').default('24:00'),
  /**
   * Tests and demonstrations only (read by the worker): a working day lasts this many seconds and the calendar is not
   * consulted. Refused with NODE_ENV=production.
   */
  TIME_SCALE_SECONDS_PER_WORKING_DAY: emptyAsUnset(z.coerce.number().positive().max(86_400)),
  /** Tests and demonstrations only (read by the worker): a calendar month of publication or sanction lasts this many seconds. */
  TIME_SCALE_SECONDS_PER_MONTH: emptyAsUnset(z.coerce.number().positive().max(31 * 86_400)),
  /** Directory of the local-disk evidence file store. */
  EVIDENCE_DIR: z.string().min(1).default('.data/evidence'),
  /** Largest evidence file accepted, in bytes (default 10 MiB); larger uploads are a 413. */
  EVIDENCE_MAX_BYTES: z.coerce.number().int().min(1).max(1024 * 1024 * 1024).default(10 * 1024 * 1024),
  /** Bearer token a Prometheus scraper sends to GET /metrics on the API; unset: /metrics answers 404. */
  METRICS_TOKEN: emptyAsUnset(z.string().min(16)),
  /**
   * Workflows the worker keeps in memory between their tasks (sticky cache). The SDK's default follows the heap limit
   * (~2,300 on a 4 GiB heap), and this product's workflows weigh ~1.7 MB each there: 10,000 imported lifecycles took
   * the worker from 0.7 to 4.6 GB and into garbage collection. Evicted workflows replay their (short) history when
   * they next run.
   */
  WORKER_MAX_CACHED_WORKFLOWS: z.coerce.number().int().min(0).max(100_000).default(250),
  /** host:port where the worker serves the Temporal SDK's Prometheus metrics (e.g. 0.0.0.0:9464); unset: none. */
  TEMPORAL_METRICS_BIND_ADDRESS: emptyAsUnset(z.string().regex(/^[^\s:]+:\d{1,5}$/, 'expected host:port')),
  /** Directory of the instance's own files (generated keys, exported audit checkpoints). */
  DATA_DIR: z.string().min(1).default('.data'),
  /** The office's Ed25519 key (PKCS#8 PEM) that signs audit checkpoints; generated on first use. Default: DATA_DIR/keys/audit-signing-key.pem. */
  AUDIT_SIGNING_KEY_FILE: emptyAsUnset(z.string().min(1)),
  /** How long a filing's answer waits for the case workflow to open its first step (0: answer at once, without it). */
  CASE_SET_UP_WAIT_MS: z.coerce.number().int().min(0).max(60_000).default(3_000),
  /** How often the worker signs the audit chain heads into a checkpoint; 0 turns it off. */
  AUDIT_CHECKPOINT_INTERVAL_MS: z.coerce.number().int().min(0).default(3_600_000),
  /** Where OpenTelemetry traces go: none (default, off), otlp (OTLP/HTTP to OTEL_EXPORTER_OTLP_ENDPOINT) or console. */
  OTEL_TRACES_EXPORTER: z.enum(TRACES_EXPORTERS).default('none'),
  /** Base URL of the OTLP/HTTP receiver (a collector, Jaeger…); spans go to …/v1/traces. Unset: http://localhost:4318. */
  OTEL_EXPORTER_OTLP_ENDPOINT: emptyAsUnset(z.url()),
  /** service.name of this process's spans; unset: credit-engine-api or credit-engine-worker. */
  OTEL_SERVICE_NAME: emptyAsUnset(z.string().min(1)),
});

export type AppConfig = Omit<z.infer<typeof configSchema>, 'AUTH_TOKEN_SECRET'> & { AUTH_TOKEN_SECRET: string };

/** Every environment variable the product reads (deployment files must set or default each: tests/deploy checks). */
export const CONFIG_VARIABLES = Object.keys(configSchema.shape) as (keyof AppConfig)[];

/** Parses the environment once at start-up; a wrong value stops the process with a readable message. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const secret = parsed.data.AUTH_TOKEN_SECRET ?? loadOrCreateInstanceSecret(parsed.data.DATA_DIR);
  const weakness = weakSecretReason(secret);
  if (weakness && parsed.data.NODE_ENV !== 'test') {
    throw new Error(`Invalid configuration: AUTH_TOKEN_SECRET is ${weakness}; unset it to use the installation's generated secret, or set a random one (openssl rand -base64 48)`);
  }
  const oidc = [parsed.data.OIDC_ISSUER, parsed.data.OIDC_AUDIENCE, parsed.data.OIDC_JWKS_URL];
  if (oidc.some(Boolean) && !oidc.every(Boolean)) {
    throw new Error('Invalid configuration: OIDC_ISSUER, OIDC_AUDIENCE and OIDC_JWKS_URL are set together, or not at all');
  }
  const signIn = [parsed.data.OIDC_CLIENT_ID, parsed.data.OIDC_REDIRECT_URL];
  if (signIn.some(Boolean) && (!signIn.every(Boolean) || !parsed.data.OIDC_ISSUER)) {
    throw new Error('Invalid configuration: OIDC_CLIENT_ID and OIDC_REDIRECT_URL are set together, and need OIDC_ISSUER, OIDC_AUDIENCE and OIDC_JWKS_URL');
  }
  if (parsed.data.OIDC_CLIENT_SECRET && !parsed.data.OIDC_CLIENT_ID) {
    throw new Error('Invalid configuration: OIDC_CLIENT_SECRET needs OIDC_CLIENT_ID');
  }
  const scaled = (['TIME_SCALE_SECONDS_PER_WORKING_DAY', 'TIME_SCALE_SECONDS_PER_MONTH'] as const).filter((name) => parsed.data[name] !== undefined);
  if (scaled.length > 0 && parsed.data.NODE_ENV === 'production') {
    throw new Error(
      `Invalid configuration: ${scaled.join(' and ')} compress every deadline and publication period for tests and demonstrations; ` +
        'a production configuration (NODE_ENV=production) refuses them: unset them',
    );
  }
  if (parsed.data.OIDC_ISSUER === parsed.data.AUTH_ISSUER) {
    throw new Error('Invalid configuration: OIDC_ISSUER must differ from AUTH_ISSUER (tokens are routed to their verifier by issuer)');
  }
  return { ...parsed.data, AUTH_TOKEN_SECRET: secret };
}

/** Where the audit signing key lives (AUDIT_SIGNING_KEY_FILE, else under DATA_DIR). */
export function auditSigningKeyFileOf(config: AppConfig): string {
  return config.AUDIT_SIGNING_KEY_FILE ?? `${config.DATA_DIR}/keys/audit-signing-key.pem`;
}

/** The OIDC settings of the configuration, or undefined when no identity provider is configured. */
export function oidcSettingsOf(config: AppConfig): OidcSettings | undefined {
  if (!config.OIDC_ISSUER || !config.OIDC_AUDIENCE || !config.OIDC_JWKS_URL) return undefined;
  return {
    issuer: config.OIDC_ISSUER,
    audience: config.OIDC_AUDIENCE,
    jwksUrl: config.OIDC_JWKS_URL,
    jwksCooldownMs: config.OIDC_JWKS_COOLDOWN_MS,
    jwksCacheMaxAgeMs: config.OIDC_JWKS_CACHE_MAX_AGE_MS,
    jwksTimeoutMs: config.OIDC_JWKS_TIMEOUT_MS,
  };
}

/** The console's OIDC sign-in (authorization code + PKCE), or undefined when OIDC_CLIENT_ID is not configured. */
export function oidcSignInSettingsOf(config: AppConfig): OidcSignInSettings | undefined {
  const oidc = oidcSettingsOf(config);
  if (!oidc || !config.OIDC_CLIENT_ID || !config.OIDC_REDIRECT_URL) return undefined;
  return { issuer: oidc.issuer, jwksUrl: oidc.jwksUrl, clientId: config.OIDC_CLIENT_ID, clientSecret: config.OIDC_CLIENT_SECRET, redirectUrl: config.OIDC_REDIRECT_URL };
}

/** The keys of the payload codec and of signed workflow actions (configured, or derived from the installation secret). */
export function temporalKeysOf(config: AppConfig): TemporalKeys {
  return deriveTemporalKeys({
    installationSecret: config.AUTH_TOKEN_SECRET,
    payloadKey: config.TEMPORAL_PAYLOAD_KEY,
    actorSigningKey: config.TEMPORAL_ACTOR_SIGNING_KEY,
    previousPayloadKeys: config.TEMPORAL_PAYLOAD_PREVIOUS_KEYS,
    previousPublicKeys: config.TEMPORAL_ACTOR_PREVIOUS_PUBLIC_KEYS,
  });
}

/** The worker's compressed time (tests and demonstrations); real time when neither variable is set. */
export function timeScaleOf(config: AppConfig): TimeScale {
  return { secondsPerWorkingDay: config.TIME_SCALE_SECONDS_PER_WORKING_DAY, secondsPerMonth: config.TIME_SCALE_SECONDS_PER_MONTH };
}
