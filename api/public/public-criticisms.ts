import type { PrismaClient } from '../../generated/prisma/client.js';
import { RectificationEventType } from '../../domain/rectification/rectification-types.js';
import { RECTIFICATION_CASE_TYPE } from '../../workflows/rectification/rectification-contract.js';

/** Records found wrong: a criticism resting on them is no longer published. */
const FOUND_WRONG = ['DELETED', 'REVOKED'] as const;

export interface PublicCriticismPage {
  items: Array<{
    rectificationId: string;
    recordId: string;
    subject: { name: string; creditCode: string | null };
    authority: string;
    documentNumber: string;
    criticizedAt: string;
    /** The deadline the body missed (ISO instant). */
    missedDueAt: string | null;
  }>;
  page: number;
  pageSize: number;
  total: number;
}

/**
 * 通报批评 is a public criticism (国发〔2016〕76号 [C]): every PUBLIC_CRITICISM a rectification order recorded, newest
 * first, with the government body named. Criticisms are rare (one per late order), so they are read whole and paged here.
 */
export async function publicCriticisms(prisma: PrismaClient, page: number, pageSize: number): Promise<PublicCriticismPage> {
  const events = await prisma.caseEvent.findMany({
    where: { caseType: RECTIFICATION_CASE_TYPE, type: RectificationEventType.PUBLIC_CRITICISM },
    orderBy: [{ occurredAt: 'desc' }, { id: 'desc' }],
    select: { caseId: true, occurredAt: true, data: true },
  });
  const rectifications = await prisma.rectification.findMany({ where: { id: { in: events.map((e) => e.caseId) } }, select: { id: true, recordId: true } });
  const records = await prisma.dishonestyRecord.findMany({
    where: { id: { in: rectifications.map((r) => r.recordId) }, status: { notIn: [...FOUND_WRONG] } },
    include: { subject: true, authority: true },
  });
  const recordOf = new Map(rectifications.map((r) => [r.id, records.find((record) => record.id === r.recordId)]));
  const items = events.flatMap((event) => {
    const record = recordOf.get(event.caseId);
    if (!record) return [];
    const dueAt = (event.data as { dueAt?: unknown } | null)?.dueAt;
    return [
      {
        rectificationId: event.caseId,
        recordId: record.id,
        subject: { name: record.subject.name, creditCode: record.subject.creditCode },
        authority: record.authority.name,
        documentNumber: record.documentNumber,
        criticizedAt: event.occurredAt.toISOString(),
        missedDueAt: typeof dueAt === 'string' ? dueAt : null,
      },
    ];
  });
  return { items: items.slice((page - 1) * pageSize, page * pageSize), page, pageSize, total: items.length };
}
