import type { Actor } from '../../domain/roles.js';

/** The system acts for timers (reminders, escalations); it never decides a case. */
export const SYSTEM_ACTOR: Actor = { id: 'system', role: 'ADMIN' };

/** One timeline/audit event as the workflow emits it; eventKey makes its write idempotent. */
export interface CaseEventInput {
  eventKey: string;
  caseId: string;
  caseType: string;
  type: string;
  actorId: string;
  actorRole: string;
  reason?: string | null;
  data?: Record<string, unknown> | null;
  occurredAt: string;
}
