import { randomBytes } from 'node:crypto';
import type { Client } from '@temporalio/client';
import type { UpdateDefinition } from '@temporalio/common';
import { Prisma, type PrismaClient, type RepairApplication } from '../../generated/prisma/client.js';
import { checkRepairEligibility, type RepairEligibility } from '../../domain/repair/repair-eligibility.js';
import { missingMaterials } from '../../domain/repair/repair-materials.js';
import { repairPolicySchema, type RepairPolicy } from '../../domain/repair/repair-policy.js';
import { DEFAULT_TIME_ZONE, localDateOf } from '../../domain/calendar/local-date.js';
import { addCalendarMonths } from '../../domain/records/calendar-months.js';
import type { PolicySnapshot } from '../../domain/objection/objection-policy.js';
import { RecordStatus } from '../../domain/records/record-types.js';
import type { Actor } from '../../domain/roles.js';
import { AppError, ErrorCode } from '../../lib/app-error.js';
import { appendAuditEvent } from '../../lib/audit/append-audit-event.js';
import { calendarChangeScope } from '../../lib/calendar/calendar-change-scope.js';
import { loadPolicy } from '../../lib/policies/load-policy.js';
import {
  CLOSED_REPAIR_STATUSES,
  acceptRepairUpdate,
  decideRepairUpdate,
  reviewRepairUpdate,
  REPAIR_CASE_TYPE,
  recomputeRepairDeadlinesSignal,
  REPAIR_WORKFLOW_TYPE,
  repairWorkflowId,
  type RepairState,
  type RepairWorkflowInput,
} from '../../workflows/repair/repair-contract.js';
import { visibleTo } from '../access/visibility.js';
import { countableFor, listPage } from '../cases/case-list.js';
import { startCaseWorkflow } from '../cases/start-case-workflow.js';
import { requireOwnEvidence } from '../evidence/evidence-refs.js';
import { eventView } from '../objections/objection-views.js';
import { updateIdOf } from '../temporal/update-id.js';
import { fromWorkflowError } from '../temporal/workflow-errors.js';
import type { FileRepairInput, ListRepairsQuery } from './repair-schemas.js';
import { repairView } from './repair-views.js';

export interface RepairServiceDeps {
  prisma: PrismaClient;
  temporal: Client;
  taskQueue: string;
  repairPolicyId?: string | undefined;
  /** Zone whose calendar day is "today" for the period checks (CALENDAR_TIME_ZONE; default Asia/Shanghai). */
  timeZone?: string | undefined;
}

const day = (date: Date) => date.toISOString().slice(0, 10);
/** Statuses of records found wrong: they are no offences and do not count as repeated ones. */
const RECORDS_FOUND_WRONG = ['DELETED', 'REVOKED'] as const;
const OPEN = { notIn: [...CLOSED_REPAIR_STATUSES] };

/** Steps that move an application towards a result: only while its record is still in force. */
const RECORD_BOUND_UPDATES = new Set([acceptRepairUpdate.name, reviewRepairUpdate.name, decideRepairUpdate.name]);

