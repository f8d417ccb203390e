import type { Client } from '@temporalio/client';
import { type Prisma, type PrismaClient } from '../../generated/prisma/client.js';
import { leniencyAppliesTo, publicationPolicySchema } from '../../domain/records/publication-policy.js';
import type { Actor } from '../../domain/roles.js';
import { DEFAULT_TIME_ZONE } from '../../domain/calendar/local-date.js';
import { AppError, ErrorCode } from '../../lib/app-error.js';
import { loadPolicy } from '../../lib/policies/load-policy.js';
import type { LifecyclePolicyPins } from '../../lib/records/start-record-lifecycle.js';
import { proposeLeniencyUpdate, RECORD_CASE_TYPE, type ProposeLeniencyCommand } from '../../workflows/record/record-contract.js';
import { visibleTo } from '../access/visibility.js';
import { countableFor, listPage } from '../cases/case-list.js';
import { createRecord } from './record-creation.js';
import { createCaseService } from '../cases/case-service.js';
import { RecordStatus } from '../../domain/records/record-types.js';
import type { ListRecordsQuery, RegisterRecordInput } from './record-schemas.js';
import { recordView } from './record-views.js';

export interface RecordServiceDeps extends LifecyclePolicyPins {
  prisma: PrismaClient;
  temporal: Client;
  taskQueue: string;
  /** Zone whose calendar day is "today" (CALENDAR_TIME_ZONE; default Asia/Shanghai). */
  timeZone?: string | undefined;
}


export function createRecordService({ prisma, temporal, taskQueue, timeZone = DEFAULT_TIME_ZONE, ...pins }: RecordServiceDeps) {
  const cases = createCaseService(
    { prisma, temporal },
    {
      caseType: RECORD_CASE_TYPE,
      noun: 'Record',
      // The lifecycle workflow itself refuses actions once the record's effects have ended.
      finalStatuses: [],
      initialStatus: RecordStatus.ACTIVE,
      findVisible: (actor, id) => prisma.dishonestyRecord.findFirst({ where: { id, ...visibleTo(actor) } }),
      findRow: (id) => prisma.dishonestyRecord.findUniqueOrThrow({ where: { id } }),
      async view(record) {
        const [versions, leniency] = await Promise.all([
          prisma.recordVersion.findMany({ where: { recordId: record.id }, orderBy: { version: 'asc' } }),
          prisma.leniencyDecision.findMany({ where: { recordId: record.id }, orderBy: { proposedAt: 'asc' } }),
        ]);
        const leniencyDecisions = leniency.map(({ id, kind, status, reasons, proposedById, decidedById, decisionReasons }) => ({ id, kind, status, reasons, proposedById, decidedById, decisionReasons }));
        return { ...recordView(record, versions), leniencyDecisions };
      },
      // A record's lifecycle has no working-day steps.
      openWorkflowIds: async () => [],
    },
  );

  return {
    /** Registers a record for a subject, as the actor's authority; the lifecycle workflow takes it from there. */
    async register(actor: Actor, input: RegisterRecordInput) {
      const id = await createRecord({ prisma, temporal, taskQueue, timeZone, ...pins }, actor, input);
      return cases.detail(id);
    },

    async list(actor: Actor, query: ListRecordsQuery) {
      const where: Prisma.DishonestyRecordWhereInput = {
        AND: [
          visibleTo(actor),
          query.subjectId ? { subjectId: query.subjectId } : {},
          query.underObjection === undefined ? {} : { objectionCaseId: query.underObjection ? { not: null } : null },
          query.policyArea ? { policyArea: query.policyArea } : {},
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

    get: cases.get,
    act: cases.act,

    /**
     * Proposes 主动纠错 leniency, if the record's publication policy lets its subject have it (`leniencySubjects`):
     * a government body's record under CIVIL_SERVANTS_ONLY is refused.
     */
    async proposeLeniency(actor: Actor, recordId: string, command: Omit<ProposeLeniencyCommand, 'actor'>, idempotencyKey?: string) {
      const record = await prisma.dishonestyRecord.findFirst({ where: { id: recordId, ...visibleTo(actor) } });
      if (!record) throw AppError.notFound('Record', recordId);
      const subject = await prisma.subject.findUniqueOrThrow({ where: { id: record.subjectId } });
      const policy = await loadPolicy(prisma, 'PUBLICATION', publicationPolicySchema, record.publicationPolicyId ?? pins.publicationPolicyId);
      if (!leniencyAppliesTo(policy.params, subject.kind)) {
        throw new AppError(ErrorCode.INVALID_STATE, `Leniency (主动纠错) applies to civil servants only under publication policy ${policy.name}@${policy.version}; ${recordId} concerns a government body`);
      }
      return cases.act(actor, recordId, proposeLeniencyUpdate, command, idempotencyKey);
    },
  };
}

export type RecordService = ReturnType<typeof createRecordService>;
