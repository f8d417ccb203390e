/**
 * The Temporal update id of a human action sent with an Idempotency-Key. Temporal keeps one outcome per update id and
 * workflow, so the id names the action too: the same key reused for another action on the same case must run that
 * action, not be taken for the first one (which silently dropped decisions).
 */
export function updateIdOf(updateName: string, actorId: string, idempotencyKey: string | undefined): { updateId: string } | Record<string, never> {
  return idempotencyKey ? { updateId: `${updateName}:${actorId}:${idempotencyKey}` } : {};
}
