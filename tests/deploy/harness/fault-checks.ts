/**
 * What every fault test sends and checks: decisions on cases that await one, each with its own Idempotency-Key and
 * retried with that key by the caller while the answer is transient; then every case decided exactly once (its
 * events each once, in order, the audit chain intact) and every notification delivered under its own key.
 */
import { expect } from 'vitest';
import type { FaultStack } from './fault-stack.js';
import { caseOutcomes, errorsOf, DECIDED_CASE_EVENTS, OPTIONAL_CASE_EVENTS, DECISION, decisionKey, decisionMessages, decisionPath, openCasesAwaitingDecision } from './fault-world.js';
import { postUntilAnswered, type RetriedAnswer } from './http-client.js';
import { until } from './ports.js';

export interface DecisionsInFlight {
  caseIds: string[];
  /** When the decisions were sent (ms since the epoch). */
  sentAt: number;
  answers: Promise<RetriedAnswer[]>;
}

/** Opens `count` cases, then sends all their decisions at once (to `apiUrl()`, read at each attempt). */
export async function sendDecisions(stack: FaultStack, count: number, apiUrl: () => string = () => stack.apiUrl): Promise<DecisionsInFlight> {
  const caseIds = await openCasesAwaitingDecision(stack.api, stack.apiUrl, stack.world, count);
  const sentAt = Date.now();
  const answers = Promise.all(
    caseIds.map((caseId) => postUntilAnswered(apiUrl, decisionPath(caseId), stack.world.actors.reviewer2, DECISION, decisionKey(caseId))),
  );
  return { caseIds, sentAt, answers };
}

export interface DecisionReport {
  answers: RetriedAnswer[];
  summary: string;
}

/**
 * Waits for every answer and checks the outcome. `mayRedeliver`: how many notifications a killed process may have
 * been sending (delivery is at least once, by the message's key: only those may arrive twice).
 */
export async function expectDecidedOnce(stack: FaultStack, decisions: DecisionsInFlight, { mayRedeliver = 0 } = {}): Promise<DecisionReport> {
  const { prisma } = stack.database;
  const answers = await decisions.answers;
  const answeredInMs = Date.now() - decisions.sentAt;
  for (const answer of answers) {
    expect(answer.status, `${JSON.stringify(answer)}\nAPI errors:\n${errorsOf(stack.api)}`).toBe(200);
    expect(answer.body.status).toBe('DECIDED');
  }
  const outcomes = await caseOutcomes(prisma, decisions.caseIds);
  for (const outcome of outcomes) {
    expect(new Set(outcome.events).size, `${outcome.caseId}: ${outcome.events.join(', ')}`).toBe(outcome.events.length);
    const events = outcome.events.filter((event) => !OPTIONAL_CASE_EVENTS.includes(event));
    expect({ ...outcome, events }, outcome.caseId).toEqual({ caseId: outcome.caseId, status: 'DECIDED', events: DECIDED_CASE_EVENTS, chainOk: true });
  }
  const messages = await until(
    'every notification to be delivered',
    async () => {
      const found = await decisionMessages(prisma, decisions.caseIds);
      const delivered = found.length === decisions.caseIds.length && found.every((m) => m.status === 'DELIVERED' && stack.webhook.deliveries.has(m.id));
      return delivered ? found : undefined;
    },
    120_000,
  );
  expect(new Set(messages.map((m) => m.id)).size).toBe(decisions.caseIds.length);
  const twice = messages.filter((m) => (stack.webhook.deliveries.get(m.id) ?? 0) > 1).length;
  expect(twice).toBeLessThanOrEqual(mayRedeliver);

  const retried = answers.filter((a) => a.statuses.length > 1);
  const seen = [...new Set(answers.flatMap((a) => a.statuses))].sort().join('/');
  return {
    answers,
    summary:
      `all ${answers.length} decided once, answered 200 within ${answeredInMs} ms of sending; ${retried.length} needed a retry ` +
      `(statuses seen ${seen}); ${twice} notifications delivered twice under their key`,
  };
}
