import { MockActivityEnvironment } from '@temporalio/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createActivities } from '../../activities/index.js';
import { createDeadlineCalculator } from '../../lib/calendar/deadline-calculator.js';
import { acceptObjectionUpdate, decideObjectionUpdate } from '../../workflows/objection/objection-contract.js';
import { decideLeniencyUpdate, decideRevocationUpdate, proposeLeniencyUpdate, recordLifecycleQuery, recordOutcomeSignal, revokeRecordUpdate } from '../../workflows/record/record-contract.js';
import {
  acceptRepairUpdate,
  decideRepairUpdate,
  extendRepairUpdate,
  repairStateQuery,
  requestCorrectionUpdate,
  reviewRepairUpdate,
  revokeRepairUpdate,
  submitMaterialsUpdate,
} from '../../workflows/repair/repair-contract.js';
import { objectionServiceFor } from '../support/objection-fixtures.js';
import { eventually } from '../support/eventually.js';
import { recordServiceFor } from '../support/record-fixtures.js';
import { startRealWorker, TEST_TIME_SCALE, workersByTimeScale } from '../support/real-worker.js';
import { createRepairWorld, FULL_MATERIALS, repairableRecord, repairServiceFor, type RepairWorld } from '../support/repair-fixtures.js';
import { getTestEnv, uniqueId } from '../support/test-env.js';

const env = await getTestEnv();
const taskQueue = uniqueId('record-ended');
let stopWorker: () => Promise<void>;

beforeAll(async () => {
  ({ stop: stopWorker } = await startRealWorker(taskQueue));
});
afterAll(async () => {
  await stopWorker?.();
});

const repairs = (world: RepairWorld, queue = taskQueue) => repairServiceFor(env.prisma, env.temporalClient, queue, world);
/** Workers whose working day lasts a second, for the test in which the overall cap passes. */
const queueFor = workersByTimeScale('record-ended-fast');
const records = (world: RepairWorld) => recordServiceFor(env.prisma, env.temporalClient, taskQueue, world);
const eventTypes = async (caseId: string) =>
  (await env.prisma.caseEvent.findMany({ where: { caseId }, orderBy: { id: 'asc' }, select: { type: true } })).map((e) => e.type);

async function fileAndReview(world: RepairWorld, recordId: string) {
  const filed = await repairs(world).file(world.actors.applicant, { recordId, materials: FULL_MATERIALS });
  const id = filed.application.id;
  await repairs(world).act(world.actors.reviewer, id, acceptRepairUpdate, {});
  await repairs(world).act(world.actors.reviewer, id, reviewRepairUpdate, { recommendation: 'APPROVE', reasons: '已履行义务' });
  return id;
}

