import type { Client } from '@temporalio/client';
import { AppError, ErrorCode } from '../../lib/app-error.js';
import { isUniqueViolation } from '../../lib/db/unique-violation.js';
import { awaitCaseSetUp, DEFAULT_CASE_SET_UP_WAIT_MS } from './await-case-set-up.js';
import { startCaseWorkflow, type CaseWorkflowStart } from './start-case-workflow.js';

export interface CaseFiling {
  /** The case an earlier attempt with the same Idempotency-Key committed, made sure to be running; null if none. */
  replay(): Promise<{ id: string } | null>;
  /**
   * Checks the filing and commits the case row with its FILED event in one transaction. A concurrent twin shows as a
   * unique violation or a CONFLICT error; either is answered by the twin's case when the key matches.
   */
  commit(): Promise<{ id: string; start: CaseWorkflowStart<unknown> }>;
  /** The error for a unique violation that no earlier attempt explains. */
  conflict(): AppError;
}

/**
 * Files a case crash-safely: the row is committed first and the workflow started second, so a crash between the two
 * leaves a row in its initial status without a workflow. A retry with the same key (replay) starts it, and so does the
 * first action on the case (CaseService.act); starting is idempotent (one workflow id, REJECT_DUPLICATE). The answer
 * waits (at most `setUpWaitMs`) for the workflow to open the first step, so it shows it with its due date.
 */
export async function fileCase(temporal: Client, filing: CaseFiling, setUpWaitMs = DEFAULT_CASE_SET_UP_WAIT_MS): Promise<{ created: boolean; id: string }> {
  const replayed = await filing.replay();
  if (replayed) return { created: false, id: replayed.id };
  let committed: { id: string; start: CaseWorkflowStart<unknown> };
  try {
    committed = await filing.commit();
  } catch (err) {
    const conflict = isUniqueViolation(err) || (err instanceof AppError && err.code === ErrorCode.CONFLICT);
    if (!conflict) throw err;
    const concurrent = await filing.replay();
    if (concurrent) return { created: false, id: concurrent.id };
    throw err instanceof AppError ? err : filing.conflict();
  }
  await startCaseWorkflow(temporal, committed.start);
  if (setUpWaitMs > 0) await awaitCaseSetUp(temporal, committed.start.workflowId, setUpWaitMs);
  return { created: true, id: committed.id };
}
