/**
 * Waiting helpers shared by every feature's tests: wait on an observable condition (a row, an event, a query
 * answer), never for a fixed time.
 */

/** Polls until `check` returns a value (not undefined) and returns it; throws when the time runs out. */
export async function eventually<T>(check: () => Promise<T | undefined>, timeoutMs = 20_000, intervalMs = 200): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

/**
 * Resolves once the wall clock has passed `instant` (an instant the product itself computed, such as a stored
 * deadline): for tests about what must not happen before, or must happen after, a deadline on a scaled clock.
 */
export async function clockPassed(instant: Date | string | number, marginMs = 0): Promise<void> {
  const at = new Date(instant).getTime() + marginMs;
  if (!Number.isFinite(at)) throw new Error(`not an instant: ${String(instant)}`);
  while (Date.now() < at) await new Promise((resolve) => setTimeout(resolve, Math.min(200, at - Date.now())));
}
