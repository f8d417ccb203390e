import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  acceptRepairUpdate,
  decideRepairUpdate,
  requestCorrectionUpdate,
  reviewRepairUpdate,
  repairStateQuery,
  revokeRepairUpdate,
  submitMaterialsUpdate,
} from '../../workflows/repair/repair-contract.js';
import { clockPassed, eventually } from '../support/eventually.js';
import { startRealWorker, TEST_TIME_SCALE, workersByTimeScale } from '../support/real-worker.js';
import { createRepairWorld, FULL_MATERIALS, repairableRecord, repairServiceFor, type RepairWorld } from '../support/repair-fixtures.js';
import { getTestEnv, uniqueId } from '../support/test-env.js';

const env = await getTestEnv();
const taskQueue = uniqueId('repair');
let stopWorker: () => Promise<void>;

beforeAll(async () => {
  ({ stop: stopWorker } = await startRealWorker(taskQueue));
});
afterAll(async () => {
  await stopWorker?.();
});

const service = (world: RepairWorld, queue = taskQueue) => repairServiceFor(env.prisma, env.temporalClient, queue, world);
/** Workers whose working day lasts a second, for the tests in which 补正 deadlines pass. */
const queueFor = workersByTimeScale('repair-fast');
const SECOND_LONG_DAYS = { ...TEST_TIME_SCALE, secondsPerWorkingDay: 1 };
const eligible = async (subjectId: string) => (await env.prisma.subjectEligibility.findUnique({ where: { subjectId } }))?.eligible;
const eventTypes = async (caseId: string) =>
  (await env.prisma.caseEvent.findMany({ where: { caseId }, orderBy: { id: 'asc' }, select: { type: true } })).map((e) => e.type);

async function fileAndReview(world: RepairWorld, recordId: string) {
  const filed = await service(world).file(world.actors.applicant, { recordId, materials: FULL_MATERIALS });
  const id = filed.application.id;
  await service(world).act(world.actors.reviewer, id, acceptRepairUpdate, {});
  await service(world).act(world.actors.reviewer, id, reviewRepairUpdate, { recommendation: 'APPROVE', reasons: '已履行义务并作出信用承诺' });
  return id;
}

