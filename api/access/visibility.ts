import type { Prisma } from '../../generated/prisma/client.js';
import type { Actor } from '../../domain/roles.js';

const NOTHING = '__none__';

/** Which objection cases an actor may see: their subject's (applicant), their authority's (staff), all (admin). */
export function visibleObjections(actor: Actor): Prisma.ObjectionWhereInput {
  switch (actor.role) {
    case 'ADMIN':
      return {};
    case 'APPLICANT':
      return { subjectId: actor.subjectId ?? NOTHING };
    case 'REVIEWER':
    case 'SUPERVISOR':
      return { record: { authorityId: actor.authorityId ?? NOTHING } };
  }
}

/** Which records an actor may read with their internal details. */
export function visibleRecords(actor: Actor): Prisma.DishonestyRecordWhereInput {
  switch (actor.role) {
    case 'ADMIN':
      return {};
    case 'APPLICANT':
      return { subjectId: actor.subjectId ?? NOTHING };
    case 'REVIEWER':
    case 'SUPERVISOR':
      return { authorityId: actor.authorityId ?? NOTHING };
  }
}