describe('a record deleted or revoked ends its open cases (real Temporal and PostgreSQL)', () => {
  it('an objection that deletes a record under repair ends the repair with that cause, and it can no longer be approved', async () => {
    const world = await createRepairWorld(env.prisma);
    const record = await repairableRecord(env.prisma, env.temporalClient, taskQueue, world);
    const repairId = await fileAndReview(world, record.id);

    const objections = objectionServiceFor(env.prisma, env.temporalClient, taskQueue, world);
    const filed = await objections.file(world.actors.applicant, { recordId: record.id, grounds: 'LISTED_WITHOUT_CONDITIONS', statement: '不符合列入条件', evidence: [] });
    await objections.act(world.actors.reviewer, filed.case.id, acceptObjectionUpdate, {});
    await objections.act(world.actors.reviewer2, filed.case.id, decideObjectionUpdate, { outcome: 'DELETE', reasons: '认定错误' });

    const ended = await eventually(async () => {
      const row = await env.prisma.repairApplication.findUniqueOrThrow({ where: { id: repairId } });
      return row.status === 'RECORD_ENDED' ? row : undefined;
    });
    expect(ended.closedAt).not.toBeNull();
    const closing = await env.prisma.caseEvent.findFirstOrThrow({ where: { caseId: repairId, type: 'CLOSED_RECORD_DELETED' } });
    expect(closing.data).toMatchObject({ cause: 'DELETED', caseId: filed.case.id });
    await expect(repairs(world).act(world.actors.supervisor, repairId, decideRepairUpdate, { approve: true, reasons: '同意' })).rejects.toMatchObject({
      code: 'invalid-state',
    });
    expect(await env.prisma.dishonestyRecord.findUniqueOrThrow({ where: { id: record.id } })).toMatchObject({ status: 'DELETED' });
  });

  it('removing a list entry from its list (移出名单) ends its open repair with that cause', async () => {
    const world = await createRepairWorld(env.prisma);
    const record = await repairableRecord(env.prisma, env.temporalClient, taskQueue, world, { listEntry: true });
    const repairId = await fileAndReview(world, record.id);
    const objections = objectionServiceFor(env.prisma, env.temporalClient, taskQueue, world);
    const filed = await objections.file(world.actors.applicant, { recordId: record.id, grounds: 'LISTED_WITHOUT_CONDITIONS', statement: '应当移出名单', evidence: [] });
    await objections.act(world.actors.reviewer, filed.case.id, acceptObjectionUpdate, {});
    await objections.act(world.actors.reviewer2, filed.case.id, decideObjectionUpdate, { outcome: 'REMOVE_FROM_LIST', reasons: '移出名单' });

    const ended = await eventually(async () => {
      const row = await env.prisma.repairApplication.findUniqueOrThrow({ where: { id: repairId } });
      return row.status === 'RECORD_ENDED' ? row : undefined;
    });
    expect(ended.closedAt).not.toBeNull();
    const closing = await env.prisma.caseEvent.findFirstOrThrow({ where: { caseId: repairId, type: 'CLOSED_RECORD_REMOVED' } });
    expect(closing.data).toMatchObject({ cause: 'REMOVED_FROM_LIST', caseId: filed.case.id });
    expect(await env.prisma.dishonestyRecord.findUniqueOrThrow({ where: { id: record.id } })).toMatchObject({ status: 'REMOVED' });
  });

  it('a revoked record ends its open objection and unmarks the record', async () => {
    const world = await createRepairWorld(env.prisma);
    const record = await repairableRecord(env.prisma, env.temporalClient, taskQueue, world);
    const objections = objectionServiceFor(env.prisma, env.temporalClient, taskQueue, world);
    const filed = await objections.file(world.actors.applicant, { recordId: record.id, grounds: 'INACCURATE_OR_INCOMPLETE', statement: '金额有误', evidence: [] });
    await objections.act(world.actors.reviewer, filed.case.id, acceptObjectionUpdate, {});

    await records(world).act(world.actors.reviewer, record.id, revokeRecordUpdate, { reason: '原判决被撤销' });
    await records(world).act(world.actors.supervisor, record.id, decideRevocationUpdate, { approve: true, reasons: '同意撤销' });

    const closed = await eventually(async () => {
      const row = await env.prisma.objection.findUniqueOrThrow({ where: { id: filed.case.id } });
      return row.status === 'RECORD_ENDED' ? row : undefined;
    });
    expect(closed.closedAt).not.toBeNull();
    expect(await eventTypes(filed.case.id)).toContain('CLOSED_RECORD_ENDED');
    await eventually(async () => ((await env.prisma.dishonestyRecord.findUniqueOrThrow({ where: { id: record.id } })).objectionCaseId === null ? true : undefined));
  });

  it('a repair result is applied only to a record in the state it presumes', async () => {
    const world = await createRepairWorld(env.prisma);
    const record = await repairableRecord(env.prisma, env.temporalClient, taskQueue, world);
    const filed = await repairs(world).file(world.actors.applicant, { recordId: record.id, materials: FULL_MATERIALS });
    // The record's lifecycle must have written its publication first, or that write would race the revocation below.
    await eventually(async () => ((await env.prisma.caseEvent.count({ where: { caseId: record.id, type: 'PUBLISHED' } })) > 0 ? true : undefined));
    // The record is revoked in the same moment the approval is written.
    await env.prisma.dishonestyRecord.update({ where: { id: record.id }, data: { status: 'REVOKED', publicationStatus: 'STOPPED', sanctionsActive: false } });
    const activities = createActivities({ prisma: env.prisma, deadlines: createDeadlineCalculator(env.prisma, { timeZone: 'Asia/Shanghai', timeScale: TEST_TIME_SCALE }), temporal: env.temporalClient });
    const eventKey = `test-${filed.application.id}/approved`;
    await activities.recordRepairTransition({
      event: { eventKey, caseId: filed.application.id, caseType: 'REPAIR', type: 'APPROVED', actorId: world.actors.supervisor.id, actorRole: 'SUPERVISOR', reason: '同意', data: null, occurredAt: new Date().toISOString() },
      readModel: { status: 'APPROVED' },
      effect: { kind: 'REPAIRED' },
    });
    expect(await env.prisma.dishonestyRecord.findUniqueOrThrow({ where: { id: record.id } })).toMatchObject({ status: 'REVOKED', publicationStatus: 'STOPPED' });
    const event = await env.prisma.caseEvent.findUniqueOrThrow({ where: { eventKey } });
    expect(event.data).toMatchObject({ recordEffect: 'NOT_APPLIED', recordStatus: 'REVOKED' });
  });

  it('a record reinstated after a revoked repair keeps its leniency and its completed rectification order', async () => {
    const world = await createRepairWorld(env.prisma);
    const record = await repairableRecord(env.prisma, env.temporalClient, taskQueue, world);
    await records(world).act(world.actors.reviewer, record.id, proposeLeniencyUpdate, { kind: 'LIGHTER', reasons: '主动追回损失' });
    await records(world).act(world.actors.supervisor, record.id, decideLeniencyUpdate, { approve: true, reasons: '同意从轻' });
    // The body had completed a rectification order before it applied for repair.
    await env.prisma.dishonestyRecord.update({ where: { id: record.id }, data: { rectificationStatus: 'RECTIFIED' } });
    const repairId = await fileAndReview(world, record.id);
    await repairs(world).act(world.actors.supervisor, repairId, decideRepairUpdate, { approve: true, reasons: '同意' });
    await repairs(world).act(world.actors.supervisor2, repairId, revokeRepairUpdate, { reason: '履行证明系伪造' });

    const handle = env.temporalClient.workflow.getHandle(`record-${record.id}`);
    const lifecycle = await eventually(async () => {
      const types = await eventTypes(record.id);
      return types.includes('REINSTATED') ? handle.query(recordLifecycleQuery) : undefined;
    });
    expect(lifecycle).toMatchObject({ phase: 'ACTIVE', leniency: 'LIGHTER', rectificationRequired: true, rectified: true });
    const stored = await eventually(async () => {
      const row = await env.prisma.dishonestyRecord.findUniqueOrThrow({ where: { id: record.id } });
      return row.status === 'ACTIVE' && row.publicationStatus === 'PUBLISHED' ? row : undefined;
    });
    // LIGHTER: published for the minimum period only, a body suspended for that period (policy lighterLeniency default).
    expect(stored.publishedUntil?.toISOString().slice(0, 10)).toBe('2026-06-02');
    expect(stored.sanctionsActive).toBe(true);
  });
});

