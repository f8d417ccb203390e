import type { ZodError } from 'zod';
import { AppError, ErrorCode } from '../../lib/app-error.js';

export function fromZodError(error: ZodError): AppError {
  const errors = error.issues.map((issue) => ({ path: issue.path.join('.') || '(root)', message: issue.message }));
  const first = errors[0];
  return new AppError(
    ErrorCode.VALIDATION,
    first ? `Invalid request: ${first.path}: ${first.message}` : 'Invalid request',
    { errors },
  );
}
