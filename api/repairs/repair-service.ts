import { randomBytes } from 'node:crypto';
import type { Client } from '@temporalio/client';
import { type Prisma, type PrismaClient, type RepairApplication } from '../../generated/prisma/client.js';
import { checkRepairEligibility, type RepairEligibility } from '../../domain/repair/repair-eligibility.js';
import { missingMaterials } from '../../domain/repair/repair-materials.js';
import { repairPolicySchema, type RepairPolicy } from '../../domain/repair/repair-policy.js';
import { DEFAULT_TIME_ZONE, localDateOf } from '../../domain/calendar/local-date.js';
import { addCalendarMonths } from '../../domain/records/calendar-months.js';
import type { PolicySnapshot } from '../../domain/policies/policy-snapshot.js';
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
  RepairStatus,
  REPAIR_WORKFLOW_TYPE,
  repairWorkflowId,
  type RepairWorkflowInput,
} from '../../workflows/repair/repair-contract.js';
import { visibleTo } from '../access/visibility.js';
import { countableFor, listPage } from '../cases/case-list.js';
import { createCaseService } from '../cases/case-service.js';
import { fileCase } from '../cases/file-case.js';
import type { CaseWorkflowStart } from '../cases/start-case-workflow.js';
import { requireOwnEvidence } from '../evidence/evidence-refs.js';
import type { FileRepairInput, ListRepairsQuery } from './repair-schemas.js';
import { repairView } from './repair-views.js';

export interface RepairServiceDeps {
  /** How long a filing's answer waits for its workflow to open the first step (CASE_SET_UP_WAIT_MS; 0: not at all). */
  caseSetUpWaitMs?: number | undefined;
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

export function createRepairService({ prisma, temporal, taskQueue, repairPolicyId, timeZone = DEFAULT_TIME_ZONE, caseSetUpWaitMs }: RepairServiceDeps) {
  const localDay = (instant: Date) => localDateOf(instant, timeZone);
  const policy = () => loadPolicy(prisma, 'REPAIR', repairPolicySchema, repairPolicyId);

  function workflowStart(input: RepairWorkflowInput): CaseWorkflowStart<RepairWorkflowInput> {
    const { applicationId, subjectId, recordId } = input;
    return { workflowType: REPAIR_WORKFLOW_TYPE, workflowId: repairWorkflowId(applicationId), taskQueue, input, caseType: REPAIR_CASE_TYPE, subjectId, recordId };
  }

  const cases = createCaseService(
    { prisma, temporal },
    {
      caseType: REPAIR_CASE_TYPE,
      noun: 'Repair application',
      // An approved repair still takes one action: its revocation.
      finalStatuses: CLOSED_REPAIR_STATUSES.filter((status) => status !== RepairStatus.APPROVED),
      initialStatus: RepairStatus.FILED,
      findVisible: (actor, id) => prisma.repairApplication.findFirst({ where: { id, ...visibleTo(actor) } }),
      findRow: (id) => prisma.repairApplication.findUniqueOrThrow({ where: { id } }),
      view: (row) => repairView(row),
      evidenceFields: ['materials'],
      async beforeAct(_actor, row, updateName) {
        if (!RECORD_BOUND_UPDATES.has(updateName)) return;
        const record = await prisma.dishonestyRecord.findUnique({ where: { id: row.recordId }, select: { status: true } });
        if (record?.status !== RecordStatus.ACTIVE) {
          throw new AppError(ErrorCode.INVALID_STATE, `The record is ${record?.status ?? 'gone'}: this application can no longer be accepted, reviewed or approved`);
        }
      },
      /** The workflow input of a committed application, rebuilt from its row. */
      async workflowStartOf(row: RepairApplication) {
        const record = await prisma.dishonestyRecord.findUniqueOrThrow({ where: { id: row.recordId } });
        const { id: applicationId, recordId, subjectId, applicantId } = row;
        const policy = row.policy as unknown as PolicySnapshot<RepairPolicy>;
        const materials = row.materials as unknown as RepairWorkflowInput['materials'];
        return workflowStart({ applicationId, recordId, subjectId, authorityId: record.authorityId, applicantId, filedAt: row.filedAt.toISOString(), policy, materials, timeZone });
      },
      async openWorkflowIds(year) {
        const rows = await prisma.repairApplication.findMany({ where: { AND: [calendarChangeScope(year), { status: OPEN }] }, select: { workflowId: true } });
        return rows.map((row) => row.workflowId);
      },
    },
  );

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

  async function commit(actor: Actor, input: FileRepairInput, scopedKey: string | null) {
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
    const workflowId = repairWorkflowId(id);
    const missing = missingMaterials(rules.params.requiredMaterials, input.materials);
    await prisma.$transaction(async (tx) => {
      await tx.repairApplication.create({
        data: {
          id,
          workflowId,
          recordId: record.id,
          subjectId: record.subjectId,
          authorityId: record.authorityId,
          applicantId: actor.id,
          status: RepairStatus.FILED,
          materials: input.materials as Prisma.InputJsonValue,
          policyId: rules.id,
          policyVersion: rules.version,
          policy: rules as unknown as Prisma.InputJsonValue,
          idempotencyKey: scopedKey,
          filedAt: now,
        },
      });
      await appendAuditEvent(tx, {
        eventKey: `${workflowId}/filed`,
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
    const { subjectId, authorityId } = record;
    const filedAt = now.toISOString();
    return { id, start: workflowStart({ applicationId: id, recordId: record.id, subjectId, authorityId, applicantId: actor.id, filedAt, policy: rules, materials: input.materials, timeZone }) };
  }

  return {
    eligibility,
    get: cases.get,
    act: cases.act,
    recomputeDeadlines: cases.recomputeDeadlines,

    async file(actor: Actor, input: FileRepairInput, idempotencyKey?: string) {
      const scopedKey = idempotencyKey ? `${actor.id}:${idempotencyKey}` : null;
      const { created, id } = await fileCase(temporal, {
        async replay() {
          const existing = scopedKey ? await prisma.repairApplication.findUnique({ where: { idempotencyKey: scopedKey } }) : null;
          if (existing) await cases.ensureWorkflow(existing);
          return existing;
        },
        commit: () => commit(actor, input, scopedKey),
        // Another application for the record is open (one per record).
        conflict: () => new AppError(ErrorCode.CONFLICT, 'An application to repair this record is already open', { recordId: input.recordId }),
      }, caseSetUpWaitMs);
      return { created, application: await cases.detail(id) };
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
  };
}

export type RepairService = ReturnType<typeof createRepairService>;
