import { allHandlersFinished, condition } from '@temporalio/workflow';

/**
 * "An update returns once the workflow has settled": the main loop counts each time it settles into waiting (every
 * write of the last action done, the next step open); an action marks the count before it changes the state and
 * returns when the count moved past the mark, or the workflow finished.
 */
export class CaseSettling {
  private count = 0;
  private finished = false;

  /** The main loop (or a step) settled into waiting. */
  settled(): void {
    this.count++;
  }

  /** Resolves once the workflow has settled for the first time (its first step open), or finished. */
  async setUp(): Promise<void> {
    await condition(() => this.count > 0 || this.finished);
  }

  mark(): number {
    return this.count;
  }

  async after(mark: number): Promise<void> {
    await condition(() => this.count > mark || this.finished);
  }

  /** Ends the workflow's work: releases waiting actions, then waits for every handler and the given work to finish. */
  async finish(...then: (() => Promise<unknown>)[]): Promise<void> {
    this.finished = true;
    await condition(allHandlersFinished);
    for (const work of then) await work();
  }
}
