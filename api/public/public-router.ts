import type { Router } from 'express';
import { apiRouter } from '../api-router.js';
import type { PrismaClient } from '../../generated/prisma/client.js';
import { DEFAULT_TIME_ZONE, localDateOf } from '../../domain/calendar/local-date.js';
import { parseInput } from '../validate.js';
import { publicCriticisms } from './public-criticisms.js';
import { pageQuerySchema } from '../records/record-schemas.js';
import { publicRecordsQuerySchema, publishedRecordPage } from './public-records.js';

const day = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : null);

/**
 * What is published now (公示), without a token. Government bodies are named with their credit code; civil
 * servants are not named (only their organisation), and a record's free-form facts beyond title and summary
 * are not shown. A search (q) finds bodies by name or credit code, and civil servants only by their organisation.
 */
export function publicRouter(prisma: PrismaClient, timeZone: string = DEFAULT_TIME_ZONE): Router {
  const router = apiRouter();
  router.get('/public/records', async (req, res) => {
    const query = parseInput(publicRecordsQuerySchema, req.query);
    // publishedUntil is a calendar date: compare it with today's date in the office's zone, not in UTC.
    const { ids, total } = await publishedRecordPage(prisma, query, localDateOf(new Date(), timeZone));
    const found = await prisma.dishonestyRecord.findMany({
      where: { id: { in: ids } },
      include: { subject: { include: { organization: true } }, authority: true },
    });
    const byId = new Map(found.map((r) => [r.id, r]));
    const rows = ids.flatMap((id) => byId.get(id) ?? []);
    res.json({
      items: rows.map((r) => {
        const facts = r.facts as { title?: unknown; summary?: unknown };
        const isBody = r.subject.kind === 'GOVERNMENT_BODY';
        return {
          id: r.id,
          subject: isBody
            ? { kind: r.subject.kind, name: r.subject.name, creditCode: r.subject.creditCode }
            : { kind: r.subject.kind, organization: r.subject.organization?.name ?? null },
          authority: r.authority.name,
          source: r.source,
          documentNumber: r.documentNumber,
          severity: r.severity,
          policyArea: r.policyArea,
          title: typeof facts.title === 'string' ? facts.title : null,
          summary: typeof facts.summary === 'string' ? facts.summary : null,
          decisionDate: day(r.decisionDate),
          publishedFrom: day(r.publishedFrom),
          publishedUntil: day(r.publishedUntil),
          underObjection: r.objectionCaseId !== null,
        };
      }),
      page: query.page,
      pageSize: query.pageSize,
      total,
    });
  });
  router.get('/public/criticisms', async (req, res) => {
    const query = parseInput(pageQuerySchema, req.query);
    res.json(await publicCriticisms(prisma, query.page, query.pageSize));
  });

  return router;
}
