import type { PrismaClient } from '../generated/prisma/client.js';

/**
 * A broken commitment becomes a record proposal that a reviewer of the supervising authority confirms into a
 * dishonesty record. PLACEHOLDER until the record-proposal module (branch wip-complaints) is merged: the proposal id
 * is the deterministic one the module will use for this source case, nothing is stored yet.
 */
export function createCommitmentProposalActivities(prisma: PrismaClient) {
  return {
    async proposeRecordFromCommitment(request: { commitmentId: string; period: number }): Promise<{ proposalId: string }> {
      await prisma.commitment.findUniqueOrThrow({ where: { id: request.commitmentId }, select: { id: true } });
      return { proposalId: `PROP-${request.commitmentId}` };
    },
  };
}
