import { Router } from 'express';
import { z } from 'zod';
import type { PrismaClient, DishonestyRecord, RecordVersion } from '../../generated/prisma/client.js';
import { AppError } from '../../lib/app-error.js';
import { visibleRecords } from '../access/visibility.js';
import { actorOf } from '../auth/authenticate.js';
import { parseInput } from '../validate.js';

const id = z.string().trim().min(1).max(64).regex(/^[A-Za-z0-9._:-]+$/, 'must be an identifier');
export const recordParamsSchema = z.object({ recordId: id });
export const listRecordsQuerySchema = z
  .object({
    subjectId: id.optional(),
    underObjection: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
    page: z.coerce.number().int().min(1).max(100_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(100).default(20),
  })
  .strict();

const day = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : null);

export function recordView(record: DishonestyRecord, versions?: RecordVersion[]) {
  return {
    id: record.id,
    subjectId: record.subjectId,
    authorityId: record.authorityId,
    source: record.source,
    documentNumber: record.documentNumber,
    severity: record.severity,
    policyArea: record.policyArea,
    facts: record.facts,
    decisionDate: day(record.decisionDate),
    publishedFrom: day(record.publishedFrom),
    publishedUntil: day(record.publishedUntil),
    status: record.status,
    publicationStatus: record.publicationStatus,
    underObjection: record.objectionCaseId !== null,
    objectionCaseId: record.objectionCaseId,
    version: record.version,
    ...(versions
      ? {
          versions: versions.map((v) => ({
            version: v.version,
            change: v.change,
            facts: v.facts,
            caseId: v.caseId,
            actorId: v.actorId,
            reason: v.reason,
            createdAt: v.createdAt.toISOString(),
          })),
        }
      : {}),
  };
}

export function recordRouter(prisma: PrismaClient): Router {
  const router = Router();

  router.get('/records', async (req, res) => {
    const query = parseInput(listRecordsQuerySchema, req.query);
    const where = {
      AND: [
        visibleRecords(actorOf(res)),
        query.subjectId ? { subjectId: query.subjectId } : {},
        query.underObjection === undefined ? {} : { objectionCaseId: query.underObjection ? { not: null } : null },
      ],
    };
    const [total, rows] = await prisma.$transaction([
      prisma.dishonestyRecord.count({ where }),
      prisma.dishonestyRecord.findMany({ where, orderBy: [{ decisionDate: 'desc' }, { id: 'asc' }], skip: (query.page - 1) * query.pageSize, take: query.pageSize }),
    ]);
    res.json({ items: rows.map((row) => recordView(row)), page: query.page, pageSize: query.pageSize, total });
  });

  router.get('/records/:recordId', async (req, res) => {
    const { recordId } = parseInput(recordParamsSchema, req.params);
    const record = await prisma.dishonestyRecord.findFirst({
      where: { AND: [{ id: recordId }, visibleRecords(actorOf(res))] },
      include: { versions: { orderBy: { version: 'asc' } } },
    });
    if (!record) throw AppError.notFound('Record', recordId);
    res.json(recordView(record, record.versions));
  });

  return router;
}
