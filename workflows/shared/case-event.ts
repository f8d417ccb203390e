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
  /** Messages for people other than the case's parties (a colleague handed a step), written with the event. */
  notices?: CaseNotification[];
}

/** What every transition may say about itself on the timeline. */
export interface CaseEventDetails {
  reason?: string | null | undefined;
  data?: Record<string, unknown> | null | undefined;
  /** Outbox messages written in the event's transaction (see activities/case-event-writer.ts). */
  notices?: CaseNotification[] | undefined;
}

/** A message for a party of the case, delivered through the outbox in the transition's transaction. */
export interface CaseNotification {
  topic: string;
  recipientId: string;
  payload: Record<string, unknown>;
}

/** A timeline event made now by `actor`; the caller supplies the deterministic key. */
export function newCaseEvent(
  key: { eventKey: string; caseId: string; caseType: string },
  type: string,
  actor: Actor,
  details: CaseEventDetails,
): CaseEventInput {
  return {
    ...key,
    type,
    actorId: actor.id,
    actorRole: actor.role,
    reason: details.reason ?? null,
    data: details.data ?? null,
    occurredAt: new Date().toISOString(),
    ...(details.notices?.length ? { notices: details.notices } : {}),
  };
}
