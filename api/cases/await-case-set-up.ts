import type { Client } from '@temporalio/client';
import { caseSetUpUpdate } from '../../workflows/shared/case-contract.js';

/** How long a filing's answer waits for its workflow to set the case up (CASE_SET_UP_WAIT_MS). */
export const DEFAULT_CASE_SET_UP_WAIT_MS = 3_000;

/**
 * Waits, at most `waitMs`, until a just-started case workflow has opened its first step (deadline computed, the
 * read model written): then the filing's answer shows the step and its due date, like every action's answer shows
 * the case as the workflow left it. It is a wait, not a condition of the filing: with the worker down or slow, or a
 * worker that predates the update (rolling deploy), the filing is answered anyway, committed and started, and the
 * case sets itself up when a worker runs it. The update has a fixed id, so a retried filing joins the first wait.
 */
export async function awaitCaseSetUp(temporal: Client, workflowId: string, waitMs: number): Promise<boolean> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), waitMs);
  try {
    await temporal.connection.withAbortSignal(controller.signal, () =>
      temporal.workflow.getHandle(workflowId).executeUpdate(caseSetUpUpdate, { updateId: 'case-set-up' }),
    );
    return true;
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}
