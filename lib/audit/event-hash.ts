import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json.js';

/** The fields of a CaseEvent that its hash covers (recordedAt and the database id are not part of it). */
export interface HashedEventFields {
  prevHash: string | null;
  eventKey: string;
  caseId: string;
  caseType: string;
  type: string;
  actorId: string;
  actorRole: string;
  reason: string | null;
  data: unknown;
  occurredAt: Date;
}

/**
 * SHA-256 (hex) of the canonical JSON of an event and the hash of the event before it in its case: changing any
 * covered field, or the order of a case's events, changes every hash after it.
 */
export function eventHash(event: HashedEventFields): string {
  const covered = {
    prevHash: event.prevHash,
    eventKey: event.eventKey,
    caseId: event.caseId,
    caseType: event.caseType,
    type: event.type,
    actorId: event.actorId,
    actorRole: event.actorRole,
    reason: event.reason,
    data: event.data ?? null,
    occurredAt: event.occurredAt.toISOString(),
  };
  return createHash('sha256').update(canonicalJson(covered), 'utf8').digest('hex');
}

/**
 * The event data as the database will give it back (a JSON round trip drops undefined members and turns dates into
 * strings), so the hash computed at write time is the one verification recomputes from the stored row.
 */
export function storedJson(data: unknown): unknown {
  if (data === undefined || data === null) return null;
  return JSON.parse(JSON.stringify(data)) as unknown;
}
