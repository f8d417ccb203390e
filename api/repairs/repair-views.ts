import type { RepairApplication } from '../../generated/prisma/client.js';
import { CLOSED_REPAIR_STATUSES, type RepairStatus } from '../../workflows/repair/repair-contract.js';

export function repairView(row: RepairApplication, now: Date = new Date()) {
  const closed = CLOSED_REPAIR_STATUSES.includes(row.status as RepairStatus);
  return {
    id: row.id,
    workflowId: row.workflowId,
    recordId: row.recordId,
    subjectId: row.subjectId,
    applicantId: row.applicantId,
    status: row.status,
    materials: row.materials,
    currentStep: row.currentStep,
    assigneeRole: row.assigneeRole,
    dueAt: row.dueAt?.toISOString() ?? null,
    dueProvisional: row.dueProvisional,
    clockPaused: row.clockPaused,
    overdue: !closed && !row.clockPaused && row.dueAt !== null && row.dueAt < now,
    escalated: row.escalated,
    claimedById: row.claimedById,
    reviewedById: row.reviewedById,
    decidedById: row.decidedById,
    decisionReasons: row.decisionReasons,
    reapplyFrom: row.reapplyFrom?.toISOString() ?? null,
    policy: { id: row.policyId, version: row.policyVersion },
    filedAt: row.filedAt.toISOString(),
    closedAt: row.closedAt?.toISOString() ?? null,
  };
}
