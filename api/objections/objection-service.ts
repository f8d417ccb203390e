import { randomBytes } from 'node:crypto';
import type { Client } from '@temporalio/client';
import type { UpdateDefinition } from '@temporalio/common';
import { Prisma, type Objection, type PrismaClient } from '../../generated/prisma/client.js';
import { objectionPolicySchema, type ObjectionPolicy, type PolicySnapshot } from '../../domain/objection/objection-policy.js';
import type { Actor } from '../../domain/roles.js';
import { AppError, ErrorCode } from '../../lib/app-error.js';
import { appendAuditEvent } from '../../lib/audit/append-audit-event.js';
import { loadPolicy } from '../../lib/policies/load-policy.js';
import {
  OBJECTION_CASE_TYPE,
  OBJECTION_WORKFLOW_TYPE,
  objectionWorkflowId,
  recomputeDeadlinesSignal,
  type ActorCommand,
  type ObjectionState,
  type ObjectionWorkflowInput,
} from '../../workflows/objection/objection-contract.js';
import { visibleTo } from '../access/visibility.js';
import { countableFor, listPage } from '../cases/case-list.js';
import { startCaseWorkflow } from '../cases/start-case-workflow.js';
import { requireOwnEvidence } from '../evidence/evidence-refs.js';
import { fromWorkflowError } from '../temporal/workflow-errors.js';
import type { FileObjectionInput, ListObjectionsQuery } from './objection-schemas.js';
import { calendarChangeScope } from '../../lib/calendar/calendar-change-scope.js';
import { CLOSED_STATUSES, eventView, objectionView } from './objection-views.js';
import { updateIdOf } from '../temporal/update-id.js';

export interface ObjectionServiceDeps {
  prisma: PrismaClient;
  temporal: Client;
  taskQueue: string;
  /** Pins the objection policy by id (name@version); otherwise the newest active one applies. */
  objectionPolicyId?: string | undefined;
}

function newCaseId(now: Date): string {
  const day = now.toISOString().slice(0, 10).replaceAll('-', '');
  return `OBJ-${day}-${randomBytes(5).toString('hex').toUpperCase()}`;
}

function isUniqueViolation(err: unknown): boolean {
  return err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2002';
}

