import { randomBytes } from 'node:crypto';
import type { Client } from '@temporalio/client';
import type { Prisma, PrismaClient } from '../../generated/prisma/client.js';
import { publicationPolicySchema } from '../../domain/records/publication-policy.js';
import type { ProposalSource } from '../../domain/records/record-proposal.js';
import type { Actor } from '../../domain/roles.js';
import { DEFAULT_TIME_ZONE, localDateOf } from '../../domain/calendar/local-date.js';
import { AppError, ErrorCode } from '../../lib/app-error.js';
import { isUniqueViolation } from '../../lib/db/unique-violation.js';
import { loadPolicy } from '../../lib/policies/load-policy.js';
import { startRecordLifecycle, type LifecyclePolicyPins } from '../../lib/records/start-record-lifecycle.js';
import { appendRegistered, newRecordRow, type NewRecordInput } from './record-row.js';

export interface RecordCreationDeps extends LifecyclePolicyPins {
  prisma: PrismaClient;
  temporal: Client;
  taskQueue: string;
  timeZone?: string | undefined;
}

export interface RecordCreationOptions {
  /** A record born of a record proposal: the complaint or commitment it came from. */
  sourceCase?: { source: ProposalSource; caseId: string; proposalId: string };
  /** More writes in the same transaction (a proposal marked confirmed); it may throw to roll back. */
  alsoInTransaction?: (tx: Prisma.TransactionClient, recordId: string) => Promise<void>;
}

/**
 * The one path by which a record is created from a request (a registration, a confirmed record proposal): the checks,
 * the row with its publication window, version 1 and the REGISTERED event in one transaction, then the lifecycle
 * workflow (publication, rectification, eligibility). Returns the new record's id.
 */
export async function createRecord(deps: RecordCreationDeps, actor: Actor, input: NewRecordInput, options: RecordCreationOptions = {}): Promise<string> {
  const { prisma, temporal, taskQueue, timeZone = DEFAULT_TIME_ZONE, ...pins } = deps;
  if (!actor.authorityId) throw new AppError(ErrorCode.FORBIDDEN, 'Only staff of an authority may register records');
  // "Today" is a calendar day in the office's zone: between 00:00 and 08:00 Beijing time the UTC date is yesterday.
  if (input.decisionDate > localDateOf(new Date(), timeZone)) {
    throw new AppError(ErrorCode.VALIDATION, 'decisionDate: must not be in the future', { errors: [{ path: 'decisionDate', message: 'must not be in the future' }] });
  }
  const subject = await prisma.subject.findUnique({ where: { id: input.subjectId } });
  if (!subject) throw AppError.notFound('Subject', input.subjectId);
  if (input.sanctionKind && subject.kind !== 'CIVIL_SERVANT') {
    throw new AppError(ErrorCode.VALIDATION, 'sanctionKind applies to civil servants only', {
      errors: [{ path: 'sanctionKind', message: 'only for civil servants' }],
    });
  }
  const policy = await loadPolicy(prisma, 'PUBLICATION', publicationPolicySchema, pins.publicationPolicyId);
  const id = `rec-${input.decisionDate.slice(0, 4)}-${randomBytes(5).toString('hex')}`;
  const facts = input.facts as Prisma.InputJsonValue;
  const sourceCase = options.sourceCase;
  try {
    await prisma.$transaction(async (tx) => {
      await tx.dishonestyRecord.create({
        data: {
          ...newRecordRow(id, input, subject, { authorityId: actor.authorityId!, actorId: actor.id }, policy, localDateOf(new Date(), timeZone)),
          sourceCaseId: sourceCase?.caseId ?? null,
          facts,
          versions: { create: { version: 1, facts, change: 'CREATED', actorId: actor.id, reason: sourceCase ? `confirmed record proposal ${sourceCase.proposalId}` : 'registered' } },
        },
      });
      await appendRegistered(tx, id, input, actor, policy, sourceCase ? { source: input.source, sourceCaseId: sourceCase.caseId, proposalId: sourceCase.proposalId } : {});
      await options.alsoInTransaction?.(tx, id);
    });
  } catch (err) {
    if (isUniqueViolation(err)) {
      throw new AppError(ErrorCode.CONFLICT, `Your authority already registered a record with document number ${input.documentNumber}`);
    }
    throw err;
  }
  const record = await prisma.dishonestyRecord.findUniqueOrThrow({ where: { id } });
  await startRecordLifecycle(record, subject, { prisma, temporal, taskQueue, rectificationRequired: input.rectificationRequired, ...pins });
  return id;
}
