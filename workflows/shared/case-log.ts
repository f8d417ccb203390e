import { upsertSearchAttributes, workflowInfo } from '@temporalio/workflow';
import type { SearchAttributeUpdatePair } from '@temporalio/common';
import type { Actor } from '../../domain/roles.js';
import { newCaseEvent, type CaseEventDetails, type CaseEventInput } from './case-event.js';

/** How one transition of a case is written: the search attributes it leaves, and the activity that stores it. */
export interface CaseWrite {
  searchAttributes: SearchAttributeUpdatePair[];
  /** Stores the transition; called once the writes before it are done, with everything it needs taken already. */
  store(): Promise<unknown>;
}

export interface CaseLogSpec<D extends CaseEventDetails> {
  caseType: string;
  caseId: string;
  /** Called once per transition, right after the workflow changed its state: what to write for it, taken now. */
  prepare(event: CaseEventInput, details: D): CaseWrite;
}

/**
 * The ordered write chain of a case: every transition gets a deterministic event key (workflow id, first run id,
 * sequence), updates the search attributes at once, and is stored by an activity after the ones before it, so the
 * read model sees transitions in the order the workflow made them. A retried activity finds its key and does nothing.
 */
export class CaseLog<D extends CaseEventDetails> {
  private sequence = 0;
  private writes: Promise<unknown> = Promise.resolve();
  private readonly keyPrefix = `${workflowInfo().workflowId}/${workflowInfo().firstExecutionRunId}`;

  constructor(private readonly spec: CaseLogSpec<D>) {}

  /** How many transitions this run has recorded. */
  get recorded(): number {
    return this.sequence;
  }

  /** Records a transition made just now (state already changed); resolves when it is in the database. */
  record(type: string, actor: Actor, details: D): Promise<void> {
    const key = { eventKey: `${this.keyPrefix}/${++this.sequence}`, caseId: this.spec.caseId, caseType: this.spec.caseType };
    const write = this.spec.prepare(newCaseEvent(key, type, actor, details), details);
    upsertSearchAttributes(write.searchAttributes);
    return this.chain(write.store).then(() => undefined);
  }

  /** Runs a write that is not a transition (a notice to another workflow) in the same order. */
  chain<T>(write: () => Promise<T>): Promise<T> {
    const next = this.writes.then(write);
    this.writes = next;
    return next;
  }

  /** Resolves when every write chained so far is done. */
  async drained(): Promise<void> {
    await this.writes;
  }
}