describe('credit repair (real Temporal and PostgreSQL)', () => {
  it('tells the applicant why a record cannot be repaired yet and from when, and enforces it on filing', async () => {
    const world = await createRepairWorld(env.prisma);
    const today = new Date().toISOString().slice(0, 10);
    const fresh = await repairableRecord(env.prisma, env.temporalClient, taskQueue, world, { decisionDate: today, rectificationRequired: true });
    const check = await service(world).eligibility(world.actors.applicant, fresh.id);
    expect(check.repairable).toBe(false);
    expect(check.obstacles.map((o) => o.code).sort()).toEqual(['MIN_PERIOD_NOT_SERVED', 'RECTIFICATION_NOT_COMPLETED']);
    expect(check.obstacles.find((o) => o.code === 'MIN_PERIOD_NOT_SERVED')?.from).toBeDefined();
    await expect(service(world).file(world.actors.applicant, { recordId: fresh.id, materials: FULL_MATERIALS })).rejects.toMatchObject({ code: 'invalid-state' });
  });

  it('an approved repair stops publication, lifts the suspension and notifies through the outbox', async () => {
    const world = await createRepairWorld(env.prisma);
    const record = await repairableRecord(env.prisma, env.temporalClient, taskQueue, world);
    await eventually(async () => ((await eligible(world.subjectId)) === false ? true : undefined));
    const id = await fileAndReview(world, record.id);
    await expect(service(world).act(world.actors.reviewer, id, decideRepairUpdate, { approve: true, reasons: '同意' })).rejects.toMatchObject({ code: 'forbidden' });
    const approved = await service(world).act(world.actors.supervisor, id, decideRepairUpdate, { approve: true, reasons: '同意修复' });
    expect(approved.status).toBe('APPROVED');

    const stored = await env.prisma.dishonestyRecord.findUniqueOrThrow({ where: { id: record.id } });
    expect(stored).toMatchObject({ status: 'REPAIRED', publicationStatus: 'STOPPED', sanctionsActive: false });
    await eventually(async () => ((await eligible(world.subjectId)) ? true : undefined));
    const restored = await env.prisma.caseEvent.findFirst({ where: { caseId: world.subjectId, type: 'ELIGIBILITY_RESTORED' } });
    expect(restored?.reason).toBe('REPAIRED');
    const messages = await eventually(async () => {
      const rows = await env.prisma.outboxMessage.findMany({ where: { recipientId: { in: [world.actors.applicant.id, world.subjectId] } } });
      return rows.length >= 2 ? rows : undefined;
    });
    expect(messages.map((m) => m.topic).sort()).toEqual(['eligibility.restored', 'repair.approved']);
  });

  it('the reviewer cannot also approve, even as a supervisor', async () => {
    const world = await createRepairWorld(env.prisma);
    const record = await repairableRecord(env.prisma, env.temporalClient, taskQueue, world);
    const filed = await service(world).file(world.actors.applicant, { recordId: record.id, materials: FULL_MATERIALS });
    await service(world).act(world.actors.supervisor, filed.application.id, acceptRepairUpdate, {});
    await service(world).act(world.actors.supervisor, filed.application.id, reviewRepairUpdate, { recommendation: 'APPROVE', reasons: 'ok' });
    await expect(
      service(world).act(world.actors.supervisor, filed.application.id, decideRepairUpdate, { approve: true, reasons: 'ok' }),
    ).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('a refusal gives reasons and the earliest date to apply again', async () => {
    const world = await createRepairWorld(env.prisma, { reapplyAfterDays: 30 });
    const record = await repairableRecord(env.prisma, env.temporalClient, taskQueue, world);
    const id = await fileAndReview(world, record.id);
    const refused = await service(world).act(world.actors.supervisor, id, decideRepairUpdate, { approve: false, reasons: '承诺书未签章' });
    expect(refused.status).toBe('REFUSED');
    expect(refused.reapplyFrom).not.toBeNull();
    const check = await service(world).eligibility(world.actors.applicant, record.id);
    // The date of the instant in Beijing time (the office's calendar day), not in UTC.
    const reapplyDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date(refused.reapplyFrom!));
    expect(check.obstacles).toEqual([expect.objectContaining({ code: 'RECENTLY_REFUSED', from: reapplyDay })]);
  });

  it('补正 pauses the acceptance clock until the materials arrive', async () => {
    const world = await createRepairWorld(env.prisma, { acceptWorkingDays: 4, reminderWorkingDaysBefore: 0 });
    const record = await repairableRecord(env.prisma, env.temporalClient, taskQueue, world);
    const filed = await service(world, await queueFor(SECOND_LONG_DAYS)).file(world.actors.applicant, { recordId: record.id, materials: FULL_MATERIALS.slice(0, 2) });
    const id = filed.application.id;
    const handle = env.temporalClient.workflow.getHandle(filed.application.workflowId);
    const acceptance = await eventually(async () => (await handle.query(repairStateQuery)).step?.deadline ?? undefined);
    const msPerWorkingDay = (Date.parse(acceptance.dueAt) - Date.parse(acceptance.from)) / 4;

    // At least one of the four working days is used before the request (the deadline says when that is).
    await clockPassed(Date.parse(acceptance.from) + msPerWorkingDay);
    const paused = await service(world).act(world.actors.reviewer, id, requestCorrectionUpdate, { missing: ['PERFORMANCE_PROOF', 'IDENTITY_AUTHORIZATION'], reason: '材料不全' });
    expect(paused).toMatchObject({ status: 'NEEDS_CORRECTION', clockPaused: true });
    const requested = await env.prisma.caseEvent.findFirstOrThrow({ where: { caseId: id, type: 'CORRECTION_REQUESTED' } });
    const used = (requested.data as { acceptanceWorkingDaysUsed: number }).acceptanceWorkingDaysUsed;
    expect(used).toBeGreaterThanOrEqual(1);

    // The original deadline passes while the clock is paused: no escalation (the timer would have fired by now).
    await clockPassed(acceptance.dueAt, msPerWorkingDay);
    expect(await eventTypes(id)).not.toContain('ESCALATED');

    const resumed = await service(world).act(world.actors.applicant, id, submitMaterialsUpdate, { materials: FULL_MATERIALS.slice(2) });
    expect(resumed).toMatchObject({ status: 'FILED', clockPaused: false, currentStep: 'ACCEPTANCE' });
    // The acceptance step resumes with the days that were left, counted from the resumption.
    const step = (await handle.query(repairStateQuery)).step!;
    const remaining = Math.max(1, 4 - used);
    expect(step).toMatchObject({ step: 'ACCEPTANCE', workingDays: remaining });
    expect(Date.parse(step.deadline!.dueAt) - Date.parse(step.openedAt)).toBe(remaining * msPerWorkingDay);
    expect(Date.parse(resumed.dueAt!)).toBe(Date.parse(step.deadline!.dueAt));
  });

  it('a 补正 request that is not answered in time lapses, and the application is not accepted', async () => {
    const world = await createRepairWorld(env.prisma, { correctionWorkingDays: 1 });
    const record = await repairableRecord(env.prisma, env.temporalClient, taskQueue, world);
    const filed = await service(world, await queueFor(SECOND_LONG_DAYS)).file(world.actors.applicant, { recordId: record.id, materials: FULL_MATERIALS.slice(0, 1) });
    await service(world).act(world.actors.reviewer, filed.application.id, requestCorrectionUpdate, {
      missing: ['CREDIT_COMMITMENT', 'PERFORMANCE_PROOF', 'IDENTITY_AUTHORIZATION'],
      reason: '缺承诺书等材料',
    });
    const closed = await eventually(async () => {
      const row = await env.prisma.repairApplication.findUniqueOrThrow({ where: { id: filed.application.id } });
      return row.status === 'NOT_ACCEPTED' ? row : undefined;
    });
    expect(closed.closedAt).not.toBeNull();
    expect(await eventTypes(filed.application.id)).toContain('CORRECTION_LAPSED');
  });

  it('revoking a repair that rested on false materials reinstates the record and bars the subject', async () => {
    const world = await createRepairWorld(env.prisma);
    const record = await repairableRecord(env.prisma, env.temporalClient, taskQueue, world);
    const id = await fileAndReview(world, record.id);
    await service(world).act(world.actors.supervisor, id, decideRepairUpdate, { approve: true, reasons: '同意' });
    await eventually(async () => ((await eligible(world.subjectId)) ? true : undefined));

    const revoked = await service(world).act(world.actors.supervisor2, id, revokeRepairUpdate, { reason: '履行证明系伪造' });
    expect(revoked.status).toBe('REVOKED');
    const stored = await env.prisma.dishonestyRecord.findUniqueOrThrow({ where: { id: record.id } });
    expect(stored).toMatchObject({ status: 'ACTIVE', publicationStatus: 'PUBLISHED', sanctionsActive: true });
    await eventually(async () => ((await eligible(world.subjectId)) === false ? true : undefined));
    const check = await service(world).eligibility(world.actors.applicant, record.id);
    expect(check.obstacles.map((o) => o.code)).toContain('BARRED');
  });

  it('concurrent repair decisions on two records of one subject both take effect', async () => {
    const world = await createRepairWorld(env.prisma);
    const [a, b] = await Promise.all([1, 2].map(() => repairableRecord(env.prisma, env.temporalClient, taskQueue, world)));
    await eventually(async () => {
      const row = await env.prisma.subjectEligibility.findUnique({ where: { subjectId: world.subjectId } });
      return row && (row.blockers as unknown[]).length === 2 ? row : undefined;
    });
    const [idA, idB] = await Promise.all([fileAndReview(world, a!.id), fileAndReview(world, b!.id)]);
    await Promise.all([
      service(world).act(world.actors.supervisor, idA, decideRepairUpdate, { approve: true, reasons: '同意' }),
      service(world).act(world.actors.supervisor, idB, decideRepairUpdate, { approve: true, reasons: '同意' }),
    ]);
    const row = await eventually(async () => {
      const current = await env.prisma.subjectEligibility.findUnique({ where: { subjectId: world.subjectId } });
      return current?.eligible ? current : undefined;
    });
    expect(row.blockers).toEqual([]);
  });
});
