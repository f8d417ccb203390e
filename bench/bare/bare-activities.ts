import type { Client } from '@temporalio/client';

/** No-op steps, and the per-subject signal-with-start (the one step that does something, as in the product). */
export function createBareActivities(client: Client, taskQueue: string) {
  return {
    async noop(): Promise<void> {},
    async signalSubject(subjectId: string, local: boolean): Promise<void> {
      await client.workflow.signalWithStart('bareSubjectWorkflow', {
        workflowId: `bare-subject-${local ? 'local' : 'ordinary'}-${subjectId}`,
        taskQueue,
        args: [{ subjectId, local }],
        signal: 'recordChanged',
        signalArgs: [subjectId],
      });
    },
  };
}

export type BareActivities = ReturnType<typeof createBareActivities>;
