import { createHash } from 'node:crypto';
import type { Prisma } from '../../generated/prisma/client.js';
import { RECORD_PROPOSAL_CASE_TYPE, type RecordProposalInput } from '../../domain/records/record-proposal.js';
import { appendAuditEvent } from '../audit/append-audit-event.js';
import { isUniqueViolation } from '../db/unique-violation.js';
import type { PrismaClient } from '../prisma.js';

/** The proposal's id, derived from its source case: the same case always proposes the same id. */
export function recordProposalId(source: string, sourceCaseId: string): string {
  return `prop-${createHash('sha256').update(`${source}:${sourceCaseId}`).digest('hex').slice(0, 16)}`;
}

/**
 * Proposes a dishonesty record from a complaint's finding or a broken commitment (callable from an activity).
 * Idempotent by source case: a retry, or a second call for the same case, returns the first proposal unchanged.
 * Inside `tx` when given (the caller's transition), otherwise in a transaction of its own.
 */
export async function proposeRecord(db: PrismaClient | Prisma.TransactionClient, input: RecordProposalInput): Promise<{ id: string; created: boolean }> {
  const id = recordProposalId(input.source, input.sourceCaseId);
  const write = async (tx: Prisma.TransactionClient) => {
    const existing = await tx.recordProposal.findUnique({ where: { id }, select: { id: true } });
    if (existing) return { id, created: false };
    const facts = input.facts as Prisma.InputJsonValue;
    await tx.recordProposal.create({
      data: {
        id,
        source: input.source,
        sourceCaseId: input.sourceCaseId,
        subjectId: input.subjectId,
        authorityId: input.authorityId,
        severity: input.severity,
        policyArea: input.policyArea,
        facts,
        decisionDate: new Date(`${input.decisionDate}T00:00:00.000Z`),
        sanctionKind: input.sanctionKind ?? null,
        rectificationRequired: input.rectificationRequired ?? true,
        proposedById: input.proposedBy.id,
      },
    });
    await appendAuditEvent(tx, {
      eventKey: `${id}/proposed`,
      caseId: id,
      caseType: RECORD_PROPOSAL_CASE_TYPE,
      type: 'PROPOSED',
      actorId: input.proposedBy.id,
      actorRole: input.proposedBy.role,
      data: { source: input.source, sourceCaseId: input.sourceCaseId, subjectId: input.subjectId, authorityId: input.authorityId, severity: input.severity, policyArea: input.policyArea },
      occurredAt: new Date(),
    });
    return { id, created: true };
  };
  if (!('$transaction' in db)) return write(db);
  try {
    return await db.$transaction(write);
  } catch (err) {
    // Two concurrent proposals for one case: the other one won.
    if (isUniqueViolation(err)) return { id, created: false };
    throw err;
  }
}
