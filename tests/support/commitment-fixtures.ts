import { randomBytes } from 'node:crypto';
import { DEFAULT_COMMITMENT_POLICY, type CommitmentPolicy } from '../../domain/commitment/commitment-policy.js';
import { localDateOf } from '../../domain/calendar/local-date.js';
import { addCalendarMonths } from '../../domain/records/calendar-months.js';
import type { PrismaClient } from '../../lib/prisma.js';
import { createRecordWorld } from './record-fixtures.js';

/** A world (authority, body, people, publication and rectification policies) with a commitment policy of its own. */
export async function createCommitmentWorld(prisma: PrismaClient, overrides: Partial<CommitmentPolicy> = {}) {
  const world = await createRecordWorld(prisma);
  const commitmentPolicyId = `commitment-test-${randomBytes(4).toString('hex')}@1`;
  await prisma.policy.create({
    data: {
      id: commitmentPolicyId,
      name: commitmentPolicyId.split('@')[0]!,
      processType: 'COMMITMENT',
      version: 1,
      active: false,
      params: { ...DEFAULT_COMMITMENT_POLICY, ...overrides },
    },
  });
  return { ...world, commitmentPolicyId };
}

export type CommitmentWorld = Awaited<ReturnType<typeof createCommitmentWorld>>;

/** Today in the office's zone, and a date some days or months from it. */
export const today = () => localDateOf(new Date(), 'Asia/Shanghai');
export const inDays = (days: number) => new Date(Date.parse(`${today()}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
export const inMonths = (months: number) => addCalendarMonths(today(), months);

/** A registration body for the world's supervising authority. */
export function commitmentRegistration(world: { authorityId: string }, overrides: Record<string, unknown> = {}) {
  return {
    kind: 'TIME_LIMIT',
    promise: '企业开办全流程1个工作日内办结',
    publicConcerned: '本县新开办企业',
    policyArea: 'INVESTMENT_PROMOTION',
    authorityId: world.authorityId,
    dueDate: inDays(30),
    ...overrides,
  };
}
