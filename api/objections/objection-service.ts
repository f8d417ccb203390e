import { randomBytes } from 'node:crypto';
import type { Client } from '@temporalio/client';
import type { Objection, Prisma, PrismaClient } from '../../generated/prisma/client.js';
import { objectionPolicySchema, type ObjectionPolicy } from '../../domain/objection/objection-policy.js';
import { CLOSED_OBJECTION_STATUSES, ObjectionStatus } from '../../domain/objection/objection-types.js';
import { DEFAULT_TIME_ZONE, localDateOf } from '../../domain/calendar/local-date.js';
import type { PolicySnapshot } from '../../domain/policies/policy-snapshot.js';
import type { Actor } from '../../domain/roles.js';
import { AppError, ErrorCode } from '../../lib/app-error.js';
import { appendAuditEvent } from '../../lib/audit/append-audit-event.js';
import { calendarChangeScope } from '../../lib/calendar/calendar-change-scope.js';
import { loadPolicy } from '../../lib/policies/load-policy.js';
import { OBJECTION_CASE_TYPE, OBJECTION_WORKFLOW_TYPE, objectionWorkflowId, type ObjectionWorkflowInput } from '../../workflows/objection/objection-contract.js';
import { visibleTo } from '../access/visibility.js';
import { countableFor, listPage } from '../cases/case-list.js';
import { createCaseService } from '../cases/case-service.js';
import { fileCase } from '../cases/file-case.js';
import type { CaseWorkflowStart } from '../cases/start-case-workflow.js';
import { requireOwnEvidence } from '../evidence/evidence-refs.js';
import type { FileObjectionInput, ListObjectionsQuery } from './objection-schemas.js';
import { objectionView } from './objection-views.js';

export interface ObjectionServiceDeps {
  /** How long a filing's answer waits for its workflow to open the first step (CASE_SET_UP_WAIT_MS; 0: not at all). */
  caseSetUpWaitMs?: number | undefined;
  prisma: PrismaClient;
  temporal: Client;
  taskQueue: string;
  /** Pins the objection policy by id (name@version); otherwise the newest active one applies. */
  objectionPolicyId?: string | undefined;
  /** The office's calendar zone: "today" for a corrected decision date (CALENDAR_TIME_ZONE). */
  timeZone?: string | undefined;
}

const OPEN = { notIn: [...CLOSED_OBJECTION_STATUSES] };

function newCaseId(now: Date): string {
  const day = now.toISOString().slice(0, 10).replaceAll('-', '');
  return `OBJ-${day}-${randomBytes(5).toString('hex').toUpperCase()}`;
}

/** What an objection's outcomes may do to its record: remove a list entry, correct a civil servant's sanction kind. */
function recordTraits(record: { listEntry: boolean; subject: { kind: string } }): NonNullable<ObjectionWorkflowInput['record']> {
  return { listEntry: record.listEntry, civilServant: record.subject.kind === 'CIVIL_SERVANT' };
}

