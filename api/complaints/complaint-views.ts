import type { Complaint } from '../../generated/prisma/client.js';
import { CLOSED_COMPLAINT_STATUSES, type ComplaintStatus } from '../../workflows/complaint/complaint-contract.js';

const iso = (date: Date | null) => date?.toISOString() ?? null;

/** A complaint for staff (never the reporter's identity: see complaint-service's reporterFor). */
export function complaintView(row: Complaint, now: Date = new Date()) {
  const closed = CLOSED_COMPLAINT_STATUSES.includes(row.status as ComplaintStatus);
  return {
    id: row.id,
    workflowId: row.workflowId,
    subjectId: row.subjectId,
    authorityId: row.authorityId,
    intakeAuthorityId: row.intakeAuthorityId,
    anonymous: row.anonymous,
    policyArea: row.policyArea,
    category: row.category,
    summary: row.summary,
    evidence: row.evidence,
    status: row.status,
    currentStep: row.currentStep,
    assigneeRole: row.assigneeRole,
    dueAt: iso(row.dueAt),
    dueProvisional: row.dueProvisional,
    overdue: !closed && row.dueAt !== null && row.dueAt < now,
    escalated: row.escalated,
    claimedById: row.claimedById,
    finding: row.finding,
    findingReasons: row.findingReasons,
    findingEvidence: row.findingEvidence,
    findingById: row.findingById,
    reply: row.reply,
    repliedAt: iso(row.repliedAt),
    proposalId: row.proposalId,
    policy: { id: row.policyId, version: row.policyVersion },
    filedAt: row.filedAt.toISOString(),
    closedAt: iso(row.closedAt),
  };
}

/** What the reporter sees with the case number and the secret: progress, and the answer once given. */
export function reporterProgressView(row: Complaint) {
  return {
    caseNumber: row.id,
    status: row.status,
    currentStep: row.currentStep,
    filedAt: row.filedAt.toISOString(),
    dueAt: iso(row.dueAt),
    finding: row.reply ? row.finding : null,
    reply: row.reply,
    repliedAt: iso(row.repliedAt),
  };
}
