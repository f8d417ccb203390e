import type { PrismaClient } from '../../generated/prisma/client.js';

/** One scrape's view of the cases and the outbox, read with a few grouped counts on indexed columns. */
export interface CaseMetricsSnapshot {
  casesByStatus: { type: string; status: string; count: number }[];
  overdue: { type: string; count: number }[];
  escalated: { type: string; count: number }[];
  outboxByStatus: { status: string; count: number }[];
}

interface CountRow {
  type: string;
  status: string;
  count: bigint;
}

/** Reads the snapshot; "overdue" is an open case past its due date (a repair whose clock is paused is not). */
export async function readCaseMetrics(prisma: PrismaClient): Promise<CaseMetricsSnapshot> {
  const [cases, open, outbox] = await Promise.all([
    prisma.$queryRaw<CountRow[]>`
      SELECT 'OBJECTION' AS type, status, count(*) AS count FROM "Objection" GROUP BY status
      UNION ALL SELECT 'RECTIFICATION', status, count(*) FROM "Rectification" GROUP BY status
      UNION ALL SELECT 'REPAIR', status, count(*) FROM "RepairApplication" GROUP BY status`,
    prisma.$queryRaw<CountRow[]>`
      SELECT 'OBJECTION' AS type, 'overdue' AS status, count(*) AS count FROM "Objection" WHERE "closedAt" IS NULL AND "dueAt" < now()
      UNION ALL SELECT 'RECTIFICATION', 'overdue', count(*) FROM "Rectification" WHERE "closedAt" IS NULL AND "dueAt" < now()
      UNION ALL SELECT 'REPAIR', 'overdue', count(*) FROM "RepairApplication" WHERE "closedAt" IS NULL AND "dueAt" < now() AND NOT "clockPaused"
      UNION ALL SELECT 'OBJECTION', 'escalated', count(*) FROM "Objection" WHERE "closedAt" IS NULL AND escalated
      UNION ALL SELECT 'RECTIFICATION', 'escalated', count(*) FROM "Rectification" WHERE "closedAt" IS NULL AND "escalationLevel" <> 'NONE'
      UNION ALL SELECT 'REPAIR', 'escalated', count(*) FROM "RepairApplication" WHERE "closedAt" IS NULL AND escalated`,
    prisma.$queryRaw<CountRow[]>`SELECT 'OUTBOX' AS type, status, count(*) AS count FROM "OutboxMessage" GROUP BY status`,
  ]);
  const byKind = (kind: string) => open.filter((row) => row.status === kind).map((row) => ({ type: row.type, count: Number(row.count) }));
  return {
    casesByStatus: cases.map((row) => ({ type: row.type, status: row.status, count: Number(row.count) })),
    overdue: byKind('overdue'),
    escalated: byKind('escalated'),
    outboxByStatus: outbox.map((row) => ({ status: row.status, count: Number(row.count) })),
  };
}
