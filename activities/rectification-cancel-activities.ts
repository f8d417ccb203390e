import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import { cancelRectificationSignal } from '../workflows/rectification/rectification-contract.js';

export function createRectificationCancelActivities(temporal: Client) {
  return {
    /**
     * Cancels a rectification order when its record's effects end. Sent by the worker rather than by the record
     * workflow itself, so the signal carries the worker's signature (a workflow cannot sign: it holds no secret).
     */
    async cancelRectificationCase(workflowId: string, cause: string): Promise<void> {
      try {
        await temporal.workflow.getHandle(workflowId).signal(cancelRectificationSignal, { cause });
      } catch (err) {
        // The rectification finished meanwhile: nothing left to cancel.
        if (!(err instanceof WorkflowNotFoundError)) throw err;
      }
    },
  };
}
