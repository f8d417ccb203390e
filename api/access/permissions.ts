import { Role } from '../../domain/roles.js';

const { APPLICANT, REVIEWER, SUPERVISOR, ADMIN } = Role;
const EVERYONE = [APPLICANT, REVIEWER, SUPERVISOR, ADMIN] as const;
const STAFF = [REVIEWER, SUPERVISOR] as const;

/** One action of the API: the roles that may attempt it, and whether it decides (or acts in) a case. */
export interface PermissionRule {
  roles: readonly Role[];
  /**
   * A decision or an action in a case on behalf of a party. Administrators see everything and reassign work but
   * never decide: a rule that decides may not list ADMIN (checked when this module loads).
   */
  decides: boolean;
}

/**
 * The authorization matrix: every action of the API → the roles that may attempt it. Routers look their role checks
 * up here (requirePermission), so this table is the one place to read who may do what. It is the first of three gates:
 *
 * 1. role (this table): a wrong role is 403;
 * 2. scope (api/access/visibility.ts, one rule for every case type and records): applicants see their subject's cases, staff their
 *    authority's, administrators all; a case outside the scope is 404 (its existence is not revealed);
 * 3. the case itself (workflow update validators): four-eyes (the filer never decides; a revocation, a second review or a leniency
 *    proposal is approved by a supervisor other than the first decider or the proposer), claims (a claimed step is
 *    decided by its claimer or a supervisor) and the case's state (409).
 */
