import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EligibilityBlocker } from '../../domain/eligibility/eligibility.js';
import {
  ELIGIBILITY_WORKFLOW_TYPE,
  eligibilityQuery,
  eligibilityWorkflowId,
  recordEligibilityChangedSignal,
} from '../../workflows/eligibility/eligibility-contract.js';
import { eventually } from '../support/eventually.js';
import { startRealWorker } from '../support/real-worker.js';
import { getTestEnv, uniqueId } from '../support/test-env.js';

const env = await getTestEnv();
const taskQueue = uniqueId('eligibility');
let stopWorker: () => Promise<void>;

beforeAll(async () => {
  ({ stop: stopWorker } = await startRealWorker(taskQueue));
});
afterAll(async () => {
  await stopWorker?.();
});

const blocker = (recordId: string, until: string | null = null): EligibilityBlocker => ({
  recordId,
  restriction: 'HONOR_EVALUATION',
  since: new Date().toISOString(),
  until,
  reason: 'test',
});

describe('subject eligibility workflow', () => {
  it('stays correct across continue-as-new and ignores duplicated or late record events', async () => {
    const subjectId = uniqueId('subject');
    const handle = await env.temporalClient.workflow.start(ELIGIBILITY_WORKFLOW_TYPE, {
      workflowId: eligibilityWorkflowId(subjectId),
      taskQueue,
      args: [{ subjectId, restriction: 'HONOR_EVALUATION', maxEventsPerRun: 3 }],
    });
    const send = (recordId: string, recordVersion: number, block: EligibilityBlocker | null) =>
      handle.signal(recordEligibilityChangedSignal, { recordId, recordVersion, blocker: block, cause: block ? 'REGISTERED' : 'REVOKED', occurredAt: new Date().toISOString() });

    for (const id of ['r1', 'r2', 'r3', 'r4', 'r5']) await send(id, 1, blocker(id));
    await send('r1', 2, null);
    await send('r2', 2, null);
    await send('r1', 1, blocker('r1')); // a late duplicate of r1's first event: ignored
    await send('r3', 2, null);

    const answer = await eventually(async () => {
      const current = await env.temporalClient.workflow.getHandle(eligibilityWorkflowId(subjectId)).query(eligibilityQuery);
      const ids = current.blockers.map((b) => b.recordId).sort();
      return ids.join(',') === 'r4,r5' ? current : undefined;
    });
    expect(answer.eligible).toBe(false);
    expect(answer.blockers.map((b) => b.recordId).sort()).toEqual(['r4', 'r5']);

    // More events than maxEventsPerRun: the workflow continued as new, carrying its state.
    const latestRun = await eventually(async () => {
      const description = await env.temporalClient.workflow.getHandle(eligibilityWorkflowId(subjectId)).describe();
      return description.runId !== handle.firstExecutionRunId ? description : undefined;
    });
    expect(latestRun.status.name).toBe('RUNNING');
    const afterContinue = await env.temporalClient.workflow.getHandle(eligibilityWorkflowId(subjectId)).query(eligibilityQuery);
    expect(afterContinue.blockers.map((b) => b.recordId).sort()).toEqual(['r4', 'r5']);
    const stored = await eventually(async () => {
      const row = await env.prisma.subjectEligibility.findUnique({ where: { subjectId } });
      const ids = row ? (row.blockers as Array<{ recordId: string }>).map((b) => b.recordId).sort().join(',') : '';
      return row && ids === 'r4,r5' ? row : undefined;
    });
    expect(stored.eligible).toBe(false);
  });

  it('ends a block by itself when its period runs out', async () => {
    const subjectId = uniqueId('subject');
    const handle = await env.temporalClient.workflow.start(ELIGIBILITY_WORKFLOW_TYPE, {
      workflowId: eligibilityWorkflowId(subjectId),
      taskQueue,
      args: [{ subjectId, restriction: 'AWARDS' }],
    });
    await handle.signal(recordEligibilityChangedSignal, {
      recordId: 'r1',
      recordVersion: 1,
      blocker: blocker('r1', new Date(Date.now() + 1500).toISOString()),
      cause: 'REGISTERED',
      occurredAt: new Date().toISOString(),
    });
    // Wait for the restoration itself: before the signal is handled the subject is eligible with no blockers too.
    const events = await eventually(async () => {
      const rows = await env.prisma.caseEvent.findMany({ where: { caseId: subjectId, caseType: 'ELIGIBILITY' }, orderBy: { id: 'asc' } });
      return rows.some((e) => e.type === 'ELIGIBILITY_RESTORED') ? rows : undefined;
    });
    const row = await env.prisma.subjectEligibility.findUnique({ where: { subjectId } });
    expect(row?.eligible).toBe(true);
    expect(row?.blockers).toEqual([]);
    expect(events.map((e) => e.type)).toEqual(['ELIGIBILITY_OPENED', 'ELIGIBILITY_SUSPENDED', 'ELIGIBILITY_RESTORED']);
    expect(events.at(-1)?.reason).toBe('EXPIRED');
  });
});
