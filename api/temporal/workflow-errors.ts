import { WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { AppError, ErrorCode } from '../../lib/app-error.js';
import { FailureType } from '../../workflows/shared/failure-types.js';

const CODE_BY_FAILURE: Record<string, ErrorCode> = {
  [FailureType.INVALID_STATE]: ErrorCode.INVALID_STATE,
  [FailureType.FORBIDDEN]: ErrorCode.FORBIDDEN,
  [FailureType.VALIDATION]: ErrorCode.VALIDATION,
};

/** Maps a rejected or failed workflow update to the API's error; anything unknown stays a 500. */
export function fromWorkflowError(err: unknown): unknown {
  if (err instanceof WorkflowUpdateFailedError && err.cause instanceof ApplicationFailure) {
    const code = err.cause.type ? CODE_BY_FAILURE[err.cause.type] : undefined;
    if (code) return new AppError(code, err.cause.message);
  }
  if (err instanceof WorkflowNotFoundError) {
    return new AppError(ErrorCode.INVALID_STATE, 'The case is closed; no further action is possible');
  }
  const message = err instanceof Error ? err.message : '';
  if (/already completed|workflow execution already (completed|finished)/i.test(message)) {
    return new AppError(ErrorCode.INVALID_STATE, 'The case is closed; no further action is possible');
  }
  return err;
}
