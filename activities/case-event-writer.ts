import type { Prisma } from '../generated/prisma/client.js';

type Tx = Prisma.TransactionClient;

/** True when the event was already written: the transition it records is done (retried activity). */
export async function caseEventExists(tx: Tx, eventKey: string): Promise<boolean> {
  return (await tx.caseEvent.findUnique({ where: { eventKey }, select: { id: true } })) !== null;
}
