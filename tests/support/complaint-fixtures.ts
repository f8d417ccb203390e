import { randomBytes } from 'node:crypto';
import { DEFAULT_COMPLAINT_POLICY, type ComplaintPolicy } from '../../domain/complaint/complaint-policy.js';
import type { PrismaClient } from '../../lib/prisma.js';
import { createRecordWorld } from './record-fixtures.js';

/**
 * A record world plus a complaint policy of its own. The world's other authority plays the credit office (its
 * reviewer registers, forwards and replies); the world's authority is the competent authority that verifies.
 */
export async function createComplaintWorld(prisma: PrismaClient, overrides: Partial<ComplaintPolicy> = {}) {
  const world = await createRecordWorld(prisma);
  const complaintPolicyId = `complaint-test-${randomBytes(4).toString('hex')}@1`;
  await prisma.policy.create({
    data: { id: complaintPolicyId, name: complaintPolicyId.split('@')[0]!, processType: 'COMPLAINT', version: 1, active: false, params: { ...DEFAULT_COMPLAINT_POLICY, ...overrides } },
  });
  return { ...world, complaintPolicyId, creditOffice: world.actors.foreignReviewer, creditOfficeId: world.otherAuthorityId };
}

export type ComplaintWorld = Awaited<ReturnType<typeof createComplaintWorld>>;

/** A registration of a complaint about the world's body. */
export function complaintRegistration(world: ComplaintWorld, overrides: Record<string, unknown> = {}) {
  return {
    subjectId: world.subjectId,
    policyArea: 'INVESTMENT_PROMOTION',
    category: 'POLICY_PROMISE_BROKEN',
    summary: '县政府招商引资时承诺的奖励资金三年未兑现',
    evidence: [{ title: '招商引资协议' }],
    anonymous: false,
    reporter: { name: '李四', phone: '13800000000', organization: '某某科技有限公司' },
    ...overrides,
  };
}
