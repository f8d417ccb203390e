/**
 * A stand-in for the three @temporalio/workflow functions the workflow building blocks call (condition, patched,
 * setHandler), so those classes can be unit-tested without a worker. Everything else of the SDK (defineUpdate,
 * ApplicationFailure …) is the real module. `condition` waits on vitest's fake timers: a test moves time with
 * `vi.advanceTimersByTimeAsync`, and Date.now() moves with it, as workflow time does in a replay.
 */
import { vi } from 'vitest';

export interface RegisteredHandler {
  handler: (...args: unknown[]) => unknown;
  validator?: (...args: unknown[]) => void;
}

export const handlers = new Map<string, RegisteredHandler>();
export const patches = { enabled: true };

/** Resolves true as soon as `fn()` holds, false when `timeoutMs` passes first (checked every fake millisecond). */
export async function fakeCondition(fn: () => boolean, timeoutMs?: number): Promise<boolean> {
  const until = timeoutMs === undefined ? Number.POSITIVE_INFINITY : Date.now() + timeoutMs;
  for (;;) {
    if (fn()) return true;
    if (Date.now() >= until) return false;
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
}

export function fakeSetHandler(definition: { name: string }, handler: RegisteredHandler['handler'], options?: { validator?: RegisteredHandler['validator'] }): void {
  handlers.set(definition.name, { handler, validator: options?.validator });
}

/** Use in a test file: `vi.mock('@temporalio/workflow', workflowSdkFake)`. */
export async function workflowSdkFake(importOriginal: () => Promise<Record<string, unknown>>) {
  const original = await importOriginal();
  return {
    ...original,
    condition: vi.fn(fakeCondition),
    patched: vi.fn(() => patches.enabled),
    setHandler: vi.fn(fakeSetHandler),
  };
}
