import { randomBytes } from 'node:crypto';
import type { Client } from '@temporalio/client';
import type { UpdateDefinition } from '@temporalio/common';
import { Prisma, type PrismaClient } from '../../generated/prisma/client.js';
import { leniencyAppliesTo, publicationPolicySchema, publicationWindow } from '../../domain/records/publication-policy.js';
import type { Actor } from '../../domain/roles.js';
import { DEFAULT_TIME_ZONE, localDateOf } from '../../domain/calendar/local-date.js';
import { AppError, ErrorCode } from '../../lib/app-error.js';
import { appendAuditEvent } from '../../lib/audit/append-audit-event.js';
import { loadPolicy } from '../../lib/policies/load-policy.js';
import { startRecordLifecycle, type LifecyclePolicyPins } from '../../lib/records/start-record-lifecycle.js';
import { proposeLeniencyUpdate, RECORD_CASE_TYPE, recordWorkflowId, type ProposeLeniencyCommand, type RecordLifecycleState } from '../../workflows/record/record-contract.js';
import { visibleTo } from '../access/visibility.js';
import { eventView } from '../objections/objection-views.js';
import { fromWorkflowError } from '../temporal/workflow-errors.js';
import { countableFor, listPage } from '../cases/case-list.js';
import type { ListRecordsQuery, RegisterRecordInput } from './record-schemas.js';
import { recordView } from './record-views.js';
import { updateIdOf } from '../temporal/update-id.js';

export interface RecordServiceDeps extends LifecyclePolicyPins {
  prisma: PrismaClient;
  temporal: Client;
  taskQueue: string;
  /** Zone whose calendar day is "today" (CALENDAR_TIME_ZONE; default Asia/Shanghai). */
  timeZone?: string | undefined;
}

const asDate = (day: string) => new Date(`${day}T00:00:00.000Z`);

