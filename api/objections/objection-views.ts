import { CLOSED_OBJECTION_STATUSES } from '../../domain/objection/objection-types.js';
import type { Objection } from '../../generated/prisma/client.js';

const CLOSED = new Set<string>(CLOSED_OBJECTION_STATUSES);

export function objectionView(row: Objection, now: Date = new Date()) {
  return {
    id: row.id,
    workflowId: row.workflowId,
    recordId: row.recordId,
    subjectId: row.subjectId,
    applicantId: row.applicantId,
    grounds: row.grounds,
    statement: row.statement,
    evidence: row.evidence,
    requestedCorrection: row.requestedCorrection,
    status: row.status,
    outcome: row.outcome,
    decisionReasons: row.decisionReasons,
    currentStep: row.currentStep,
    assigneeRole: row.assigneeRole,
    dueAt: row.dueAt?.toISOString() ?? null,
    dueProvisional: row.dueProvisional,
    calendarVersion: row.calendarVersion,
    overdue: !CLOSED.has(row.status) && row.dueAt !== null && row.dueAt < now,
    escalated: row.escalated,
    claimedById: row.claimedById,
    extendedWorkingDays: row.extendedWorkingDays,
    policy: { id: row.policyId, version: row.policyVersion },
    filedAt: row.filedAt.toISOString(),
    closedAt: row.closedAt?.toISOString() ?? null,
  };
}

