import { caseView } from '../cases/case-view.js';
import type { RepairApplication } from '../../generated/prisma/client.js';
import { CLOSED_REPAIR_STATUSES, type RepairStatus } from '../../workflows/repair/repair-contract.js';

export function repairView(row: RepairApplication, now: Date = new Date()) {
  const closed = CLOSED_REPAIR_STATUSES.includes(row.status as RepairStatus);
  return {
    ...caseView(row),
    applicantId: row.applicantId,
    materials: row.materials,
    clockPaused: row.clockPaused,
    overdue: !closed && !row.clockPaused && row.dueAt !== null && row.dueAt < now,
    escalated: row.escalated,
    reviewedById: row.reviewedById,
    decidedById: row.decidedById,
    decisionReasons: row.decisionReasons,
    reapplyFrom: row.reapplyFrom?.toISOString() ?? null,
    filedAt: row.filedAt.toISOString(),
    closedAt: row.closedAt?.toISOString() ?? null,
  };
}
