import type { ErrorRequestHandler, RequestHandler } from 'express';
import { ZodError } from 'zod';
import { AppError, ErrorCode } from '../../lib/app-error.js';
import { isDatabaseUnavailable } from '../../lib/db/database-unavailable.js';
import type { Logger } from '../../lib/logger.js';
import type { DeniedAttemptRecorder } from '../audit/access-denied-audit.js';
import { PROBLEM_STATUS, PROBLEM_TYPE_BASE } from './problem-status.js';
import { fromZodError } from './zod-problems.js';

/** Translates errors thrown by body parsing (bad JSON, too large, wrong charset) into AppErrors. */
function fromBodyParserError(err: unknown): AppError | null {
  if (typeof err !== 'object' || err === null || !('type' in err)) return null;
  switch ((err as { type: unknown }).type) {
    case 'entity.parse.failed':
      return new AppError(ErrorCode.VALIDATION, 'The request body is not valid JSON');
    case 'entity.too.large':
      return new AppError(ErrorCode.PAYLOAD_TOO_LARGE, 'The request body is too large');
    case 'charset.unsupported':
    case 'encoding.unsupported':
      return new AppError(ErrorCode.UNSUPPORTED_MEDIA_TYPE, 'Unsupported charset or content encoding');
    case 'request.aborted':
      return new AppError(ErrorCode.VALIDATION, 'The request was aborted');
    default:
      return null;
  }
}

/**
 * Other client errors of the body parser and the router (a corrupt gzip/deflate body, an undecodable path), which
 * follow the http-errors convention: `expose: true` and a 4xx status. Their messages stay internal.
 */
function fromHttpClientError(err: unknown): AppError | null {
  if (typeof err !== 'object' || err === null) return null;
  const { status, expose } = err as { status?: unknown; expose?: unknown };
  if (expose !== true || typeof status !== 'number' || status < 400 || status > 499) return null;
  if (status === 413) return new AppError(ErrorCode.PAYLOAD_TOO_LARGE, 'The request body is too large');
  if (status === 415) return new AppError(ErrorCode.UNSUPPORTED_MEDIA_TYPE, 'Unsupported media type or content encoding');
  return new AppError(ErrorCode.VALIDATION, 'The request could not be read');
}

export function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  if (err instanceof ZodError) return fromZodError(err);
  const fromParser = fromBodyParserError(err);
  if (fromParser) return fromParser;
  if (err instanceof URIError) return new AppError(ErrorCode.VALIDATION, 'Malformed URL encoding');
  const clientError = fromHttpClientError(err);
  if (clientError) return clientError;
  if (isDatabaseUnavailable(err)) return new AppError(ErrorCode.UNAVAILABLE, 'The database is busy or out of reach; retry shortly');
  return new AppError(ErrorCode.INTERNAL, 'An unexpected error occurred');
}

/** Renders every error as application/problem+json; a 500 reveals nothing but its request id. */
export function errorMiddleware(logger: Logger, options: { onDenied?: DeniedAttemptRecorder } = {}): ErrorRequestHandler {
  return async (err, req, res, _next) => {
    const appError = toAppError(err);
    const { status, title } = PROBLEM_STATUS[appError.code];
    const requestId = String(res.locals.requestId ?? '');
    if (status >= 500) logger.error({ err, requestId, path: req.path }, 'request failed');
    else logger.debug({ requestId, code: appError.code, path: req.path }, appError.message);
    // Refused attempts are audited before the answer leaves (best effort: the recorder never throws).
    if ((status === 401 || status === 403) && options.onDenied) await options.onDenied({ req, res, status, code: appError.code });
    if (appError.code === ErrorCode.UNAVAILABLE) res.setHeader('Retry-After', '1');
    res
      .status(status)
      .type('application/problem+json')
      .json({
        type: PROBLEM_TYPE_BASE + appError.code,
        title,
        status,
        detail: status >= 500 && appError.code !== ErrorCode.UNAVAILABLE ? 'An unexpected error occurred; quote the request id when reporting it.' : appError.message,
        instance: req.originalUrl,
        requestId,
        ...(status < 500 && appError.details ? appError.details : {}),
      });
  };
}

export const notFoundHandler: RequestHandler = (req, _res, next) => {
  next(new AppError(ErrorCode.NOT_FOUND, `No route for ${req.method} ${req.path}`));
};