describe('a revoked repair reinstates the record only after the run it ended has closed', () => {
  it('the reinstatement is retried while the repaired run is still closing, then starts once, and a retry of it is harmless', async () => {
    const world = await createRepairWorld(env.prisma);
    const record = await repairableRecord(env.prisma, env.temporalClient, taskQueue, world);
    const filed = await repairs(world).file(world.actors.applicant, { recordId: record.id, materials: FULL_MATERIALS });
    await eventually(async () => ((await env.prisma.caseEvent.count({ where: { caseId: record.id, type: 'PUBLISHED' } })) > 0 ? true : undefined));
    const repairedRun = await env.temporalClient.workflow.getHandle(`record-${record.id}`).describe();
    // The approval committed, but the record's lifecycle has not yet handled its REPAIRED signal.
    await env.prisma.dishonestyRecord.update({ where: { id: record.id }, data: { status: 'REPAIRED', publicationStatus: 'STOPPED', sanctionsActive: false } });
    const activities = createActivities({ prisma: env.prisma, deadlines: createDeadlineCalculator(env.prisma, { timeZone: 'Asia/Shanghai', timeScale: TEST_TIME_SCALE }), temporal: env.temporalClient });
    const revocation = {
      event: { eventKey: `test-${filed.application.id}/revoked`, caseId: filed.application.id, caseType: 'REPAIR', type: 'REVOKED', actorId: world.actors.supervisor2.id, actorRole: 'SUPERVISOR', reason: '伪造', data: null, occurredAt: new Date().toISOString() },
      readModel: { status: 'REVOKED' },
      effect: { kind: 'REINSTATED', barUntil: '2027-06-01T00:00:00.000Z', reason: '伪造' },
    } as const;
    const attempt = () => new MockActivityEnvironment({ taskQueue }).run(activities.recordRepairTransition, structuredClone(revocation) as never);

    await expect(attempt()).rejects.toThrow(/has not yet closed/);
    expect((await env.temporalClient.workflow.getHandle(`record-${record.id}`).describe()).runId).toBe(repairedRun.runId);

    await env.temporalClient.workflow.getHandle(`record-${record.id}`).signal(recordOutcomeSignal, { outcome: 'REPAIRED', caseId: filed.application.id });
    await env.temporalClient.workflow.getHandle(`record-${record.id}`, repairedRun.runId).result();
    await attempt();
    const reinstatedRun = await env.temporalClient.workflow.getHandle(`record-${record.id}`).describe();
    expect(reinstatedRun.runId).not.toBe(repairedRun.runId);
    await attempt();
    expect((await env.temporalClient.workflow.getHandle(`record-${record.id}`).describe()).runId).toBe(reinstatedRun.runId);

    const stored = await eventually(async () => {
      const row = await env.prisma.dishonestyRecord.findUniqueOrThrow({ where: { id: record.id } });
      return (await eventTypes(record.id)).includes('REINSTATED') && row.status === 'ACTIVE' ? row : undefined;
    });
    expect(stored.publicationStatus).toBe('PUBLISHED');
    expect((await eventTypes(record.id)).filter((type) => type === 'REINSTATED')).toHaveLength(1);
  });
});

