import { ServiceError, WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { AppError, ErrorCode } from '../../lib/app-error.js';
import { FailureType } from '../../workflows/shared/failure-types.js';

const CODE_BY_FAILURE: Record<string, ErrorCode> = {
  [FailureType.INVALID_STATE]: ErrorCode.INVALID_STATE,
  [FailureType.FORBIDDEN]: ErrorCode.FORBIDDEN,
  [FailureType.VALIDATION]: ErrorCode.VALIDATION,
};

/** gRPC status FAILED_PRECONDITION: the server refused the call for the execution's state (it has completed). */
const GRPC_FAILED_PRECONDITION = 9;

const closed = () => new AppError(ErrorCode.INVALID_STATE, 'The case is closed; no further action is possible');

/** The workflow ended (or never ran): the case takes no more actions. */
export function isWorkflowGone(err: unknown): boolean {
  if (err instanceof WorkflowNotFoundError) return true;
  const cause = err instanceof ServiceError ? (err.cause as { code?: unknown } | undefined) : undefined;
  return cause?.code === GRPC_FAILED_PRECONDITION;
}

/**
 * Maps a rejected or failed workflow update to the API's error by the failure's type (never by its message): a
 * validator's or handler's ApplicationFailure by its FailureType, a workflow that has ended to 409. Anything else
 * stays as it is (a 500, logged).
 */
export function fromWorkflowError(err: unknown): unknown {
  if (err instanceof WorkflowUpdateFailedError) {
    if (err.cause instanceof ApplicationFailure) {
      const code = err.cause.type ? CODE_BY_FAILURE[err.cause.type] : undefined;
      if (code) return new AppError(code, err.cause.message);
    }
    return err;
  }
  return isWorkflowGone(err) ? closed() : err;
}
