import type { Actor } from '../../domain/roles.js';

const NOTHING = '__none__';

/**
 * The columns that decide who sees a row. Every case table (objection, rectification, repair application) and the
 * record table carry both: the subject concerned and the authority that made the record (copied onto each case).
 */
export interface ScopedRow {
  subjectId: string;
  authorityId: string;
}

/** A filter on the scoping columns; it fits the where input of every table that has them. */
export interface VisibilityWhere {
  subjectId?: string;
  authorityId?: string;
}

/**
 * What an actor may see, for every case type and for records alike: their subject's rows (applicant), their
 * authority's (reviewer, supervisor), everything (admin). One column each, so every list reads an index.
 */
export function visibleTo(actor: Actor): VisibilityWhere {
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

/** Whether one row is visible to the actor (the same rule as visibleTo, for a row already read). */
export function canSee(actor: Actor, row: ScopedRow): boolean {
  switch (actor.role) {
    case 'ADMIN':
      return true;
    case 'APPLICANT':
      return !!actor.subjectId && actor.subjectId === row.subjectId;
    case 'REVIEWER':
    case 'SUPERVISOR':
      return !!actor.authorityId && actor.authorityId === row.authorityId;
  }
}
