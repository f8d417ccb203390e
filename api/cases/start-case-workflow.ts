import { WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';
import { CaseStatusKey, CaseTypeKey, RecordIdKey, SubjectIdKey } from '../../workflows/shared/search-attributes.js';

/** What a case service needs to start (or make sure of) the workflow of a case it filed. */
export interface CaseWorkflowStart<A> {
  workflowType: string;
  workflowId: string;
  taskQueue: string;
  input: A;
  caseType: string;
  subjectId: string;
  /** null for a case that precedes any record (a complaint). */
  recordId: string | null;
}

/**
 * Starts a filed case's workflow, once. Filing commits the case row first and starts the workflow second, so a crash
 * between the two leaves a row without a workflow: every retry of the filing (same Idempotency-Key) calls this again.
 * A workflow already running, or already finished under this id, is the same case (REJECT_DUPLICATE: never a second run).
 */
export async function startCaseWorkflow<A>(temporal: Client, start: CaseWorkflowStart<A>): Promise<void> {
  try {
    await temporal.workflow.start(start.workflowType, {
      workflowId: start.workflowId,
      taskQueue: start.taskQueue,
      args: [start.input],
      workflowIdReusePolicy: 'REJECT_DUPLICATE',
      typedSearchAttributes: [
        { key: CaseTypeKey, value: start.caseType },
        { key: CaseStatusKey, value: 'FILED' },
        { key: SubjectIdKey, value: start.subjectId },
        ...(start.recordId === null ? [] : [{ key: RecordIdKey, value: start.recordId }]),
      ],
    });
  } catch (err) {
    if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
  }
}
