import { ApplicationFailure } from '@temporalio/workflow';
import { FailureType } from './failure-types.js';

/** Refuses an update: the caller gets the failure at once, and the workflow history keeps no trace of it. */
export function reject(type: FailureType, message: string): never {
  throw ApplicationFailure.create({ type, message, nonRetryable: true });
}

export function requireText(value: string | undefined, field: string): void {
  if (!value || value.trim().length === 0) reject(FailureType.VALIDATION, `${field} is required`);
}

export function requireIntegerIn(value: number | undefined, min: number, max: number, field: string): void {
  if (value === undefined || !Number.isInteger(value) || value < min || value > max) {
    reject(FailureType.VALIDATION, `${field} must be an integer from ${min} to ${max}`);
  }
}
