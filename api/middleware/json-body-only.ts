import type { RequestHandler } from 'express';
import { AppError, ErrorCode } from '../../lib/app-error.js';

/** A route that takes a multipart/form-data body (a file upload) instead of JSON. */
export interface MultipartRoute {
  method: string;
  path: RegExp;
}

const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** The path of the first string (value or key) PostgreSQL cannot store: a NUL character or a lone surrogate. */
function unstorablePath(value: unknown, path: string, depth = 0): string | undefined {
  if (typeof value === 'string') return UNSTORABLE.test(value) ? path || '(root)' : undefined;
  if (typeof value !== 'object' || value === null || depth > 64) return undefined;
  for (const [key, item] of Object.entries(value)) {
    const itemPath = path ? `${path}.${key}` : key;
    if (UNSTORABLE.test(key)) return itemPath;
    const found = unstorablePath(item, itemPath, depth + 1);
    if (found) return found;
  }
  return undefined;
}

/** Deepest nesting of objects and arrays a request body may have; every real body of this API is far shallower. */
export const MAX_JSON_DEPTH = 32;

/** Whether the value nests deeper than the limit, found without recursion (a hostile body may nest thousands deep). */
function nestsDeeperThan(value: unknown, limit: number): boolean {
  const stack: Array<[unknown, number]> = [[value, 0]];
  while (stack.length > 0) {
    const [item, depth] = stack.pop()!;
    if (typeof item !== 'object' || item === null) continue;
    if (depth >= limit) return true;
    for (const child of Object.values(item)) stack.push([child, depth + 1]);
  }
  return false;
}

/**
 * Request bodies are JSON, of text the database can store:
 * - a body of another type is a 415 instead of being left unparsed, which routes would read as an empty body
 *   (`req.body ?? {}`) and so act on a request they never understood; multipart is let through only to the routes
 *   that take an upload; a request without a body (no Content-Length, or 0) passes;
 * - a string with a NUL character or a lone UTF-16 surrogate is a 400 here, not a database error (500) later;
 * - a body nested deeper than MAX_JSON_DEPTH is a 400 before anything walks it recursively (hashing, auditing).
 */
export function jsonBodyOnly(multipartRoutes: readonly MultipartRoute[]): RequestHandler {
  return (req, _res, next) => {
    const length = req.headers['content-length'];
    const hasBody = req.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
    if (!hasBody) return next();
    if (req.is('multipart/form-data') && multipartRoutes.some((route) => route.method === req.method && route.path.test(req.path))) return next();
    if (!req.is('application/json')) return next(new AppError(ErrorCode.UNSUPPORTED_MEDIA_TYPE, 'Send the request body as application/json'));
    if (nestsDeeperThan(req.body, MAX_JSON_DEPTH)) {
      return next(new AppError(ErrorCode.VALIDATION, `Invalid request: the body nests deeper than ${MAX_JSON_DEPTH} levels`));
    }
    const path = unstorablePath(req.body, '');
    if (path) {
      const message = 'text must not contain NUL characters or unpaired surrogates';
      return next(new AppError(ErrorCode.VALIDATION, `Invalid request: ${path}: ${message}`, { errors: [{ path, message }] }));
    }
    next();
  };
}
