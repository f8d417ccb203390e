/**
 * What the API (and the worker's activities) sign when they send a workflow an Update or a Signal, and what the
 * workflow verifies (workflows/shared/actor-signature-interceptor.ts). Whoever reaches the Temporal frontend without
 * the signing key can still send updates, but not ones a workflow accepts: the actor inside an update is only trusted
 * when the API, which authenticated that actor, signed it. Pure: used by the workflow sandbox and by Node alike.
 */
import { canonicalJson } from './canonical-json.js';

/** Temporal header that carries the signature (headers are not encrypted by the payload codec). */
export const ACTION_SIGNATURE_HEADER = 'credit-engine-signature';

/** How old a signed update may be when the workflow validates it (clock skew and a busy worker included). */
export const SIGNED_UPDATE_MAX_AGE_MS = 5 * 60_000;

export const SignedActionKind = { UPDATE: 'update', SIGNAL: 'signal' } as const;
export type SignedActionKind = (typeof SignedActionKind)[keyof typeof SignedActionKind];

/** The header's content. */
export interface ActionSignature {
  v: 1;
  /** ISO time of signing. */
  issuedAt: string;
  /** Ed25519 signature of signedActionMessage(...), hex. */
  sig: string;
}

export interface SignedActionFields {
  kind: SignedActionKind;
  workflowId: string;
  /** Update or signal name. */
  name: string;
  /** The update id (Temporal de-duplicates updates by id, so a copied signed update is a no-op); '' for signals. */
  id: string;
  issuedAt: string;
  /** The arguments as JSON carries them (the workflow sees them after the payload converter's round trip). */
  args: readonly unknown[];
}

/** The exact text that is signed: the canonical JSON of every field, so no field can be swapped or left out. */
export function signedActionMessage(fields: SignedActionFields): string {
  return canonicalJson({ v: 1, ...fields });
}

/** Signals whose sender must be the API or the worker: each changes a case (closes a record, cancels a rectification, suspends eligibility). */
export const SIGNED_SIGNALS: readonly string[] = ['recordOutcome', 'cancelRectification', 'recordEligibilityChanged', 'recordEnded'];

export function isActionSignature(value: unknown): value is ActionSignature {
  if (!value || typeof value !== 'object') return false;
  const candidate = value as Record<string, unknown>;
  return candidate.v === 1 && typeof candidate.issuedAt === 'string' && typeof candidate.sig === 'string';
}
