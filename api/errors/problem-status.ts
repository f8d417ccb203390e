import { ErrorCode } from '../../lib/app-error.js';

export const PROBLEM_STATUS: Record<ErrorCode, { status: number; title: string }> = {
  [ErrorCode.VALIDATION]: { status: 400, title: 'Invalid request' },
  [ErrorCode.UNAUTHENTICATED]: { status: 401, title: 'Authentication required' },
  [ErrorCode.FORBIDDEN]: { status: 403, title: 'Forbidden' },
  [ErrorCode.NOT_FOUND]: { status: 404, title: 'Not found' },
  [ErrorCode.CONFLICT]: { status: 409, title: 'Conflict' },
  [ErrorCode.INVALID_STATE]: { status: 409, title: 'Action not allowed in the current state' },
  [ErrorCode.PAYLOAD_TOO_LARGE]: { status: 413, title: 'Payload too large' },
  [ErrorCode.UNSUPPORTED_MEDIA_TYPE]: { status: 415, title: 'Unsupported media type' },
  [ErrorCode.UNPROCESSABLE]: { status: 422, title: 'Unprocessable content' },
  [ErrorCode.IDEMPOTENCY_KEY_REUSED]: { status: 422, title: 'Idempotency-Key reused with another request' },
  [ErrorCode.RATE_LIMITED]: { status: 429, title: 'Too many requests' },
  [ErrorCode.UNAVAILABLE]: { status: 503, title: 'Service unavailable' },
  [ErrorCode.INTERNAL]: { status: 500, title: 'Internal error' },
};

export const PROBLEM_TYPE_BASE = 'https://credit-engine.example/problems/';
