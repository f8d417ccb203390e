import type { Prisma, PrismaClient } from '../../generated/prisma/client.js';
import type { Actor } from '../../domain/roles.js';

const NOTHING = '__none__';

/**
 * Whose names a caller may read: an administrator everyone's; staff their authority's colleagues, the administrators
 * and the applicants of subjects their authority has records on; an applicant their body's colleagues, the
 * administrators and the staff of authorities that made records on their subject. These are the people who appear
 * on the cases each may see; anyone else stays an id.
 */
export async function visibleUsers(prisma: PrismaClient, actor: Actor): Promise<Prisma.UserWhereInput> {
  switch (actor.role) {
    case 'ADMIN':
      return {};
    case 'APPLICANT': {
      const subjectId = actor.subjectId ?? NOTHING;
      const authorities = await prisma.dishonestyRecord.findMany({ where: { subjectId }, select: { authorityId: true }, distinct: ['authorityId'] });
      return { OR: [{ subjectId }, { role: 'ADMIN' }, { authorityId: { in: authorities.map((a) => a.authorityId) } }] };
    }
    case 'REVIEWER':
    case 'SUPERVISOR': {
      const authorityId = actor.authorityId ?? NOTHING;
      return { OR: [{ authorityId }, { role: 'ADMIN' }, { subject: { records: { some: { authorityId } } } }] };
    }
  }
}

/** The people among `ids` the caller may see, with their name, role and organisation. */
export async function lookUpUsers(prisma: PrismaClient, actor: Actor, ids: string[]) {
  const rows = await prisma.user.findMany({
    where: { AND: [{ id: { in: ids } }, await visibleUsers(prisma, actor)] },
    select: { id: true, name: true, role: true, authority: { select: { name: true } }, subject: { select: { name: true } } },
    orderBy: { id: 'asc' },
  });
  return { items: rows.map((u) => ({ id: u.id, name: u.name, role: u.role, organization: u.authority?.name ?? u.subject?.name ?? null })) };
}
