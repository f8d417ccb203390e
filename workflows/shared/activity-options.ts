import { patched, proxyActivities, proxyLocalActivities, type ActivityInterfaceFor, type ActivityOptions, type LocalActivityOptions } from '@temporalio/workflow';

/** Activities that write to the database or call Temporal: short, retried with backoff until they succeed. */
export const STANDARD_ACTIVITY_OPTIONS: ActivityOptions = {
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
};

/**
 * The same budget for a local activity (run by the worker that runs the workflow, recorded as a marker): the
 * workflow task waits for it and is heartbeaten meanwhile; a retry after a backoff of a minute or more waits on a
 * workflow timer instead (`localRetryThreshold`). Local activities are retried by the workflow task after a worker
 * crash, so everything run this way must be idempotent (the transition writes are, by their event key).
 */
export const LOCAL_ACTIVITY_OPTIONS: LocalActivityOptions = {
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
  localRetryThreshold: '1 minute',
};

/**
 * Patch that moves the short, idempotent steps of a case (the transition writes of the ordered write chain and the
 * step deadline computation) from ordinary to local activities. Histories recorded before it replay with ordinary
 * activities; a case started before it continues with local ones from the first step it takes after it.
 */
export const LOCAL_CASE_STEPS_PATCH = 'local-case-steps';

/**
 * A proxy of activities for the steps of a case: each call runs as a local activity once `LOCAL_CASE_STEPS_PATCH`
 * applies (every new case; a running one from its next step), as an ordinary activity when replaying a history
 * made before it. Only for activities that are short (well under the workflow task timeout), idempotent and need
 * no heartbeat. Plain calls only (no `executeWithOptions`).
 */
export function proxyCaseStepActivities<A extends object>(): ActivityInterfaceFor<A> {
  const ordinary = proxyActivities<A>(STANDARD_ACTIVITY_OPTIONS);
  const local = proxyLocalActivities<A>(LOCAL_ACTIVITY_OPTIONS);
  return new Proxy(ordinary, {
    get(target, name) {
      if (typeof name !== 'string') return undefined;
      return (...args: unknown[]) => {
        const proxied = (patched(LOCAL_CASE_STEPS_PATCH) ? local : target) as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>;
        return proxied[name]!(...args);
      };
    },
  });
}
