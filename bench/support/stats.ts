/** Latency percentiles and the bench's table formatting. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export const ms = (value: number) => (Number.isFinite(value) ? `${value.toFixed(value < 10 ? 1 : 0)} ms` : '–');
export const ratio = (value: number, floor: number) => (Number.isFinite(value / floor) ? `${(value / floor).toFixed(2)}×` : '–');

/** Timings of named steps. */
export class Timings {
  readonly steps = new Map<string, number[]>();

  async time<T>(step: string, work: () => Promise<T>): Promise<T> {
    const start = performance.now();
    const result = await work();
    this.add(step, performance.now() - start);
    return result;
  }

  add(step: string, value: number): void {
    const list = this.steps.get(step) ?? [];
    list.push(value);
    this.steps.set(step, list);
  }

  p(step: string, q: number): number {
    return percentile(this.steps.get(step) ?? [], q);
  }
}

/** Runs `total` jobs with `concurrency` in flight; returns the wall time in seconds. */
export async function runConcurrently(total: number, concurrency: number, job: (i: number) => Promise<void>): Promise<number> {
  const started = performance.now();
  let next = 0;
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < total) await job(next++);
  }));
  return (performance.now() - started) / 1000;
}