export function createObjectionService({ prisma, temporal, taskQueue, objectionPolicyId }: ObjectionServiceDeps) {
  const activePolicy = () => loadPolicy(prisma, 'OBJECTION', objectionPolicySchema, objectionPolicyId);

  async function startWorkflow(input: ObjectionWorkflowInput): Promise<void> {
    await startCaseWorkflow(temporal, {
      workflowType: OBJECTION_WORKFLOW_TYPE,
      workflowId: objectionWorkflowId(input.caseId),
      taskQueue,
      input,
      caseType: OBJECTION_CASE_TYPE,
      subjectId: input.subjectId,
      recordId: input.recordId,
    });
  }

  async function workflowInputOf(row: Objection): Promise<ObjectionWorkflowInput> {
    const record = await prisma.dishonestyRecord.findUniqueOrThrow({ where: { id: row.recordId } });
    return {
      caseId: row.id,
      recordId: row.recordId,
      subjectId: row.subjectId,
      authorityId: record.authorityId,
      applicantId: row.applicantId,
      filedAt: row.filedAt.toISOString(),
      policy: row.policy as unknown as PolicySnapshot<ObjectionPolicy>,
    };
  }

  async function loadVisible(actor: Actor, caseId: string) {
    const row = await prisma.objection.findFirst({ where: { id: caseId, ...visibleTo(actor) } });
    if (!row) throw AppError.notFound('Objection', caseId);
    return row;
  }

  async function caseWithTimeline(caseId: string) {
    const row = await prisma.objection.findUniqueOrThrow({ where: { id: caseId } });
    const events = await prisma.caseEvent.findMany({ where: { caseId }, orderBy: [{ occurredAt: 'asc' }, { id: 'asc' }] });
    return { ...objectionView(row), timeline: events.map(eventView) };
  }

  return {
    /** Files an objection: the case row and its FILED event in one transaction, then the workflow. */
    async file(actor: Actor, input: FileObjectionInput, idempotencyKey?: string) {
      const scopedKey = idempotencyKey ? `${actor.id}:${idempotencyKey}` : null;
      /** The case an earlier attempt with the same key created, made sure to be running. */
      const replay = async () => {
        const existing = scopedKey ? await prisma.objection.findUnique({ where: { idempotencyKey: scopedKey } }) : null;
        if (!existing) return null;
        // The first attempt may have stopped between the database and Temporal: make sure the workflow runs.
        await startWorkflow(await workflowInputOf(existing));
        return { created: false, case: await caseWithTimeline(existing.id) };
      };
      const replayed = await replay();
      if (replayed) return replayed;
      const record = await prisma.dishonestyRecord.findFirst({ where: { id: input.recordId, ...visibleTo(actor) } });
      if (!record) throw AppError.notFound('Record', input.recordId);
      if (record.status !== 'ACTIVE') {
        throw new AppError(ErrorCode.INVALID_STATE, `Record ${record.id} is ${record.status}; objections apply to active records`);
      }
      const open = await prisma.objection.findFirst({
        where: { recordId: record.id, status: { notIn: [...CLOSED_STATUSES] } },
        select: { id: true },
      });
      if (open) {
        // A concurrent attempt with the same key may have filed it a moment ago.
        const concurrent = await replay();
        if (concurrent) return concurrent;
        throw new AppError(ErrorCode.CONFLICT, `Record ${record.id} already has an open objection ${open.id}`, { caseId: open.id });
      }

      await requireOwnEvidence(prisma, actor, input.evidence);
      const policy = await activePolicy();
      const now = new Date();
      const caseId = newCaseId(now);
      const workflowInput: ObjectionWorkflowInput = {
        caseId,
        recordId: record.id,
        subjectId: record.subjectId,
        authorityId: record.authorityId,
        applicantId: actor.id,
        filedAt: now.toISOString(),
        policy,
      };
      try {
        await prisma.$transaction(async (tx) => {
          await tx.objection.create({
            data: {
              id: caseId,
              workflowId: objectionWorkflowId(caseId),
              recordId: record.id,
              subjectId: record.subjectId,
              authorityId: record.authorityId,
              applicantId: actor.id,
              grounds: input.grounds,
              statement: input.statement,
              evidence: input.evidence as Prisma.InputJsonValue,
              ...(input.requestedCorrection ? { requestedCorrection: input.requestedCorrection as Prisma.InputJsonValue } : {}),
              status: 'FILED',
              policyId: policy.id,
              policyVersion: policy.version,
              policy: policy as unknown as Prisma.InputJsonValue,
              idempotencyKey: scopedKey,
              filedAt: now,
            },
          });
          await appendAuditEvent(tx, {
            eventKey: `${objectionWorkflowId(caseId)}/filed`,
            caseId,
            caseType: OBJECTION_CASE_TYPE,
            type: 'FILED',
            actorId: actor.id,
            actorRole: actor.role,
            data: { recordId: record.id, grounds: input.grounds, policy: { id: policy.id, version: policy.version } },
            occurredAt: now,
          });
        });
      } catch (err) {
        if (isUniqueViolation(err)) {
          // A concurrent retry with the same key won the race: answer with its case.
          const concurrent = await replay();
          if (concurrent) return concurrent;
          throw new AppError(ErrorCode.CONFLICT, `Record ${record.id} already has an open objection`);
        }
        throw err;
      }
      await startWorkflow(workflowInput);
      return { created: true, case: await caseWithTimeline(caseId) };
    },

    /** Runs a human action as a workflow update; the validator's verdict comes back at once. */
    async act<C extends ActorCommand, R = ObjectionState>(
      actor: Actor,
      caseId: string,
      update: UpdateDefinition<R, [C]>,
      command: Omit<C, 'actor'>,
      idempotencyKey?: string,
    ) {
      const row = await loadVisible(actor, caseId);
      if (CLOSED_STATUSES.has(row.status)) {
        throw new AppError(ErrorCode.INVALID_STATE, `The objection is ${row.status}; no further action is possible`);
      }
      const handle = temporal.workflow.getHandle(row.workflowId);
      try {
        await handle.executeUpdate(update, {
          args: [{ ...command, actor } as C],
          ...updateIdOf(update.name, actor.id, idempotencyKey),
        });
      } catch (err) {
        throw fromWorkflowError(err);
      }
      return caseWithTimeline(caseId);
    },

    async get(actor: Actor, caseId: string) {
      const row = await loadVisible(actor, caseId);
      return caseWithTimeline(row.id);
    },

    async list(actor: Actor, query: ListObjectionsQuery) {
      const now = new Date();
      const where: Prisma.ObjectionWhereInput = {
        AND: [
          visibleTo(actor),
          query.status ? { status: query.status } : {},
          query.subjectId ? { subjectId: query.subjectId } : {},
          query.recordId ? { recordId: query.recordId } : {},
          query.overdue === true ? { status: { notIn: [...CLOSED_STATUSES] }, dueAt: { lt: now } } : {},
          query.overdue === false
            ? { OR: [{ status: { in: [...CLOSED_STATUSES] } }, { dueAt: null }, { dueAt: { gte: now } }] }
            : {},
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

    /** After a calendar change (a year published or corrected): open cases whose deadlines it may move recompute them. */
    async recomputeDeadlines(year?: number): Promise<number> {
      const rows = await prisma.objection.findMany({
        where: { AND: [calendarChangeScope(year), { status: { notIn: [...CLOSED_STATUSES] } }] },
        select: { workflowId: true },
      });
      // A case whose workflow ended meanwhile has nothing to recompute; the others are told.
      const sent = await Promise.allSettled(rows.map((row) => temporal.workflow.getHandle(row.workflowId).signal(recomputeDeadlinesSignal, { year })));
      return sent.filter((result) => result.status === 'fulfilled').length;
    },
  };
}

export type ObjectionService = ReturnType<typeof createObjectionService>;