export function createObjectionService({ prisma, temporal, taskQueue, objectionPolicyId, timeZone = DEFAULT_TIME_ZONE, caseSetUpWaitMs }: ObjectionServiceDeps) {
  const activePolicy = () => loadPolicy(prisma, 'OBJECTION', objectionPolicySchema, objectionPolicyId);

  function workflowStart(input: ObjectionWorkflowInput): CaseWorkflowStart<ObjectionWorkflowInput> {
    const { caseId, subjectId, recordId } = input;
    return { workflowType: OBJECTION_WORKFLOW_TYPE, workflowId: objectionWorkflowId(caseId), taskQueue, input, caseType: OBJECTION_CASE_TYPE, subjectId, recordId };
  }

  const cases = createCaseService(
    { prisma, temporal },
    {
      caseType: OBJECTION_CASE_TYPE,
      noun: 'Objection',
      finalStatuses: CLOSED_OBJECTION_STATUSES,
      initialStatus: ObjectionStatus.FILED,
      findVisible: (actor, id) => prisma.objection.findFirst({ where: { id, ...visibleTo(actor) } }),
      findRow: (id) => prisma.objection.findUniqueOrThrow({ where: { id } }),
      view: (row) => objectionView(row),
      // A corrected decision date, like a registered one, is not in the future: today is the office's calendar day.
      async beforeAct(_actor, _row, _updateName, command) {
        const corrected = (command as { corrections?: { decisionDate?: string } }).corrections?.decisionDate;
        if (corrected && corrected > localDateOf(new Date(), timeZone)) {
          throw new AppError(ErrorCode.VALIDATION, `corrections.decisionDate ${corrected} is in the future (today is ${localDateOf(new Date(), timeZone)} in ${timeZone})`);
        }
      },
      async workflowStartOf(row: Objection) {
        const record = await prisma.dishonestyRecord.findUniqueOrThrow({ where: { id: row.recordId }, include: { subject: { select: { kind: true } } } });
        const policy = row.policy as unknown as PolicySnapshot<ObjectionPolicy>;
        const { id: caseId, recordId, subjectId, applicantId } = row;
        return workflowStart({ caseId, recordId, subjectId, authorityId: record.authorityId, applicantId, filedAt: row.filedAt.toISOString(), policy, record: recordTraits(record) });
      },
      async openWorkflowIds(year) {
        const rows = await prisma.objection.findMany({ where: { AND: [calendarChangeScope(year), { status: OPEN }] }, select: { workflowId: true } });
        return rows.map((row) => row.workflowId);
      },
    },
  );

  async function commit(actor: Actor, input: FileObjectionInput, scopedKey: string | null) {
    const record = await prisma.dishonestyRecord.findFirst({ where: { id: input.recordId, ...visibleTo(actor) }, include: { subject: { select: { kind: true } } } });
    if (!record) throw AppError.notFound('Record', input.recordId);
    if (record.status !== 'ACTIVE') throw new AppError(ErrorCode.INVALID_STATE, `Record ${record.id} is ${record.status}; objections apply to active records`);
    const open = await prisma.objection.findFirst({ where: { recordId: record.id, status: OPEN }, select: { id: true } });
    if (open) throw new AppError(ErrorCode.CONFLICT, `Record ${record.id} already has an open objection ${open.id}`, { caseId: open.id });
    await requireOwnEvidence(prisma, actor, input.evidence);
    const policy = await activePolicy();
    const now = new Date();
    const caseId = newCaseId(now);
    const workflowId = objectionWorkflowId(caseId);
    await prisma.$transaction(async (tx) => {
      await tx.objection.create({
        data: {
          id: caseId,
          workflowId,
          recordId: record.id,
          subjectId: record.subjectId,
          authorityId: record.authorityId,
          applicantId: actor.id,
          grounds: input.grounds,
          statement: input.statement,
          evidence: input.evidence as Prisma.InputJsonValue,
          ...(input.requestedCorrection ? { requestedCorrection: input.requestedCorrection as Prisma.InputJsonValue } : {}),
          status: ObjectionStatus.FILED,
          policyId: policy.id,
          policyVersion: policy.version,
          policy: policy as unknown as Prisma.InputJsonValue,
          idempotencyKey: scopedKey,
          filedAt: now,
        },
      });
      await appendAuditEvent(tx, {
        eventKey: `${workflowId}/filed`,
        caseId,
        caseType: OBJECTION_CASE_TYPE,
        type: 'FILED',
        actorId: actor.id,
        actorRole: actor.role,
        data: { recordId: record.id, grounds: input.grounds, policy: { id: policy.id, version: policy.version } },
        occurredAt: now,
      });
    });
    const { subjectId, authorityId } = record;
    return {
      id: caseId,
      start: workflowStart({ caseId, recordId: record.id, subjectId, authorityId, applicantId: actor.id, filedAt: now.toISOString(), policy, record: recordTraits(record) }),
    };
  }

  return {
    get: cases.get,
    act: cases.act,
    recomputeDeadlines: cases.recomputeDeadlines,

    /** Files an objection: the case row and its FILED event in one transaction, then the workflow. */
    async file(actor: Actor, input: FileObjectionInput, idempotencyKey?: string) {
      const scopedKey = idempotencyKey ? `${actor.id}:${idempotencyKey}` : null;
      const { created, id } = await fileCase(temporal, {
        async replay() {
          const existing = scopedKey ? await prisma.objection.findUnique({ where: { idempotencyKey: scopedKey } }) : null;
          if (existing) await cases.ensureWorkflow(existing);
          return existing;
        },
        commit: () => commit(actor, input, scopedKey),
        conflict: () => new AppError(ErrorCode.CONFLICT, `Record ${input.recordId} already has an open objection`),
      }, caseSetUpWaitMs);
      return { created, case: await cases.detail(id) };
    },

    async list(actor: Actor, query: ListObjectionsQuery) {
      const now = new Date();
      const where: Prisma.ObjectionWhereInput = {
        AND: [
          visibleTo(actor),
          query.status ? { status: query.status } : {},
          query.subjectId ? { subjectId: query.subjectId } : {},
          query.recordId ? { recordId: query.recordId } : {},
          query.overdue === true ? { status: OPEN, dueAt: { lt: now } } : {},
          query.overdue === false ? { OR: [{ status: { in: [...CLOSED_OBJECTION_STATUSES] } }, { dueAt: null }, { dueAt: { gte: now } }] } : {},
        ],
      };
      return listPage(
        {
          sortKey: 'filedAt',
          countable: countableFor(actor, query),
          find: ({ where: page, ...args }) => prisma.objection.findMany({ where: { AND: [where, page] }, ...args }),
          count: () => prisma.objection.count({ where }),
        },
        query,
        (row) => objectionView(row, now),
      );
    },
  };
}

export type ObjectionService = ReturnType<typeof createObjectionService>;