export const PERMISSIONS = {
  // Objections (异议)
  'objection.read': { roles: EVERYONE, decides: false },
  'objection.file': { roles: [APPLICANT], decides: true },
  'objection.accept': { roles: STAFF, decides: true },
  'objection.decline': { roles: STAFF, decides: true },
  'objection.decide': { roles: STAFF, decides: true },
  'objection.extend': { roles: [SUPERVISOR], decides: true },
  'objection.request-second-review': { roles: [APPLICANT], decides: true },
  'objection.decide-second-review': { roles: [SUPERVISOR], decides: true },
  'objection.withdraw': { roles: [APPLICANT], decides: true },
  'objection.request-correction': { roles: STAFF, decides: true },
  'objection.submit-materials': { roles: [APPLICANT], decides: true },
  'objection.stop-clock': { roles: STAFF, decides: true },
  'objection.resume-clock': { roles: STAFF, decides: true },
  // Rectification orders (限期整改)
  'rectification.read': { roles: EVERYONE, decides: false },
  'rectification.explain': { roles: [APPLICANT], decides: true },
  'rectification.report-progress': { roles: [APPLICANT], decides: true },
  'rectification.complete': { roles: [APPLICANT], decides: true },
  'rectification.review': { roles: STAFF, decides: true },
  'rectification.extend': { roles: [SUPERVISOR], decides: true },
  // Claims on a case's current step (any case type)
  'claim.take': { roles: STAFF, decides: false },
  'claim.release': { roles: [REVIEWER, SUPERVISOR, ADMIN], decides: false },
  'claim.reassign': { roles: [ADMIN], decides: false },
  // 转办, 委派 and its return: staff pass a step they hold to a colleague (the workflow checks who holds it)
  'claim.hand-over': { roles: STAFF, decides: false },
  'claim.delegate': { roles: STAFF, decides: false },
  'claim.return': { roles: STAFF, decides: false },
  // Who may take a step over (the colleague picker of 转办/委派 and of an administrator's reassignment)
  'claim.colleagues': { roles: [REVIEWER, SUPERVISOR, ADMIN], decides: false },
  // 催办: a supervisor urges the holder of an overdue step of their authority
  'case.urge': { roles: [SUPERVISOR], decides: false },
  // Records and their consequences
  'record.read': { roles: EVERYONE, decides: false },
  'record.register': { roles: STAFF, decides: true },
  'record.import': { roles: STAFF, decides: true },
  'record.revoke': { roles: STAFF, decides: true },
  'record.decide-revocation': { roles: [SUPERVISOR], decides: true },
  'record.propose-leniency': { roles: STAFF, decides: true },
  'record.decide-leniency': { roles: [SUPERVISOR], decides: true },
  // Complaints (投诉举报): the credit office registers, forwards or refuses and replies; the competent authority finds
  'complaint.read': { roles: [REVIEWER, SUPERVISOR, ADMIN], decides: false },
  'complaint.register': { roles: STAFF, decides: true },
  'complaint.forward': { roles: STAFF, decides: true },
  'complaint.refuse': { roles: STAFF, decides: true },
  'complaint.find': { roles: STAFF, decides: true },
  'complaint.reply': { roles: STAFF, decides: true },
  // Record proposals (from complaints and broken commitments): the competent authority's staff confirm or reject
  'record-proposal.read': { roles: [REVIEWER, SUPERVISOR, ADMIN], decides: false },
  'record-proposal.confirm': { roles: STAFF, decides: true },
  'record-proposal.reject': { roles: STAFF, decides: true },
  'eligibility.read': { roles: EVERYONE, decides: false },
  'eligibility.list-suspended': { roles: [REVIEWER, SUPERVISOR, ADMIN], decides: false },
  // Staff running an honor evaluation record the answer they used; it decides no case.
  'eligibility.evaluate': { roles: STAFF, decides: false },
  'eligibility.read-evaluation': { roles: EVERYONE, decides: false },
  // Credit repair (信用修复)
  'repair.read': { roles: EVERYONE, decides: false },
  'repair.apply': { roles: [APPLICANT], decides: true },
  'repair.submit-materials': { roles: [APPLICANT], decides: true },
  'repair.withdraw': { roles: [APPLICANT], decides: true },
  'repair.accept': { roles: STAFF, decides: true },
  'repair.request-correction': { roles: STAFF, decides: true },
  'repair.refuse-acceptance': { roles: STAFF, decides: true },
  'repair.review': { roles: STAFF, decides: true },
  'repair.return': { roles: STAFF, decides: true },
  'repair.decide': { roles: [SUPERVISOR], decides: true },
  'repair.extend': { roles: [SUPERVISOR], decides: true },
  'repair.revoke': { roles: [SUPERVISOR], decides: true },
  // Commitments (守信践诺): the body registers and reports, the supervising authority checks
  'commitment.read': { roles: EVERYONE, decides: false },
  'commitment.register': { roles: [APPLICANT], decides: true },
  'commitment.report-progress': { roles: [APPLICANT], decides: true },
  'commitment.report-fulfilment': { roles: [APPLICANT], decides: true },
  'commitment.check': { roles: STAFF, decides: true },
  // Evidence files and the audit trail
  'evidence.read': { roles: EVERYONE, decides: false },
  'evidence.upload': { roles: [APPLICANT, REVIEWER, SUPERVISOR], decides: true },
  'audit.verify': { roles: [ADMIN], decides: false },
  // Decrypting Temporal payloads (personal data of every case) for the Web UI and the CLI
  'temporal.codec': { roles: [ADMIN], decides: false },
  // Reference data
  'calendar.read': { roles: EVERYONE, decides: false },
  'calendar.edit': { roles: [ADMIN], decides: false },
  'me.read': { roles: EVERYONE, decides: false },
  // Monitoring (the administrator's dashboard)
  'stats.read': { roles: [ADMIN], decides: false },
  // The console: a person's work across case types, the names of the people on their cases, the audit and outbox views
  'work.read': { roles: EVERYONE, decides: false },
  'user.read': { roles: EVERYONE, decides: false },
  'authority.read': { roles: EVERYONE, decides: false },
  'audit.read': { roles: [ADMIN], decides: false },
  'outbox.read': { roles: [ADMIN], decides: false },
  // Sending a dead notification again (it decides no case; audited)
  'outbox.retry': { roles: [ADMIN], decides: false },
} as const satisfies Record<string, PermissionRule>;

export type Permission = keyof typeof PERMISSIONS;

/** The roles that may attempt an action. */
export function rolesFor(permission: Permission): readonly Role[] {
  return PERMISSIONS[permission].roles;
}

export function isAllowed(permission: Permission, role: Role): boolean {
  return rolesFor(permission).includes(role);
}

for (const [name, rule] of Object.entries(PERMISSIONS) as [Permission, PermissionRule][]) {
  if (rule.decides && rule.roles.includes(ADMIN)) throw new Error(`Permission ${name} decides cases and may not include ADMIN`);
}