describe('repair materials (深圳 art. 81: one 补正 listing every missing item)', () => {
  it('an incomplete application is not accepted; 补正 lists every missing item, once', async () => {
    const world = await createRepairWorld(env.prisma);
    const record = await repairableRecord(env.prisma, env.temporalClient, taskQueue, world);
    const filed = await repairs(world).file(world.actors.applicant, { recordId: record.id, materials: FULL_MATERIALS.slice(0, 2) });
    const id = filed.application.id;
    const filing = await env.prisma.caseEvent.findFirstOrThrow({ where: { caseId: id, type: 'FILED' } });
    expect(filing.data).toMatchObject({ missingMaterials: ['PERFORMANCE_PROOF', 'IDENTITY_AUTHORIZATION'] });

    await expect(repairs(world).act(world.actors.reviewer, id, acceptRepairUpdate, {})).rejects.toMatchObject({ code: 'invalid-state' });
    await expect(
      repairs(world).act(world.actors.reviewer, id, requestCorrectionUpdate, { missing: ['PERFORMANCE_PROOF'], reason: '缺履行证明' }),
    ).rejects.toMatchObject({ code: 'validation' });
    const asked = await repairs(world).act(world.actors.reviewer, id, requestCorrectionUpdate, {
      missing: ['PERFORMANCE_PROOF', 'IDENTITY_AUTHORIZATION'],
      reason: '缺履行证明和授权委托书',
    });
    expect(asked.status).toBe('NEEDS_CORRECTION');
    const resubmitted = await repairs(world).act(world.actors.applicant, id, submitMaterialsUpdate, { materials: FULL_MATERIALS.slice(2, 3) });
    expect(resubmitted.status).toBe('FILED');
    // Still incomplete, but the one 补正 was used: the authority accepts or refuses, it does not ask again.
    await expect(
      repairs(world).act(world.actors.reviewer, id, requestCorrectionUpdate, { missing: ['IDENTITY_AUTHORIZATION'], reason: '仍缺授权委托书' }),
    ).rejects.toMatchObject({ code: 'invalid-state' });
    await expect(repairs(world).act(world.actors.reviewer, id, acceptRepairUpdate, {})).rejects.toMatchObject({ code: 'invalid-state' });
  });
});

describe('the overall cap of a repair (single window 10 WD, +3 WD once with approval)', () => {
  it('escalates when the whole application is not decided in time, and a supervisor may extend it once', async () => {
    // One working day = 1 s: overall cap 3 WD, steps long enough not to fall due first.
    const fast = await queueFor({ ...TEST_TIME_SCALE, secondsPerWorkingDay: 1 });
    const world = await createRepairWorld(env.prisma, { overallWorkingDays: 3, overallExtensionWorkingDays: 3, acceptWorkingDays: 30, reminderWorkingDaysBefore: 0 });
    const record = await repairableRecord(env.prisma, env.temporalClient, taskQueue, world);
    const filed = await repairs(world, fast).file(world.actors.applicant, { recordId: record.id, materials: FULL_MATERIALS });
    const id = filed.application.id;
    await eventually(async () => ((await eventTypes(id)).includes('OVERALL_DEADLINE_PASSED') ? true : undefined), 15_000);
    const handle = env.temporalClient.workflow.getHandle(`repair-${id}`);
    const overdue = await handle.query(repairStateQuery);
    expect(overdue).toMatchObject({ overallOverdue: true, status: 'FILED' });

    await expect(repairs(world).act(world.actors.reviewer, id, extendRepairUpdate, { reason: '需核实' })).rejects.toMatchObject({ code: 'forbidden' });
    await repairs(world).act(world.actors.supervisor, id, extendRepairUpdate, { reason: '需进一步核实履行情况' });
    const extended = await eventually(async () => {
      const state = await handle.query(repairStateQuery);
      return state.overallDueAt !== overdue.overallDueAt ? state : undefined;
    });
    expect(Date.parse(extended.overallDueAt!) - Date.parse(overdue.overallDueAt!)).toBeGreaterThanOrEqual(2900);
    expect(extended.overallExtended).toBe(true);
    await expect(repairs(world).act(world.actors.supervisor2, id, extendRepairUpdate, { reason: '再次延长' })).rejects.toMatchObject({ code: 'invalid-state' });
  });
});
