import type { RecordProposal } from '../../generated/prisma/client.js';
import { recordOrigin } from '../../domain/records/record-proposal.js';

export function recordProposalView(p: RecordProposal) {
  return {
    id: p.id,
    source: p.source,
    sourceCaseId: p.sourceCaseId,
    origin: recordOrigin(p.source, p.sourceCaseId),
    subjectId: p.subjectId,
    authorityId: p.authorityId,
    severity: p.severity,
    policyArea: p.policyArea,
    facts: p.facts,
    decisionDate: p.decisionDate.toISOString().slice(0, 10),
    sanctionKind: p.sanctionKind,
    rectificationRequired: p.rectificationRequired,
    status: p.status,
    proposedById: p.proposedById,
    proposedAt: p.proposedAt.toISOString(),
    decidedById: p.decidedById,
    decidedAt: p.decidedAt?.toISOString() ?? null,
    decisionReasons: p.decisionReasons,
    recordId: p.recordId,
  };
}
