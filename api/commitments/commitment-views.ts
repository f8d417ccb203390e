import type { Commitment } from '../../generated/prisma/client.js';
import { CLOSED_COMMITMENT_STATUSES, type CommitmentStatus } from '../../workflows/commitment/commitment-contract.js';

const day = (date: Date) => date.toISOString().slice(0, 10);

export function commitmentView(row: Commitment, now: Date = new Date()) {
  const closed = CLOSED_COMMITMENT_STATUSES.includes(row.status as CommitmentStatus);
  return {
    id: row.id,
    workflowId: row.workflowId,
    subjectId: row.subjectId,
    authorityId: row.authorityId,
    registeredById: row.registeredById,
    kind: row.kind,
    policyArea: row.policyArea,
    promise: row.promise,
    publicConcerned: row.publicConcerned,
    dueDate: day(row.dueDate),
    recurrence: row.everyMonths !== null && row.endsOn !== null ? { everyMonths: row.everyMonths, endsOn: day(row.endsOn) } : null,
    dueDates: row.dueDates,
    period: row.period,
    status: row.status,
    currentStep: row.currentStep,
    assigneeRole: row.assigneeRole,
    dueAt: row.dueAt?.toISOString() ?? null,
    dueProvisional: row.dueProvisional,
    overdue: !closed && row.dueAt !== null && row.dueAt < now,
    escalated: row.escalated,
    claimedById: row.claimedById,
    recordProposalId: row.recordProposalId,
    policy: { id: row.policyId, version: row.policyVersion },
    registeredAt: row.registeredAt.toISOString(),
    closedAt: row.closedAt?.toISOString() ?? null,
  };
}
