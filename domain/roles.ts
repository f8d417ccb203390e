/** Roles of the people who act in the product. */
export const Role = {
  APPLICANT: 'APPLICANT',
  REVIEWER: 'REVIEWER',
  SUPERVISOR: 'SUPERVISOR',
  ADMIN: 'ADMIN',
} as const;
export type Role = (typeof Role)[keyof typeof Role];
export const ROLES = Object.values(Role) as [Role, ...Role[]];

/** Who performs an action: taken from the verified token, never from the request body. */
export interface Actor {
  id: string;
  role: Role;
  /** The subject an applicant acts for. */
  subjectId?: string | null;
  /** The authority a reviewer or supervisor belongs to. */
  authorityId?: string | null;
}
