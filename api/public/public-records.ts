import { extendZodWithOpenApi } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import { Prisma, type PrismaClient } from '../../generated/prisma/client.js';
import { pageQuerySchema } from '../records/record-schemas.js';
import { searchTextSchema } from '../work/work-item-schemas.js';

extendZodWithOpenApi(z);

export const publicRecordsQuerySchema = pageQuerySchema
  .extend({
    q: searchTextSchema.optional().openapi({
      description:
        'A government body\'s name (substring) or 统一社会信用代码 (whole or its beginning), case-insensitive. A civil servant\'s record is found by their organisation, as it is shown, never by the person\'s own name.',
    }),
  })
  .strict();
export type PublicRecordsQuery = z.infer<typeof publicRecordsQuerySchema>;

/** A 统一社会信用代码 or its beginning: letters and digits only, at most 18 of them. */
const CREDIT_CODE_PREFIX = /^[0-9A-Za-z]{1,18}$/;

/** The LIKE pattern text with its wildcard characters taken literally. */
const literal = (text: string) => text.replace(/[\\%_]/g, (ch) => `\\${ch}`);

/**
 * What is published now (公示), as of the office's calendar date `today` (YYYY-MM-DD): active, published, not
 * exempted by leniency, inside its period or past it while the body's rectification is not accepted (76号 [C]).
 */
function published(today: string): Prisma.Sql {
  return Prisma.sql`r."status" = 'ACTIVE' AND r."publicationStatus" = 'PUBLISHED' AND r."leniency" <> 'EXEMPTED'
    AND (r."publishedUntil" IS NULL OR r."publishedUntil" >= ${today}::date OR r."rectificationStatus" IN ('PENDING', 'OVERDUE'))`;
}

/**
 * The subjects a search finds: government bodies whose name contains q or whose credit code begins with it (each
 * branch on one column, so that it reads that column's trigram index, GIN on lower(column), migration
 * 20261201110000_search_trigram_indexes), and the civil servants serving in them (Subject_organizationId_idx). A
 * civil servant is published without their name, so their own name never matches.
 */
function searchedSubjects(q: string): Prisma.Sql {
  const byCode = CREDIT_CODE_PREFIX.test(q)
    ? Prisma.sql`
        UNION SELECT s."id" FROM "Subject" s WHERE s."kind" = 'GOVERNMENT_BODY' AND lower(s."creditCode") LIKE lower(${`${literal(q)}%`})`
    : Prisma.empty;
  return Prisma.sql`
    WITH named AS (
      SELECT s."id" FROM "Subject" s WHERE s."kind" = 'GOVERNMENT_BODY' AND lower(s."name") LIKE lower(${`%${literal(q)}%`})${byCode}
    )
    SELECT n."id" FROM named n
    UNION ALL SELECT m."id" FROM "Subject" m WHERE m."kind" = 'CIVIL_SERVANT' AND m."organizationId" IN (SELECT n."id" FROM named n)`;
}

/** The ids of a page of published records (newest decision first) and how many there are, searched by q if given. */
export async function publishedRecordPage(
  prisma: PrismaClient,
  query: PublicRecordsQuery,
  today: string,
): Promise<{ ids: string[]; total: number }> {
  const where = query.q
    ? Prisma.sql`${published(today)} AND r."subjectId" IN (${searchedSubjects(query.q)})`
    : published(today);
  const [rows, counted] = await prisma.$transaction([
    prisma.$queryRaw<{ id: string }[]>`SELECT r."id" FROM "DishonestyRecord" r WHERE ${where}
      ORDER BY r."decisionDate" DESC, r."id" ASC LIMIT ${query.pageSize} OFFSET ${(query.page - 1) * query.pageSize}`,
    prisma.$queryRaw<{ total: bigint }[]>`SELECT COUNT(*) AS total FROM "DishonestyRecord" r WHERE ${where}`,
  ]);
  return { ids: rows.map((r) => r.id), total: Number(counted[0]?.total ?? 0) };
}
