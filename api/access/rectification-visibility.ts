import type { Prisma, PrismaClient, Rectification } from '../../generated/prisma/client.js';
import type { Actor } from '../../domain/roles.js';

const NOTHING = '__none__';

/**
 * Which rectifications an actor may see: their subject's (applicant), those on their authority's records (staff),
 * all (admin). The schema has no relation from a rectification to its record, so staff's cases come from a join.
 */
export async function visibleRectifications(prisma: PrismaClient, actor: Actor): Promise<Prisma.RectificationWhereInput> {
  switch (actor.role) {
    case 'ADMIN':
      return {};
    case 'APPLICANT':
      return { subjectId: actor.subjectId ?? NOTHING };
    case 'REVIEWER':
    case 'SUPERVISOR': {
      const rows = await prisma.$queryRaw<{ id: string }[]>`
        SELECT r."id" FROM "Rectification" r JOIN "DishonestyRecord" d ON d."id" = r."recordId"
        WHERE d."authorityId" = ${actor.authorityId ?? NOTHING}`;
      return { id: { in: rows.map((row) => row.id) } };
    }
  }
}

/** Whether one rectification is visible to the actor (the same rule as visibleRectifications). */
export async function canSeeRectification(prisma: PrismaClient, actor: Actor, row: Rectification): Promise<boolean> {
  switch (actor.role) {
    case 'ADMIN':
      return true;
    case 'APPLICANT':
      return !!actor.subjectId && actor.subjectId === row.subjectId;
    case 'REVIEWER':
    case 'SUPERVISOR': {
      if (!actor.authorityId) return false;
      const record = await prisma.dishonestyRecord.findUnique({ where: { id: row.recordId }, select: { authorityId: true } });
      return record?.authorityId === actor.authorityId;
    }
  }
}
