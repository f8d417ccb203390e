import type { Client } from '@temporalio/client';
import type { Prisma, PrismaClient, RecordProposal } from '../../generated/prisma/client.js';
import { RECORD_PROPOSAL_CASE_TYPE, RecordProposalStatus, type ProposalSource } from '../../domain/records/record-proposal.js';
import type { SanctionKind } from '../../domain/records/record-types.js';
import type { Actor } from '../../domain/roles.js';
import { AppError, ErrorCode } from '../../lib/app-error.js';
import { appendAuditEvent } from '../../lib/audit/append-audit-event.js';
import { startRecordLifecycle, type LifecyclePolicyPins } from '../../lib/records/start-record-lifecycle.js';
import { visibleTo } from '../access/visibility.js';
import { countableFor, listPage } from '../cases/case-list.js';
import { createRecord } from '../records/record-creation.js';
import type { ConfirmRecordProposalInput, ListRecordProposalsQuery } from './record-proposal-schemas.js';
import { recordProposalView } from './record-proposal-views.js';

export interface RecordProposalServiceDeps extends LifecyclePolicyPins {
  prisma: PrismaClient;
  temporal: Client;
  taskQueue: string;
  timeZone?: string | undefined;
}

const day = (date: Date) => date.toISOString().slice(0, 10);

/**
 * Record proposals (from complaints and broken commitments): the competent authority's reviewer confirms one into a
 * dishonesty record — by the same path as a registration (api/records/record-creation.ts), so publication,
 * rectification and eligibility follow — or rejects it with reasons. The one who made the finding may not confirm it.
 */
export function createRecordProposalService(deps: RecordProposalServiceDeps) {
  const { prisma } = deps;

  async function findVisible(actor: Actor, id: string): Promise<RecordProposal> {
    const row = await prisma.recordProposal.findFirst({ where: { id, ...visibleTo(actor) } });
    if (!row) throw AppError.notFound('Record proposal', id);
    return row;
  }

  function decide(tx: Prisma.TransactionClient, actor: Actor, proposal: RecordProposal, status: RecordProposalStatus, reasons: string | null, recordId: string | null) {
    return (async () => {
      const { count } = await tx.recordProposal.updateMany({
        where: { id: proposal.id, status: RecordProposalStatus.PROPOSED },
        data: { status, decidedById: actor.id, decidedAt: new Date(), decisionReasons: reasons, recordId },
      });
      if (count !== 1) throw new AppError(ErrorCode.INVALID_STATE, `Record proposal ${proposal.id} was decided meanwhile`);
      await appendAuditEvent(tx, {
        eventKey: `${proposal.id}/${status.toLowerCase()}`,
        caseId: proposal.id,
        caseType: RECORD_PROPOSAL_CASE_TYPE,
        type: status,
        actorId: actor.id,
        actorRole: actor.role,
        reason: reasons,
        data: { recordId },
        occurredAt: new Date(),
      });
    })();
  }

  function checkDecidable(actor: Actor, proposal: RecordProposal) {
    if (proposal.proposedById === actor.id) {
      throw new AppError(ErrorCode.FORBIDDEN, 'The person who made the finding may not decide its record proposal (four-eyes)');
    }
  }

  return {
    async list(actor: Actor, query: ListRecordProposalsQuery) {
      const where: Prisma.RecordProposalWhereInput = {
        AND: [
          visibleTo(actor),
          query.subjectId ? { subjectId: query.subjectId } : {},
          query.status ? { status: query.status } : {},
          query.source ? { source: query.source } : {},
          query.policyArea ? { policyArea: query.policyArea } : {},
        ],
      };
      return listPage(
        {
          sortKey: 'proposedAt',
          countable: countableFor(actor, query),
          find: ({ where: page, ...args }) => prisma.recordProposal.findMany({ where: { AND: [where, page] }, ...args }),
          count: () => prisma.recordProposal.count({ where }),
        },
        query,
        recordProposalView,
      );
    },

    async get(actor: Actor, id: string) {
      return recordProposalView(await findVisible(actor, id));
    },

    /** Confirms the proposal into a record; confirming a confirmed proposal again answers the same (and makes sure its lifecycle runs). */
    async confirm(actor: Actor, id: string, input: ConfirmRecordProposalInput) {
      const proposal = await findVisible(actor, id);
      if (proposal.status === RecordProposalStatus.CONFIRMED && proposal.recordId) {
        const record = await prisma.dishonestyRecord.findUniqueOrThrow({ where: { id: proposal.recordId } });
        const subject = await prisma.subject.findUniqueOrThrow({ where: { id: record.subjectId } });
        await startRecordLifecycle(record, subject, { ...deps, rectificationRequired: proposal.rectificationRequired });
        return recordProposalView(proposal);
      }
      if (proposal.status !== RecordProposalStatus.PROPOSED) throw new AppError(ErrorCode.INVALID_STATE, `Record proposal ${id} is ${proposal.status}`);
      checkDecidable(actor, proposal);
      const source = proposal.source as ProposalSource;
      await createRecord(
        deps,
        actor,
        {
          subjectId: proposal.subjectId,
          source,
          documentNumber: input.documentNumber ?? `${source}:${proposal.sourceCaseId}`,
          severity: proposal.severity,
          policyArea: proposal.policyArea,
          decisionDate: day(proposal.decisionDate),
          facts: proposal.facts as { title: string; summary: string },
          ...(proposal.sanctionKind ? { sanctionKind: proposal.sanctionKind as SanctionKind } : {}),
          rectificationRequired: proposal.rectificationRequired,
        },
        {
          sourceCase: { source, caseId: proposal.sourceCaseId, proposalId: proposal.id },
          alsoInTransaction: (tx, recordId) => decide(tx, actor, proposal, RecordProposalStatus.CONFIRMED, input.reasons ?? null, recordId),
        },
      );
      return recordProposalView(await prisma.recordProposal.findUniqueOrThrow({ where: { id } }));
    },

    async reject(actor: Actor, id: string, reasons: string) {
      const proposal = await findVisible(actor, id);
      if (proposal.status === RecordProposalStatus.REJECTED) return recordProposalView(proposal);
      if (proposal.status !== RecordProposalStatus.PROPOSED) throw new AppError(ErrorCode.INVALID_STATE, `Record proposal ${id} is ${proposal.status}`);
      checkDecidable(actor, proposal);
      await prisma.$transaction((tx) => decide(tx, actor, proposal, RecordProposalStatus.REJECTED, reasons, null));
      return recordProposalView(await prisma.recordProposal.findUniqueOrThrow({ where: { id } }));
    },
  };
}

export type RecordProposalService = ReturnType<typeof createRecordProposalService>;
