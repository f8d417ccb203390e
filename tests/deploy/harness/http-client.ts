/**
 * What a caller of the API does in the fault tests: HTTP requests with a token and an Idempotency-Key, and a retry
 * with the same key until an answer that is not a transient failure (a client's ordinary retry loop).
 */
import type { Actor } from '../../../domain/roles.js';
import { issueToken } from '../../../lib/auth-tokens.js';
import { FAULT_TOKENS } from './product-processes.js';

export interface ApiAnswer {
  status: number;
  body: Record<string, unknown>;
  replayed: boolean;
}

/** No answer at all (connection refused or reset: the process died) is status 0. */
export async function post(baseUrl: string, path: string, actor: Actor, body: unknown, idempotencyKey?: string, timeoutMs = 180_000): Promise<ApiAnswer> {
  const headers: Record<string, string> = {
    authorization: `Bearer ${await issueToken(FAULT_TOKENS, actor, '2h')}`,
    'content-type': 'application/json',
  };
  if (idempotencyKey) headers['idempotency-key'] = idempotencyKey;
  try {
    const res = await fetch(`${baseUrl}${path}`, { method: 'POST', headers, body: JSON.stringify(body), signal: AbortSignal.timeout(timeoutMs) });
    const text = await res.text();
    return { status: res.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {}, replayed: res.headers.get('idempotent-replayed') === 'true' };
  } catch (err) {
    return { status: 0, body: { error: String(err) }, replayed: false };
  }
}

export interface RetriedAnswer extends ApiAnswer {
  /** Every status seen, first attempt included (e.g. [0, 409, 200]). */
  statuses: number[];
}

/**
 * Sends the request, then again with the same Idempotency-Key while the answer is a transient failure (no answer,
 * 5xx, or 409 "still in progress"), pausing `pauseMs` between attempts, until `deadlineMs` passes.
 */
export async function postUntilAnswered(
  baseUrl: () => string,
  path: string,
  actor: Actor,
  body: unknown,
  idempotencyKey: string,
  deadlineMs = 240_000,
  pauseMs = 1_000,
): Promise<RetriedAnswer> {
  const deadline = Date.now() + deadlineMs;
  const statuses: number[] = [];
  for (;;) {
    const answer = await post(baseUrl(), path, actor, body, idempotencyKey);
    statuses.push(answer.status);
    const transient = answer.status === 0 || answer.status >= 500 || (answer.status === 409 && /in progress/i.test(String(answer.body.detail)));
    if (!transient || Date.now() > deadline) return { ...answer, statuses };
    await new Promise((resolve) => setTimeout(resolve, pauseMs));
  }
}
