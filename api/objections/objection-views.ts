import { caseView } from '../cases/case-view.js';
import { CLOSED_OBJECTION_STATUSES } from '../../domain/objection/objection-types.js';
import type { Objection } from '../../generated/prisma/client.js';

const CLOSED = new Set<string>(CLOSED_OBJECTION_STATUSES);

export function objectionView(row: Objection, now: Date = new Date()) {
  return {
    ...caseView(row),
    applicantId: row.applicantId,
    grounds: row.grounds,
    statement: row.statement,
    evidence: row.evidence,
    requestedCorrection: row.requestedCorrection,
    outcome: row.outcome,
    decisionReasons: row.decisionReasons,
    calendarVersion: row.calendarVersion,
    overdue: !CLOSED.has(row.status) && row.dueAt !== null && row.dueAt < now,
    escalated: row.escalated,
    extendedWorkingDays: row.extendedWorkingDays,
    clockPaused: row.clockPaused,
    clockStopCause: row.clockStopCause,
    pausedWorkingDays: row.pausedWorkingDays,
    filedAt: row.filedAt.toISOString(),
    closedAt: row.closedAt?.toISOString() ?? null,
  };
}

