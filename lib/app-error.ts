/** Error codes of the product; the API maps each to one HTTP status (api/errors/problem-status.ts). */
export const ErrorCode = {
  VALIDATION: 'validation',
  UNAUTHENTICATED: 'unauthenticated',
  FORBIDDEN: 'forbidden',
  NOT_FOUND: 'not-found',
  CONFLICT: 'conflict',
  INVALID_STATE: 'invalid-state',
  PAYLOAD_TOO_LARGE: 'payload-too-large',
  UNSUPPORTED_MEDIA_TYPE: 'unsupported-media-type',
  /** Well-formed, but its content cannot be processed as a whole (a batch with bad rows). */
  UNPROCESSABLE: 'unprocessable',
  /** The same Idempotency-Key was sent with a different request. */
  IDEMPOTENCY_KEY_REUSED: 'idempotency-key-reused',
  RATE_LIMITED: 'rate-limited',
  UNAVAILABLE: 'unavailable',
  INTERNAL: 'internal',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export interface FieldProblem {
  path: string;
  message: string;
}

/** An error whose message is safe to show to the caller. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: { errors?: FieldProblem[]; [key: string]: unknown },
  ) {
    super(message);
    this.name = 'AppError';
  }

  static notFound(what: string, id: string): AppError {
    return new AppError(ErrorCode.NOT_FOUND, `${what} ${id} was not found`);
  }
}
