import type { RequestHandler } from 'express';
import helmet from 'helmet';

/**
 * Security headers for a JSON API (helmet): nothing may be framed, sniffed, embedded by other origins or run as a
 * page (CSP default-src 'none'); no referrer leaks; HSTS tells browsers to use HTTPS (ignored over plain HTTP).
 * Answers carry personal data and tokens' effects, so nothing is cached either.
 */
const helmetHeaders = helmet({
  contentSecurityPolicy: { useDefaults: false, directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] } },
  crossOriginResourcePolicy: { policy: 'same-origin' },
  crossOriginOpenerPolicy: { policy: 'same-origin' },
  referrerPolicy: { policy: 'no-referrer' },
  frameguard: { action: 'deny' },
  strictTransportSecurity: { maxAge: 31_536_000, includeSubDomains: true },
});

export const securityHeaders: RequestHandler = (req, res, next) => {
  res.setHeader('Cache-Control', 'no-store');
  helmetHeaders(req, res, next);
};
