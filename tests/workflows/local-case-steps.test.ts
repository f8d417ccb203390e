import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { historyToJSON } from '@temporalio/common/lib/proto-utils.js';
import type { temporal } from '@temporalio/proto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ELIGIBILITY_WORKFLOW_TYPE,
  eligibilityWorkflowId,
  recordEligibilityChangedSignal,
} from '../../workflows/eligibility/eligibility-contract.js';
import { acceptObjectionUpdate, decideObjectionUpdate } from '../../workflows/objection/objection-contract.js';
import { recordWorkflowId } from '../../workflows/record/record-contract.js';
import { AesGcmPayloadCodec } from '../../lib/temporal-security/aes-gcm-payload-codec.js';
import { createRecordWorld, recordServiceFor, registration } from '../support/record-fixtures.js';
import { TEST_TEMPORAL_KEYS } from '../support/temporal-test-keys.js';
import { BATCHED_ELIGIBILITY_SAVES_PATCH } from '../../workflows/eligibility/eligibility-workflow.js';
import { LOCAL_CASE_STEPS_PATCH } from '../../workflows/shared/activity-options.js';
import { eventually } from '../support/eventually.js';
import { createObjectionWorld, objectionServiceFor, type ObjectionWorld } from '../support/objection-fixtures.js';
import { startRealWorker } from '../support/real-worker.js';
import { getTestEnv, uniqueId, type TestWorker } from '../support/test-env.js';

const env = await getTestEnv();
let world: ObjectionWorld;
const workers: TestWorker[] = [];

beforeAll(async () => {
  world = await createObjectionWorld(env.prisma, { secondReviewAllowed: false });
});
afterAll(async () => {
  for (const worker of workers) await worker.stop();
});

/** A worker that runs the code as it was before the patches: every patch stays off for the cases it starts. */
const beforeThePatches = { patchActivationCallback: () => false };

async function worker(taskQueue: string, options: Parameters<typeof startRealWorker>[1] = {}): Promise<TestWorker> {
  const started = await startRealWorker(taskQueue, options);
  workers.push(started);
  return started;
}

type HistoryEvent = temporal.api.history.v1.IHistoryEvent;

async function history(workflowId: string): Promise<HistoryEvent[]> {
  return (await env.temporalClient.workflow.getHandle(workflowId).fetchHistory()).events ?? [];
}

/**
 * With RECORD_HISTORIES=1 the histories of these cases are saved (payloads decrypted with the test key) for the replay
 * test, as scripts/record-history.sh saves those of a running product.
 */
async function recordHistory(workflowId: string, name: string): Promise<void> {
  if (!process.env.RECORD_HISTORIES) return;
  const codec = new AesGcmPayloadCodec(TEST_TEMPORAL_KEYS.payload, TEST_TEMPORAL_KEYS.previousPayloadKeys);
  const fetched = await env.temporalClient.workflow.getHandle(workflowId).fetchHistory();
  await decodePayloads(fetched, codec);
  writeFileSync(fileURLToPath(new URL(`./histories/${name}.json`, import.meta.url)), JSON.stringify(JSON.parse(historyToJSON(fetched)), null, 2) + '\n');
}

/** Every payload in a history object (anything with `data` and `metadata.encoding`), decoded in place. */
async function decodePayloads(node: unknown, codec: AesGcmPayloadCodec): Promise<void> {
  if (!node || typeof node !== 'object' || ArrayBuffer.isView(node)) return;
  for (const [key, value] of Object.entries(node)) {
    if (value && typeof value === 'object' && 'data' in value && 'metadata' in value && (value as { metadata?: { encoding?: unknown } }).metadata?.encoding) {
      (node as Record<string, unknown>)[key] = (await codec.decode([value as never]))[0];
    } else if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        const item: unknown = value[i];
        if (item && typeof item === 'object' && 'data' in item && 'metadata' in item) value[i] = (await codec.decode([item as never]))[0];
        else await decodePayloads(item, codec);
      }
    } else await decodePayloads(value, codec);
  }
}

