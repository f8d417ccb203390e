import type { PrismaClient } from '../generated/prisma/client.js';
import { localDateOf } from '../domain/calendar/local-date.js';
import type { CommitmentPolicy } from '../domain/commitment/commitment-policy.js';
import type { PolicySnapshot } from '../domain/policies/policy-snapshot.js';
import type { PolicyArea } from '../domain/records/record-types.js';
import { proposeRecord } from '../lib/record-proposals/propose-record.js';

const KIND_TITLES: Record<string, string> = {
  SERVICE_QUALITY: '服务质量承诺',
  TIME_LIMIT: '期限承诺',
  GUARANTEE: '保障承诺',
  TOWNSHIP_PUBLIC: '街道和乡镇公开承诺',
};

export function createCommitmentProposalActivities(prisma: PrismaClient, timeZone: string) {
  return {
    /**
     * A broken commitment becomes a record proposal of the supervising authority (source COMMITMENT, the commitment's
     * id as source case), proposed by the reviewer who found it broken; another reviewer of the authority confirms it
     * into a record. Idempotent by source case: a retry returns the same proposal.
     */
    async proposeRecordFromCommitment(request: { commitmentId: string; period: number }): Promise<{ proposalId: string }> {
      const [commitment, check] = await Promise.all([
        prisma.commitment.findUniqueOrThrow({ where: { id: request.commitmentId } }),
        prisma.commitmentCheck.findUniqueOrThrow({ where: { commitmentId_period: { commitmentId: request.commitmentId, period: request.period } } }),
      ]);
      const [subject, checker] = await Promise.all([
        prisma.subject.findUniqueOrThrow({ where: { id: commitment.subjectId }, select: { kind: true } }),
        prisma.user.findUnique({ where: { id: check.checkedById }, select: { role: true } }),
      ]);
      const { params } = commitment.policy as unknown as PolicySnapshot<CommitmentPolicy>;
      const kind = KIND_TITLES[commitment.kind] ?? commitment.kind;
      const { id } = await proposeRecord(prisma, {
        source: 'COMMITMENT',
        sourceCaseId: commitment.id,
        subjectId: commitment.subjectId,
        authorityId: commitment.authorityId,
        severity: params.brokenSeverity ?? 'GENERAL',
        policyArea: commitment.policyArea as PolicyArea,
        facts: {
          title: `未履行${kind}`,
          summary: `承诺：${commitment.promise}；核查结论：${check.reasons}`,
          commitmentId: commitment.id,
          commitmentKind: commitment.kind,
          publicConcerned: commitment.publicConcerned,
          dueDate: check.dueDate.toISOString().slice(0, 10),
          checkId: check.id,
          evidence: check.evidence,
        },
        decisionDate: localDateOf(check.checkedAt, timeZone),
        rectificationRequired: subject.kind === 'GOVERNMENT_BODY',
        proposedBy: { id: check.checkedById, role: checker?.role ?? 'REVIEWER' },
      });
      return { proposalId: id };
    },
  };
}
