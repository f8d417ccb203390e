import type { Client } from '@temporalio/client';
import type { UpdateDefinition } from '@temporalio/common';
import type { Prisma, PrismaClient } from '../../generated/prisma/client.js';
import type { Actor } from '../../domain/roles.js';
import { AppError, ErrorCode } from '../../lib/app-error.js';
import {
  CLOSED_RECTIFICATION_STATUSES,
  recomputeRectificationDeadlinesSignal,
  type RectificationState,
} from '../../workflows/rectification/rectification-contract.js';
import { canSee, visibleTo } from '../access/visibility.js';
import { countableFor, listPage } from '../cases/case-list.js';
import { requireOwnEvidence } from '../evidence/evidence-refs.js';
import { eventView } from '../objections/objection-views.js';
import { fromWorkflowError } from '../temporal/workflow-errors.js';
import type { ListRectificationsQuery } from './rectification-schemas.js';
import { calendarChangeScope } from '../../lib/calendar/calendar-change-scope.js';
import { isClosed, rectificationView } from './rectification-views.js';
import { updateIdOf } from '../temporal/update-id.js';

export interface RectificationServiceDeps {
  prisma: PrismaClient;
  temporal: Client;
}

export function createRectificationService({ prisma, temporal }: RectificationServiceDeps) {
  async function loadVisible(actor: Actor, rectificationId: string) {
    const row = await prisma.rectification.findUnique({ where: { id: rectificationId } });
    if (!row || !canSee(actor, row)) throw AppError.notFound('Rectification', rectificationId);
    return row;
  }

  async function withTimeline(rectificationId: string) {
    const row = await prisma.rectification.findUniqueOrThrow({ where: { id: rectificationId } });
    const events = await prisma.caseEvent.findMany({ where: { caseId: rectificationId }, orderBy: [{ occurredAt: 'asc' }, { id: 'asc' }] });
    return { ...rectificationView(row), timeline: events.map(eventView) };
  }

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
    async get(actor: Actor, rectificationId: string) {
      const row = await loadVisible(actor, rectificationId);
      return withTimeline(row.id);
    },

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

    /** Runs a human action as a workflow update; the validator's verdict comes back at once. */
    async act<C extends { actor: Actor }, R = RectificationState>(
      actor: Actor,
      rectificationId: string,
      update: UpdateDefinition<R, [C]>,
      command: Omit<C, 'actor'>,
      idempotencyKey?: string,
    ) {
      const row = await loadVisible(actor, rectificationId);
      // Progress and completion reports carry evidence file ids: each must be a file of the caller's.
      if ('evidence' in command && Array.isArray(command.evidence)) await requireOwnEvidence(prisma, actor, command.evidence);
      if (isClosed(row.status)) {
        throw new AppError(ErrorCode.INVALID_STATE, `The rectification is ${row.status}; no further action is possible`);
      }
      try {
        await temporal.workflow.getHandle(row.workflowId).executeUpdate(update, {
          args: [{ ...command, actor } as C],
          ...updateIdOf(update.name, actor.id, idempotencyKey),
        });
      } catch (err) {
        throw fromWorkflowError(err);
      }
      return withTimeline(rectificationId);
    },

    /**
     * After a calendar change (a year published or corrected): open cases whose deadlines it may move recompute them,
     * and so do overdue ones whose next follow-up (通报批评) is still to come.
     */
    async recomputeDeadlines(year?: number): Promise<number> {
      const rows = await prisma.rectification.findMany({
        where: {
          AND: [{ OR: [calendarChangeScope(year), { escalationLevel: 'SUPERVISION' }] }, { status: { notIn: [...CLOSED_RECTIFICATION_STATUSES] } }],
        },
        select: { workflowId: true },
      });
      const sent = await Promise.allSettled(
        rows.map((row) => temporal.workflow.getHandle(row.workflowId).signal(recomputeRectificationDeadlinesSignal, { year })),
      );
      return sent.filter((result) => result.status === 'fulfilled').length;
    },
  };
}

export type RectificationService = ReturnType<typeof createRectificationService>;
