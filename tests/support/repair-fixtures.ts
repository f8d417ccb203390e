import { randomBytes } from 'node:crypto';
import type { Client } from '@temporalio/client';
import { createRepairService } from '../../api/repairs/repair-service.js';
import { DEFAULT_REPAIR_POLICY, type RepairPolicy } from '../../domain/repair/repair-policy.js';
import type { PrismaClient } from '../../lib/prisma.js';
import { createRecordWorld, recordServiceFor, registration } from './record-fixtures.js';

/** A record world with a repair policy of its own. */
export async function createRepairWorld(prisma: PrismaClient, overrides: Partial<RepairPolicy> = {}) {
  const world = await createRecordWorld(prisma);
  const repairPolicyId = `repair-test-${randomBytes(4).toString('hex')}@1`;
  await prisma.policy.create({
    data: {
      id: repairPolicyId,
      name: repairPolicyId.split('@')[0]!,
      processType: 'REPAIR',
      version: 1,
      active: false,
      params: { ...DEFAULT_REPAIR_POLICY, ...overrides },
    },
  });
  return { ...world, repairPolicyId };
}

export type RepairWorld = Awaited<ReturnType<typeof createRepairWorld>>;

export function repairServiceFor(prisma: PrismaClient, temporal: Client, taskQueue: string, world: RepairWorld) {
  return createRepairService({ prisma, temporal, taskQueue, repairPolicyId: world.repairPolicyId });
}

/** Registers a record whose minimum publication period has been served and that needs no rectification. */
export async function repairableRecord(prisma: PrismaClient, temporal: Client, taskQueue: string, world: RepairWorld, overrides: Record<string, unknown> = {}) {
  return recordServiceFor(prisma, temporal, taskQueue, world).register(world.actors.reviewer, registration(world, overrides));
}

export const FULL_MATERIALS = [
  { kind: 'APPLICATION_FORM' as const, title: '信用修复申请书' },
  { kind: 'CREDIT_COMMITMENT' as const, title: '信用承诺书' },
  { kind: 'PERFORMANCE_PROOF' as const, title: '履行完毕证明' },
  { kind: 'IDENTITY_AUTHORIZATION' as const, title: '授权委托书' },
];