/** The ordinary activities scheduled, by type, and how many local activities ran (markers), in history order. */
function steps(events: HistoryEvent[]): string[] {
  return events.flatMap((e) => {
    const scheduled = e.activityTaskScheduledEventAttributes?.activityType?.name;
    if (scheduled) return [`activity:${scheduled}`];
    const marker = e.markerRecordedEventAttributes?.markerName;
    return marker ? [`marker:${marker}`] : [];
  });
}

describe('case steps as local activities (patched)', () => {
  it('a new objection writes its transitions and computes its deadlines without an ordinary activity', async () => {
    const taskQueue = uniqueId('local-steps-new');
    await worker(taskQueue);
    const service = objectionServiceFor(env.prisma, env.temporalClient, taskQueue, world);
    const filed = await service.file(world.actors.applicant, { recordId: await world.createRecord(), grounds: 'INACCURATE_OR_INCOMPLETE', statement: '记录有误', evidence: [{ title: '证明' }] });
    await service.act(world.actors.reviewer, filed.case.id, acceptObjectionUpdate, {});
    const decided = await service.act(world.actors.reviewer2, filed.case.id, decideObjectionUpdate, { outcome: 'REJECT', reasons: '经核实无误' });
    expect(decided.status).toBe('DECIDED');
    await env.temporalClient.workflow.getHandle(decided.workflowId).result();

    await recordHistory(decided.workflowId, 'objection-local-steps-rejected');
    const shape = steps(await history(decided.workflowId));
    expect(shape.filter((s) => s.startsWith('activity:'))).toEqual([]);
    expect(shape.filter((s) => s === 'marker:core_local_activity').length).toBeGreaterThanOrEqual(6);
    const types = (await env.prisma.caseEvent.findMany({ where: { caseId: filed.case.id }, orderBy: { id: 'asc' } })).map((e) => e.type);
    expect(types.filter((t) => t === 'ACCEPTED')).toHaveLength(1);
    expect(types.filter((t) => t === 'DECIDED')).toHaveLength(1);
  });

  it('an objection started before the patch continues after it: ordinary activities before, local ones after, one event per transition', async () => {
    const taskQueue = uniqueId('local-steps-upgrade');
    const old = await worker(taskQueue, { workerOptions: beforeThePatches });
    const service = objectionServiceFor(env.prisma, env.temporalClient, taskQueue, world);
    const filed = await service.file(world.actors.applicant, { recordId: await world.createRecord(), grounds: 'INACCURATE_OR_INCOMPLETE', statement: '记录有误', evidence: [{ title: '证明' }] });
    await eventually(async () => {
      const opened = await env.prisma.caseEvent.findFirst({ where: { caseId: filed.case.id, type: 'STEP_OPENED' } });
      return opened ?? undefined;
    });
    await old.stop();
    const before = steps(await history(filed.case.workflowId));
    expect(before).toContain('activity:recordObjectionTransition');
    expect(before).toContain('activity:computeStepDeadline');
    expect(before).not.toContain('marker:core_local_activity');

    // The new code picks the case up (replaying what the old code did), and takes its next steps locally.
    await worker(taskQueue);
    await service.act(world.actors.reviewer, filed.case.id, acceptObjectionUpdate, {});
    const decided = await service.act(world.actors.reviewer2, filed.case.id, decideObjectionUpdate, { outcome: 'REJECT', reasons: '经核实无误' });
    expect(decided.status).toBe('DECIDED');
    expect(await env.temporalClient.workflow.getHandle(decided.workflowId).result()).toEqual({ status: 'DECIDED', outcome: 'REJECT' });

    await recordHistory(decided.workflowId, 'objection-started-before-local-steps-then-decided');
    const after = steps(await history(decided.workflowId)).slice(before.length);
    expect(after[0]).toBe('marker:core_patch');
    expect(after.filter((s) => s.startsWith('activity:'))).toEqual([]);
    expect(after).toContain('marker:core_local_activity');
    const types = (await env.prisma.caseEvent.findMany({ where: { caseId: filed.case.id }, orderBy: { id: 'asc' } })).map((e) => e.type);
    for (const type of ['FILED', 'ACCEPTED', 'DECIDED']) expect(types.filter((t) => t === type)).toHaveLength(1);
    expect(LOCAL_CASE_STEPS_PATCH).toBe('local-case-steps');
  });

  it('a subject told of many changes at once saves them together, one timeline event each', async () => {
    const taskQueue = uniqueId('eligibility-batch');
    await worker(taskQueue);
    // Signed signals name their workflow, and the replay test runs a history under its file's name: a recorded
    // history is named after its workflow id (fixed when recording; record into a fresh test database).
    const subjectId = process.env.RECORD_HISTORIES ? 'batched-saves-running' : uniqueId('subject');
    const changes = Array.from({ length: 12 }, (_, i) => `r${i + 1}`);
    // All signals are there before the first workflow task (signal-with-start, then more signals at once).
    const first = changes[0]!;
    const block = (recordId: string) => ({ recordId, restriction: 'HONOR_EVALUATION' as const, since: new Date().toISOString(), until: null, reason: 'test' });
    const signal = (recordId: string) => ({ recordId, recordVersion: 1, blocker: block(recordId), cause: 'REGISTERED', occurredAt: new Date().toISOString() });
    const handle = await env.temporalClient.workflow.signalWithStart(ELIGIBILITY_WORKFLOW_TYPE, {
      workflowId: eligibilityWorkflowId(subjectId),
      taskQueue,
      args: [{ subjectId, restriction: 'HONOR_EVALUATION' }],
      signal: recordEligibilityChangedSignal,
      signalArgs: [signal(first)],
    });
    await Promise.all(changes.slice(1).map((id) => handle.signal(recordEligibilityChangedSignal, signal(id))));

    const events = await eventually(async () => {
      const rows = await env.prisma.caseEvent.findMany({ where: { caseId: subjectId, caseType: 'ELIGIBILITY' }, orderBy: { id: 'asc' } });
      return rows.length === changes.length + 1 ? rows : undefined;
    });
    expect(events[0]?.type).toBe('ELIGIBILITY_OPENED');
    expect(events.slice(1).map((e) => (e.data as { recordId: string }).recordId).sort()).toEqual([...changes].sort());
    const row = await eventually(async () => {
      const stored = await env.prisma.subjectEligibility.findUnique({ where: { subjectId } });
      return stored && (stored.blockers as unknown[]).length === changes.length ? stored : undefined;
    });
    expect(row.eligible).toBe(false);
    await recordHistory(eligibilityWorkflowId(subjectId), eligibilityWorkflowId(subjectId));
    const shape = steps(await history(eligibilityWorkflowId(subjectId)));
    expect(shape).not.toContain('activity:saveEligibility');
    // Fewer saves than changes: the drained signals went together.
    expect(shape.filter((s) => s === 'marker:core_local_activity').length).toBeLessThan(changes.length + 1);
    expect(BATCHED_ELIGIBILITY_SAVES_PATCH).toBe('eligibility-batched-saves');
  });

  it('a registered record writes its transitions, computes its window and reports to its subject locally', async () => {
    const taskQueue = uniqueId('local-steps-record');
    await worker(taskQueue);
    const recordWorld = await createRecordWorld(env.prisma);
    const record = await recordServiceFor(env.prisma, env.temporalClient, taskQueue, recordWorld).register(recordWorld.actors.reviewer, registration(recordWorld));
    await eventually(async () => {
      const row = await env.prisma.subjectEligibility.findUnique({ where: { subjectId: recordWorld.subjectId } });
      return row && !row.eligible ? row : undefined;
    });
    await recordHistory(recordWorkflowId(record.id), 'record-local-steps-published');
    const shape = steps(await history(recordWorkflowId(record.id)));
    for (const activity of ['recordRecordTransition', 'computeRecordWindow', 'notifyEligibility']) expect(shape).not.toContain(`activity:${activity}`);
    expect(shape).toContain('marker:core_local_activity');
  });
});