export function createRepairService({ prisma, temporal, taskQueue, repairPolicyId, timeZone = DEFAULT_TIME_ZONE }: RepairServiceDeps) {
  const localDay = (instant: Date) => localDateOf(instant, timeZone);
  const policy = () => loadPolicy(prisma, 'REPAIR', repairPolicySchema, repairPolicyId);

  async function loadVisible(actor: Actor, applicationId: string) {
    const row = await prisma.repairApplication.findFirst({ where: { id: applicationId, ...visibleTo(actor) } });
    if (!row) throw AppError.notFound('Repair application', applicationId);
    return row;
  }

  async function withTimeline(applicationId: string) {
    const row = await prisma.repairApplication.findUniqueOrThrow({ where: { id: applicationId } });
    const events = await prisma.caseEvent.findMany({ where: { caseId: applicationId, caseType: REPAIR_CASE_TYPE }, orderBy: [{ occurredAt: 'asc' }, { id: 'asc' }] });
    return { ...repairView(row), timeline: events.map(eventView) };
  }

  async function startWorkflow(input: RepairWorkflowInput): Promise<void> {
    await startCaseWorkflow(temporal, {
      workflowType: REPAIR_WORKFLOW_TYPE,
      workflowId: repairWorkflowId(input.applicationId),
      taskQueue,
      input,
      caseType: REPAIR_CASE_TYPE,
      subjectId: input.subjectId,
      recordId: input.recordId,
    });
  }

  /** The workflow input of a committed application, rebuilt from its row (for a retried filing). */
  async function workflowInputOf(row: RepairApplication): Promise<RepairWorkflowInput> {
    const record = await prisma.dishonestyRecord.findUniqueOrThrow({ where: { id: row.recordId } });
    return {
      applicationId: row.id,
      recordId: row.recordId,
      subjectId: row.subjectId,
      authorityId: record.authorityId,
      applicantId: row.applicantId,
      filedAt: row.filedAt.toISOString(),
      policy: row.policy as unknown as PolicySnapshot<RepairPolicy>,
      materials: row.materials as unknown as RepairWorkflowInput['materials'],
      timeZone,
    };
  }

  /** The application an earlier attempt with the same key created, made sure to be running. */
  async function replay(scopedKey: string | null) {
    const existing = scopedKey ? await prisma.repairApplication.findUnique({ where: { idempotencyKey: scopedKey } }) : null;
    if (!existing) return null;
    // The first attempt may have stopped between the database and Temporal: make sure the workflow runs.
    await startWorkflow(await workflowInputOf(existing));
    return { created: false, application: await withTimeline(existing.id) };
  }

  /** Whether the record can be repaired now; the same check runs again when an application arrives. */
  async function eligibility(actor: Actor, recordId: string, rules?: PolicySnapshot<RepairPolicy>): Promise<RepairEligibility> {
    const record = await prisma.dishonestyRecord.findFirst({ where: { id: recordId, ...visibleTo(actor) } });
    if (!record) throw AppError.notFound('Record', recordId);
    const { params } = rules ?? (await policy());
    const now = new Date();
    const today = localDay(now);
    const windowStart = new Date(`${addCalendarMonths(today, -params.repeatOffenceWindowMonths)}T00:00:00.000Z`);
    const [open, refused, bar, recentRecordCount] = await Promise.all([
      prisma.repairApplication.findFirst({ where: { recordId, status: OPEN }, select: { id: true } }),
      prisma.repairApplication.findFirst({ where: { recordId, status: 'REFUSED' }, orderBy: { closedAt: 'desc' }, select: { reapplyFrom: true } }),
      prisma.repairBar.findFirst({ where: { subjectId: record.subjectId, until: { gt: now } }, orderBy: { until: 'desc' } }),
      prisma.dishonestyRecord.count({ where: { subjectId: record.subjectId, decisionDate: { gte: windowStart }, status: { notIn: [...RECORDS_FOUND_WRONG] } } }),
    ]);
    return checkRepairEligibility(
      {
        record: {
          status: record.status,
          source: record.source,
          minPublishedUntil: record.minPublishedUntil ? day(record.minPublishedUntil) : null,
          rectificationStatus: record.rectificationStatus,
          leniency: record.leniency,
        },
        openApplicationId: open?.id ?? null,
        // Instants, read as the calendar day they fall on in the office's zone.
        reapplyFrom: refused?.reapplyFrom ? localDay(refused.reapplyFrom) : null,
        barredUntil: bar ? localDay(bar.until) : null,
        recentRecordCount,
      },
      params,
      today,
    );
  }

  return {
    eligibility,

    async file(actor: Actor, input: FileRepairInput, idempotencyKey?: string) {
      const scopedKey = idempotencyKey ? `${actor.id}:${idempotencyKey}` : null;
      const replayed = await replay(scopedKey);
      if (replayed) return replayed;
      await requireOwnEvidence(prisma, actor, input.materials, 'materials');
      const rules = await policy();
      const check = await eligibility(actor, input.recordId, rules);
      if (!check.repairable) {
        throw new AppError(ErrorCode.INVALID_STATE, `The record cannot be repaired now: ${check.obstacles.map((o) => o.message).join('; ')}`, {
          obstacles: check.obstacles,
          earliestFrom: check.earliestFrom,
        });
      }
      const record = await prisma.dishonestyRecord.findUniqueOrThrow({ where: { id: input.recordId } });
      const now = new Date();
      const id = `REP-${day(now).replaceAll('-', '')}-${randomBytes(5).toString('hex').toUpperCase()}`;
      const workflowInput: RepairWorkflowInput = {
        applicationId: id,
        recordId: record.id,
        subjectId: record.subjectId,
        authorityId: record.authorityId,
        applicantId: actor.id,
        filedAt: now.toISOString(),
        policy: rules,
        materials: input.materials,
        timeZone,
      };
      const missing = missingMaterials(rules.params.requiredMaterials, input.materials);
      try {
        await prisma.$transaction(async (tx) => {
          await tx.repairApplication.create({
            data: {
              id,
              workflowId: repairWorkflowId(id),
              recordId: record.id,
              subjectId: record.subjectId,
              authorityId: record.authorityId,
              applicantId: actor.id,
              status: 'FILED',
              materials: input.materials as Prisma.InputJsonValue,
              policyId: rules.id,
              policyVersion: rules.version,
              policy: rules as unknown as Prisma.InputJsonValue,
              idempotencyKey: scopedKey,
              filedAt: now,
            },
          });
          await appendAuditEvent(tx, {
            eventKey: `${repairWorkflowId(id)}/filed`,
            caseId: id,
            caseType: REPAIR_CASE_TYPE,
            type: 'FILED',
            actorId: actor.id,
            actorRole: actor.role,
            reason: input.statement ?? null,
            data: { recordId: record.id, materials: input.materials, missingMaterials: missing, policy: { id: rules.id, version: rules.version } },
            occurredAt: now,
          });
        });
      } catch (err) {
        if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2002') {
          // A concurrent retry with the same key won, or another application for the record is open (one per record).
          const concurrent = await replay(scopedKey);
          if (concurrent) return concurrent;
          throw new AppError(ErrorCode.CONFLICT, 'An application to repair this record is already open', { recordId: record.id });
        }
        throw err;
      }
      await startWorkflow(workflowInput);
      return { created: true, application: await withTimeline(id) };
    },

    async get(actor: Actor, applicationId: string) {
      await loadVisible(actor, applicationId);
      return withTimeline(applicationId);
    },

    async list(actor: Actor, query: ListRepairsQuery) {
      const where: Prisma.RepairApplicationWhereInput = {
        AND: [
          visibleTo(actor),
          query.status ? { status: query.status } : {},
          query.subjectId ? { subjectId: query.subjectId } : {},
          query.recordId ? { recordId: query.recordId } : {},
        ],
      };
      return listPage(
        {
          sortKey: 'filedAt',
          countable: countableFor(actor, query),
          find: ({ where: page, ...args }) => prisma.repairApplication.findMany({ where: { AND: [where, page] }, ...args }),
          count: () => prisma.repairApplication.count({ where }),
        },
        query,
        (row) => repairView(row),
      );
    },

    /** After a calendar change (a year published or corrected): open applications whose deadlines it may move recompute them. */
    async recomputeDeadlines(year?: number): Promise<number> {
      const rows = await prisma.repairApplication.findMany({ where: { AND: [calendarChangeScope(year), { status: OPEN }] }, select: { workflowId: true } });
      const sent = await Promise.allSettled(rows.map((row) => temporal.workflow.getHandle(row.workflowId).signal(recomputeRepairDeadlinesSignal, { year })));
      return sent.filter((result) => result.status === 'fulfilled').length;
    },

    /** Runs a human action (or a claim) as a workflow update; the validator's verdict comes back at once. */
    async act<C extends { actor: Actor }, R = RepairState>(actor: Actor, applicationId: string, update: UpdateDefinition<R, [C]>, command: Omit<C, 'actor'>, idempotencyKey?: string) {
      const row = await loadVisible(actor, applicationId);
      // Materials carry file ids (the `materials` action): each must be a file of the caller's.
      if ('materials' in command && Array.isArray(command.materials)) await requireOwnEvidence(prisma, actor, command.materials, 'materials');
      if (RECORD_BOUND_UPDATES.has(update.name)) {
        const record = await prisma.dishonestyRecord.findUnique({ where: { id: row.recordId }, select: { status: true } });
        if (record?.status !== RecordStatus.ACTIVE) {
          throw new AppError(ErrorCode.INVALID_STATE, `The record is ${record?.status ?? 'gone'}: this application can no longer be accepted, reviewed or approved`);
        }
      }
      try {
        await temporal.workflow.getHandle(row.workflowId).executeUpdate(update, {
          args: [{ ...command, actor } as C],
          ...updateIdOf(update.name, actor.id, idempotencyKey),
        });
      } catch (err) {
        throw fromWorkflowError(err);
      }
      return withTimeline(applicationId);
    },
  };
}

export type RepairService = ReturnType<typeof createRepairService>;