export function createRecordService({ prisma, temporal, taskQueue, timeZone = DEFAULT_TIME_ZONE, ...pins }: RecordServiceDeps) {
  async function loadVisible(actor: Actor, recordId: string) {
    const record = await prisma.dishonestyRecord.findFirst({ where: { id: recordId, ...visibleTo(actor) } });
    if (!record) throw AppError.notFound('Record', recordId);
    return record;
  }

  async function detail(recordId: string) {
    const record = await prisma.dishonestyRecord.findUniqueOrThrow({
      where: { id: recordId },
      include: { versions: { orderBy: { version: 'asc' } } },
    });
    const [events, leniency] = await Promise.all([
      prisma.caseEvent.findMany({ where: { caseId: recordId, caseType: RECORD_CASE_TYPE }, orderBy: [{ occurredAt: 'asc' }, { id: 'asc' }] }),
      prisma.leniencyDecision.findMany({ where: { recordId }, orderBy: { proposedAt: 'asc' } }),
    ]);
    return {
      ...recordView(record, record.versions),
      leniencyDecisions: leniency.map((l) => ({
        id: l.id,
        kind: l.kind,
        status: l.status,
        reasons: l.reasons,
        proposedById: l.proposedById,
        decidedById: l.decidedById,
        decisionReasons: l.decisionReasons,
      })),
      timeline: events.map(eventView),
    };
  }

  return {
    /** Registers a record for a subject, as the actor's authority; the lifecycle workflow takes it from there. */
    async register(actor: Actor, input: RegisterRecordInput) {
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
      const window = publicationWindow(input.decisionDate, input.severity, policy.params, 'NONE', localDateOf(new Date(), timeZone));
      const id = `rec-${input.decisionDate.slice(0, 4)}-${randomBytes(5).toString('hex')}`;
      const facts = input.facts as Prisma.InputJsonValue;
      try {
        await prisma.$transaction(async (tx) => {
          await tx.dishonestyRecord.create({
            data: {
              id,
              subjectId: subject.id,
              authorityId: actor.authorityId!,
              source: input.source,
              documentNumber: input.documentNumber,
              severity: input.severity,
              policyArea: input.policyArea,
              facts,
              decisionDate: asDate(input.decisionDate),
              publishedFrom: asDate(window.publishedFrom),
              publishedUntil: asDate(window.publishedUntil),
              minPublishedUntil: asDate(window.minPublishedUntil),
              sanctionKind: input.sanctionKind ?? null,
              rectificationStatus: subject.kind === 'GOVERNMENT_BODY' && input.rectificationRequired ? 'PENDING' : 'NOT_REQUIRED',
              registeredById: actor.id,
              publicationPolicyId: policy.id,
              workflowId: recordWorkflowId(id),
              versions: { create: { version: 1, facts, change: 'CREATED', actorId: actor.id, reason: 'registered' } },
            },
          });
          await appendAuditEvent(tx, {
            eventKey: `record-${id}/registered`,
            caseId: id,
            caseType: RECORD_CASE_TYPE,
            type: 'REGISTERED',
            actorId: actor.id,
            actorRole: actor.role,
            data: { documentNumber: input.documentNumber, severity: input.severity, policy: { id: policy.id, version: policy.version } },
            occurredAt: new Date(),
          });
        });
      } catch (err) {
        if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2002') {
          throw new AppError(ErrorCode.CONFLICT, `Your authority already registered a record with document number ${input.documentNumber}`);
        }
        throw err;
      }
      const record = await prisma.dishonestyRecord.findUniqueOrThrow({ where: { id } });
      await startRecordLifecycle(record, subject, { prisma, temporal, taskQueue, rectificationRequired: input.rectificationRequired, ...pins });
      return detail(id);
    },

    async list(actor: Actor, query: ListRecordsQuery) {
      const where: Prisma.DishonestyRecordWhereInput = {
        AND: [
          visibleTo(actor),
          query.subjectId ? { subjectId: query.subjectId } : {},
          query.underObjection === undefined ? {} : { objectionCaseId: query.underObjection ? { not: null } : null },
        ],
      };
      return listPage(
        {
          sortKey: 'decisionDate',
          countable: countableFor(actor, query),
          find: ({ where: page, ...args }) => prisma.dishonestyRecord.findMany({ where: { AND: [where, page] }, ...args }),
          count: () => prisma.dishonestyRecord.count({ where }),
        },
        query,
        (row) => recordView(row),
      );
    },

    async get(actor: Actor, recordId: string) {
      await loadVisible(actor, recordId);
      return detail(recordId);
    },

    /**
     * Proposes 主动纠错 leniency, if the record's publication policy lets its subject have it (`leniencySubjects`):
     * a government body's record under CIVIL_SERVANTS_ONLY is refused.
     */
    async proposeLeniency(actor: Actor, recordId: string, command: Omit<ProposeLeniencyCommand, 'actor'>, idempotencyKey?: string) {
      const record = await loadVisible(actor, recordId);
      const subject = await prisma.subject.findUniqueOrThrow({ where: { id: record.subjectId } });
      const policy = await loadPolicy(prisma, 'PUBLICATION', publicationPolicySchema, record.publicationPolicyId ?? pins.publicationPolicyId);
      if (!leniencyAppliesTo(policy.params, subject.kind)) {
        throw new AppError(ErrorCode.INVALID_STATE, `Leniency (主动纠错) applies to civil servants only under publication policy ${policy.name}@${policy.version}; ${recordId} concerns a government body`);
      }
      return this.act(actor, recordId, proposeLeniencyUpdate, command, idempotencyKey);
    },

    /** Runs a decision on the record's lifecycle workflow (revocation, leniency). */
    async act<C extends { actor: Actor }>(actor: Actor, recordId: string, update: UpdateDefinition<RecordLifecycleState, [C]>, command: Omit<C, 'actor'>, idempotencyKey?: string) {
      const record = await loadVisible(actor, recordId);
      if (!record.workflowId) throw new AppError(ErrorCode.INVALID_STATE, `Record ${recordId} has no running lifecycle`);
      try {
        await temporal.workflow.getHandle(record.workflowId).executeUpdate(update, {
          args: [{ ...command, actor } as C],
          ...updateIdOf(update.name, actor.id, idempotencyKey),
        });
      } catch (err) {
        throw fromWorkflowError(err);
      }
      return detail(recordId);
    },
  };
}

export type RecordService = ReturnType<typeof createRecordService>;
