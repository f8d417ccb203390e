import { z } from 'zod';
import { DEFAULT_DATABASE_URL } from './database-url.js';

const configSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  DATABASE_URL: z.string().url().default(DEFAULT_DATABASE_URL),
  TEMPORAL_ADDRESS: z.string().default('127.0.0.1:7233'),
  TEMPORAL_NAMESPACE: z.string().default('default'),
  TEMPORAL_TASK_QUEUE: z.string().default('credit-cases'),
  /** Interface the API listens on; 0.0.0.0 in a container. */
  HOST: z.string().default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** HS256 secret for tokens the API issues itself for local use. */
  AUTH_TOKEN_SECRET: z.string().min(32).default('local-development-secret-change-me-0123456789'),
  AUTH_ISSUER: z.string().default('credit-engine-local'),
  AUTH_AUDIENCE: z.string().default('credit-engine-api'),
  /** Pins the objection policy in force by id (name@version); empty means the newest active one. */
  OBJECTION_POLICY_ID: z.string().optional(),
  /** Time zone in which working days and deadlines are counted. */
  CALENDAR_TIME_ZONE: z.string().default('Asia/Shanghai'),
});

export type AppConfig = z.infer<typeof configSchema>;

/** Parses the environment once at start-up; a wrong value stops the process with a readable message. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  if (parsed.data.NODE_ENV === 'production' && parsed.data.AUTH_TOKEN_SECRET.startsWith('local-development')) {
    throw new Error('Invalid configuration: AUTH_TOKEN_SECRET must be set in production');
  }
  return parsed.data;
}
