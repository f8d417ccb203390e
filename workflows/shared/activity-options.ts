import type { ActivityOptions } from '@temporalio/workflow';

/** Activities that write to the database or call Temporal: short, retried with backoff until they succeed. */
export const STANDARD_ACTIVITY_OPTIONS: ActivityOptions = {
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
};
