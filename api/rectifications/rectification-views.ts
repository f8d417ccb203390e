import type { Rectification } from '../../generated/prisma/client.js';
import { CLOSED_RECTIFICATION_STATUSES, type RectificationCaseStatus } from '../../workflows/rectification/rectification-contract.js';

export function isClosed(status: string): boolean {
  return CLOSED_RECTIFICATION_STATUSES.includes(status as RectificationCaseStatus);
}

/** Open, and either past its deadline or escalated (督办 or later). */
export function isOverdue(row: Rectification, now: Date): boolean {
  return !isClosed(row.status) && ((row.dueAt !== null && row.dueAt < now) || row.escalationLevel !== 'NONE');
}

export function rectificationView(row: Rectification, now: Date = new Date()) {
  return {
    id: row.id,
    workflowId: row.workflowId,
    recordId: row.recordId,
    subjectId: row.subjectId,
    status: row.status,
    explanation: row.explanation,
    plan: row.plan,
    currentStep: row.currentStep,
    assigneeRole: row.assigneeRole,
    dueAt: row.dueAt?.toISOString() ?? null,
    dueProvisional: row.dueProvisional,
    overdue: isOverdue(row, now),
    escalationLevel: row.escalationLevel,
    returnedCount: row.returnedCount,
    claimedById: row.claimedById,
    policy: { id: row.policyId, version: row.policyVersion },
    openedAt: row.openedAt.toISOString(),
    closedAt: row.closedAt?.toISOString() ?? null,
  };
}
