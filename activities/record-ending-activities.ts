import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import { CLOSED_OBJECTION_STATUSES } from '../domain/objection/objection-types.js';
import type { PrismaClient } from '../lib/prisma.js';
import { CLOSED_REPAIR_STATUSES } from '../workflows/repair/repair-contract.js';
import { recordEndedSignal, type RecordEndedNotice } from '../workflows/shared/record-ended.js';

export interface EndRecordCasesRequest extends RecordEndedNotice {
  recordId: string;
}

export function createRecordEndingActivities(prisma: PrismaClient, temporal: Client) {
  return {
    /**
     * A record was deleted (found wrong) or revoked: its open repair applications and objections end with that
     * cause (an idempotent signal; a case that closed meanwhile ignores it). Returns the cases told.
     */
    async endOpenCasesOfRecord(request: EndRecordCasesRequest): Promise<string[]> {
      const { recordId, ...notice } = request;
      const [repairs, objections] = await Promise.all([
        prisma.repairApplication.findMany({ where: { recordId, status: { notIn: [...CLOSED_REPAIR_STATUSES] } }, select: { workflowId: true } }),
        prisma.objection.findMany({
          where: { recordId, status: { notIn: [...CLOSED_OBJECTION_STATUSES] }, id: { not: notice.caseId } },
          select: { workflowId: true },
        }),
      ]);
      const told: string[] = [];
      for (const { workflowId } of [...repairs, ...objections]) {
        try {
          await temporal.workflow.getHandle(workflowId).signal(recordEndedSignal, notice);
          told.push(workflowId);
        } catch (err) {
          if (!(err instanceof WorkflowNotFoundError)) throw err;
        }
      }
      return told;
    },
  };
}
