import type { Client } from '@temporalio/client';
import type { Prisma, PrismaClient } from '../../generated/prisma/client.js';
import type { Actor } from '../../domain/roles.js';
import { calendarChangeScope } from '../../lib/calendar/calendar-change-scope.js';
import { CLOSED_RECTIFICATION_STATUSES, RECTIFICATION_CASE_TYPE, RectificationCaseStatus } from '../../workflows/rectification/rectification-contract.js';
import { canSee, visibleTo } from '../access/visibility.js';
import { countableFor, listPage } from '../cases/case-list.js';
import { createCaseService } from '../cases/case-service.js';
import type { ListRectificationsQuery } from './rectification-schemas.js';
import { rectificationView } from './rectification-views.js';

export interface RectificationServiceDeps {
  prisma: PrismaClient;
  temporal: Client;
}

export function createRectificationService({ prisma, temporal }: RectificationServiceDeps) {
  const cases = createCaseService(
    { prisma, temporal },
    {
      caseType: RECTIFICATION_CASE_TYPE,
      noun: 'Rectification',
      finalStatuses: CLOSED_RECTIFICATION_STATUSES,
      initialStatus: RectificationCaseStatus.EXPLANATION_DUE,
      async findVisible(actor, id) {
        const row = await prisma.rectification.findUnique({ where: { id } });
        return row && canSee(actor, row) ? row : null;
      },
      findRow: (id) => prisma.rectification.findUniqueOrThrow({ where: { id } }),
      view: (row) => rectificationView(row),
      // Progress and completion reports carry evidence file ids.
      evidenceFields: ['evidence'],
      // Open cases whose deadlines the change may move, and overdue ones whose next follow-up (通报批评) is still to come.
      async openWorkflowIds(year) {
        const rows = await prisma.rectification.findMany({
          where: { AND: [{ OR: [calendarChangeScope(year), { escalationLevel: 'SUPERVISION' }] }, { status: { notIn: [...CLOSED_RECTIFICATION_STATUSES] } }] },
          select: { workflowId: true },
        });
        return rows.map((row) => row.workflowId);
      },
    },
  );

  function filters(query: ListRectificationsQuery, now: Date): Prisma.RectificationWhereInput[] {
    const open = { status: { notIn: [...CLOSED_RECTIFICATION_STATUSES] } };
    const late: Prisma.RectificationWhereInput = { OR: [{ dueAt: { lt: now } }, { escalationLevel: { not: 'NONE' } }] };
    return [
      query.status ? { status: query.status } : {},
      query.subjectId ? { subjectId: query.subjectId } : {},
      query.recordId ? { recordId: query.recordId } : {},
      query.overdue === true ? { AND: [open, late] } : {},
      query.overdue === false ? { NOT: { AND: [open, late] } } : {},
      query.escalated === true ? { escalationLevel: { not: 'NONE' } } : {},
      query.escalated === false ? { escalationLevel: 'NONE' } : {},
    ];
  }

  return {
    get: cases.get,
    act: cases.act,
    recomputeDeadlines: cases.recomputeDeadlines,

    async list(actor: Actor, query: ListRectificationsQuery) {
      const now = new Date();
      const where: Prisma.RectificationWhereInput = { AND: [visibleTo(actor), ...filters(query, now)] };
      return listPage(
        {
          sortKey: 'openedAt',
          countable: countableFor(actor, query),
          find: ({ where: page, ...args }) => prisma.rectification.findMany({ where: { AND: [where, page] }, ...args }),
          count: () => prisma.rectification.count({ where }),
        },
        query,
        (row) => rectificationView(row, now),
      );
    },
  };
}

export type RectificationService = ReturnType<typeof createRectificationService>;
