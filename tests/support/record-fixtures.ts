import { randomBytes } from 'node:crypto';
import type { Client } from '@temporalio/client';
import { createRecordService } from '../../api/records/record-service.js';
import { DEFAULT_PUBLICATION_POLICY, type PublicationPolicy } from '../../domain/records/publication-policy.js';
import { DEFAULT_RECTIFICATION_POLICY, type RectificationPolicy } from '../../domain/rectification/rectification-policy.js';
import type { PrismaClient } from '../../lib/prisma.js';
import { createObjectionWorld } from './objection-fixtures.js';

export interface RecordWorldOptions {
  rectification?: Partial<RectificationPolicy>;
  publication?: Partial<PublicationPolicy>;
}

/**
 * An objection world plus publication and rectification policies of its own, and a civil servant. How long a month
 * or a working day lasts is the worker's time scale (tests/support/real-worker.ts), not the policies'.
 */
export async function createRecordWorld(prisma: PrismaClient, options: RecordWorldOptions = {}) {
  const world = await createObjectionWorld(prisma);
  const s = randomBytes(4).toString('hex');
  const publicationPolicyId = `publication-test-${s}@1`;
  const rectificationPolicyId = `rectification-test-${s}@1`;
  await prisma.policy.createMany({
    data: [
      {
        id: publicationPolicyId,
        name: `publication-test-${s}`,
        processType: 'PUBLICATION',
        version: 1,
        active: false,
        params: { ...DEFAULT_PUBLICATION_POLICY, ...options.publication },
      },
      {
        id: rectificationPolicyId,
        name: `rectification-test-${s}`,
        processType: 'RECTIFICATION',
        version: 1,
        active: false,
        params: { ...DEFAULT_RECTIFICATION_POLICY, ...options.rectification },
      },
    ],
  });
  const civilServantId = `servant-${s}`;
  await prisma.subject.create({ data: { id: civilServantId, kind: 'CIVIL_SERVANT', name: '张某某', organizationId: world.subjectId } });
  return { ...world, publicationPolicyId, rectificationPolicyId, civilServantId };
}

export type RecordWorld = Awaited<ReturnType<typeof createRecordWorld>>;

export function recordServiceFor(prisma: PrismaClient, temporal: Client, taskQueue: string, world: RecordWorld) {
  return createRecordService({
    prisma,
    temporal,
    taskQueue,
    publicationPolicyId: world.publicationPolicyId,
    rectificationPolicyId: world.rectificationPolicyId,
  });
}

let documentCounter = 0;

/** A registration request for the world's government body (or another subject). */
export function registration(world: RecordWorld, overrides: Record<string, unknown> = {}) {
  documentCounter += 1;
  return {
    subjectId: world.subjectId,
    source: 'COURT_JUDGMENT' as const,
    documentNumber: `（2026）测01执${documentCounter}号-${randomBytes(3).toString('hex')}`,
    severity: 'GENERAL' as const,
    policyArea: 'ARREARS_TO_FIRMS' as const,
    decisionDate: '2026-03-02',
    facts: { title: '拖欠民营企业账款', summary: '未按期支付工程款' },
    rectificationRequired: false,
    ...overrides,
  };
}
