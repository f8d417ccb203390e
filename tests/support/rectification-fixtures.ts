import type { Client } from '@temporalio/client';
import type { PolicySnapshot } from '../../domain/policies/policy-snapshot.js';
import { DEFAULT_RECTIFICATION_POLICY, type RectificationPolicy } from '../../domain/rectification/rectification-policy.js';
import type { PrismaClient } from '../../lib/prisma.js';
import {
  RECTIFICATION_WORKFLOW_TYPE,
  rectificationWorkflowId,
  type RectificationResult,
  type RectificationWorkflowInput,
} from '../../workflows/rectification/rectification-contract.js';
import { type ObjectionWorld } from './objection-fixtures.js';
import { eventually } from './eventually.js';

/** A policy snapshot from the defaults (the worker's time scale decides how long a working day lasts). */
export function rectificationPolicy(overrides: Partial<RectificationPolicy> = {}): PolicySnapshot<RectificationPolicy> {
  return {
    id: 'rectification-test@1',
    name: 'rectification-test',
    version: 1,
    params: { ...DEFAULT_RECTIFICATION_POLICY, ...overrides },
  };
}

/**
 * Starts a rectification on a new record of the world, as the record's lifecycle workflow would, and waits until the
 * workflow wrote its read-model row.
 */
export async function startRectification(
  prisma: PrismaClient,
  temporal: Client,
  taskQueue: string,
  world: ObjectionWorld,
  overrides: Partial<RectificationPolicy> = {},
) {
  const recordId = await world.createRecord();
  const input: RectificationWorkflowInput = {
    rectificationId: `RECT-${recordId}`,
    recordId,
    subjectId: world.subjectId,
    authorityId: world.authorityId,
    openedAt: new Date().toISOString(),
    policy: rectificationPolicy(overrides),
  };
  const workflowId = rectificationWorkflowId(recordId);
  const handle = await temporal.workflow.start<(i: RectificationWorkflowInput) => Promise<RectificationResult>>(RECTIFICATION_WORKFLOW_TYPE, {
    workflowId,
    taskQueue,
    args: [input],
  });
  await eventually(() => prisma.rectification.findUnique({ where: { id: input.rectificationId } }).then((row) => row ?? undefined));
  return { recordId, rectificationId: input.rectificationId, workflowId, handle, input };
}

export async function rectificationEventTypes(prisma: PrismaClient, rectificationId: string): Promise<string[]> {
  const events = await prisma.caseEvent.findMany({ where: { caseId: rectificationId }, orderBy: { id: 'asc' } });
  return events.map((event) => event.type);
}

/** Polls the timeline until it holds an event of the type; returns the timeline then. */
export function eventuallyEvent(prisma: PrismaClient, rectificationId: string, type: string, timeoutMs = 30_000): Promise<string[]> {
  return eventually(async () => {
    const types = await rectificationEventTypes(prisma, rectificationId);
    return types.includes(type) ? types : undefined;
  }, timeoutMs);
}
