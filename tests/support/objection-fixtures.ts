import type { Client } from '@temporalio/client';
import { DEFAULT_OBJECTION_POLICY, type ObjectionPolicy } from '../../domain/objection/objection-policy.js';
import type { PrismaClient } from '../../lib/prisma.js';
import { createObjectionService } from '../../api/objections/objection-service.js';
import { createWorld } from './world.js';

/** The shared test world (tests/support/world.ts) plus an objection policy of the test's own. */
export async function createObjectionWorld(prisma: PrismaClient, policyOverrides: Partial<ObjectionPolicy> = {}) {
  const { suffix, ...world } = await createWorld(prisma);
  const policyId = `objection-test-${suffix}@1`;
  const params: ObjectionPolicy = { ...DEFAULT_OBJECTION_POLICY, ...policyOverrides };
  await prisma.policy.create({
    data: { id: policyId, name: `objection-test-${suffix}`, processType: 'OBJECTION', version: 1, params, active: false },
  });
  return { ...world, policyId, policy: params };
}

export type ObjectionWorld = Awaited<ReturnType<typeof createObjectionWorld>>;

export function objectionServiceFor(prisma: PrismaClient, temporal: Client, taskQueue: string, world: ObjectionWorld) {
  return createObjectionService({ prisma, temporal, taskQueue, objectionPolicyId: world.policyId });
}
