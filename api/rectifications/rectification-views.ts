import { caseView } from '../cases/case-view.js';
import type { Rectification } from '../../generated/prisma/client.js';
import { CLOSED_RECTIFICATION_STATUSES, type RectificationCaseStatus } from '../../workflows/rectification/rectification-contract.js';

export function isClosed(status: string): boolean {
  return CLOSED_RECTIFICATION_STATUSES.includes(status as RectificationCaseStatus);
}

/** Open, and either past its deadline or escalated (督办 or later). */
export function isOverdue(row: Rectification, now: Date): boolean {
  return !isClosed(row.status) && ((row.dueAt !== null && row.dueAt < now) || row.escalationLevel !== 'NONE');
}

export function rectificationView(row: Rectification, now: Date = new Date()) {
  return {
    ...caseView(row),
    explanation: row.explanation,
    plan: row.plan,
    overdue: isOverdue(row, now),
    escalationLevel: row.escalationLevel,
    returnedCount: row.returnedCount,
    openedAt: row.openedAt.toISOString(),
    closedAt: row.closedAt?.toISOString() ?? null,
  };
}
