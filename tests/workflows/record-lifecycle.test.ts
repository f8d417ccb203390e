import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decideLeniencyUpdate, decideRevocationUpdate, proposeLeniencyUpdate, recordLifecycleQuery, revokeRecordUpdate } from '../../workflows/record/record-contract.js';
import { acceptObjectionUpdate, decideObjectionUpdate } from '../../workflows/objection/objection-contract.js';
import { objectionServiceFor } from '../support/objection-fixtures.js';
import { eventually } from '../support/eventually.js';
import { createRecordWorld, recordServiceFor, registration, type RecordWorld } from '../support/record-fixtures.js';
import { startRealWorker, TEST_TIME_SCALE, workersByTimeScale } from '../support/real-worker.js';
import { getTestEnv, uniqueId } from '../support/test-env.js';

const env = await getTestEnv();
const taskQueue = uniqueId('record-lifecycle');
let stopWorker: () => Promise<void>;

beforeAll(async () => {
  ({ stop: stopWorker } = await startRealWorker(taskQueue));
});
afterAll(async () => {
  await stopWorker?.();
});

const service = (world: RecordWorld, queue = taskQueue) => recordServiceFor(env.prisma, env.temporalClient, queue, world);
/** Workers on whose clock a month lasts a fraction of a second, for the tests in which periods run out. */
const queueFor = workersByTimeScale('record-lifecycle-fast');

/** Revocation takes two people: a reviewer proposes, a supervisor approves. */
async function revoke(world: RecordWorld, recordId: string, reason: string) {
  await service(world).act(world.actors.reviewer, recordId, revokeRecordUpdate, { reason });
  return service(world).act(world.actors.supervisor, recordId, decideRevocationUpdate, { approve: true, reasons: '同意撤销' });
}

async function eligibility(subjectId: string) {
  return env.prisma.subjectEligibility.findUnique({ where: { subjectId } });
}

async function eligibilityEvents(subjectId: string): Promise<Array<{ type: string; reason: string | null }>> {
  return env.prisma.caseEvent.findMany({ where: { caseId: subjectId, caseType: 'ELIGIBILITY' }, orderBy: { id: 'asc' }, select: { type: true, reason: true } });
}

describe('record lifecycle and honor eligibility (real Temporal and PostgreSQL)', () => {
  it("a body's record suspends its honor eligibility for the publication period, then publication stops and eligibility returns", async () => {
    const queue = await queueFor({ ...TEST_TIME_SCALE, secondsPerMonth: 0.25 }); // 12 months = 3 s
    const world = await createRecordWorld(env.prisma);
    const record = await service(world, queue).register(world.actors.reviewer, registration(world));
    // The suspension lasts 3 s: wait for its end, then the timeline shows it began and ended (polling for the
    // suspended state itself could miss it on a loaded machine).
    const events = await eventually(async () => {
      const rows = await env.prisma.caseEvent.findMany({ where: { caseId: world.subjectId, caseType: 'ELIGIBILITY' }, orderBy: { id: 'asc' } });
      return rows.some((e) => e.type === 'ELIGIBILITY_RESTORED') ? rows : undefined;
    });
    expect(events.map((e) => e.type)).toEqual(['ELIGIBILITY_OPENED', 'ELIGIBILITY_SUSPENDED', 'ELIGIBILITY_RESTORED']);
    expect(JSON.stringify(events[1]!.data)).toContain(record.id);
    const restored = await eligibility(world.subjectId);
    expect(restored).toMatchObject({ eligible: true, restriction: 'HONOR_EVALUATION', blockers: [] });
    const stored = await eventually(async () => {
      const row = await env.prisma.dishonestyRecord.findUniqueOrThrow({ where: { id: record.id } });
      return row.publicationStatus === 'STOPPED' ? row : undefined;
    });
    expect(stored.sanctionsActive).toBe(false);
  });

  it('revoking a record lifts the suspension at once and cancels its rectification order', async () => {
    const world = await createRecordWorld(env.prisma);
    const record = await service(world).register(world.actors.reviewer, registration(world, { rectificationRequired: true }));
    await eventually(async () => ((await eligibility(world.subjectId))?.eligible === false ? true : undefined));
    await eventually(async () => (await env.prisma.rectification.findUnique({ where: { recordId: record.id } })) ?? undefined);

    const revoked = await revoke(world, record.id, '原判决被撤销');
    expect(revoked).toMatchObject({ status: 'REVOKED', publicationStatus: 'STOPPED', sanctionsActive: false });
    await eventually(async () => ((await eligibility(world.subjectId))?.eligible ? true : undefined));
    const rectification = await eventually(async () => {
      const row = await env.prisma.rectification.findUnique({ where: { recordId: record.id } });
      return row?.status === 'CANCELLED' ? row : undefined;
    });
    expect(rectification.closedAt).not.toBeNull();
    const restored = (await eligibilityEvents(world.subjectId)).find((e) => e.type === 'ELIGIBILITY_RESTORED');
    expect(restored?.reason).toBe('REVOKED');
    await expect(service(world).act(world.actors.reviewer, record.id, revokeRecordUpdate, { reason: '再次撤销' })).rejects.toMatchObject({ code: 'invalid-state' });
  });

  it('a lighter sanction for self-correction (主动纠错) needs a second person and, where the policy says so, lifts the suspension', async () => {
    const world = await createRecordWorld(env.prisma, { publication: { lighterLeniency: { bodies: 'NO_SUSPENSION', civilServants: 'NO_SUSPENSION' } } });
    const record = await service(world).register(world.actors.reviewer, registration(world));
    await eventually(async () => ((await eligibility(world.subjectId))?.eligible === false ? true : undefined));

    await service(world).act(world.actors.supervisor, record.id, proposeLeniencyUpdate, { kind: 'LIGHTER', reasons: '主动追回损失并消除影响' });
    await expect(
      service(world).act(world.actors.supervisor, record.id, decideLeniencyUpdate, { approve: true, reasons: '同意' }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    await expect(
      service(world).act(world.actors.reviewer, record.id, decideLeniencyUpdate, { approve: true, reasons: '同意' }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    const approved = await service(world).act(world.actors.supervisor2, record.id, decideLeniencyUpdate, { approve: true, reasons: '同意从轻' });
    expect(approved).toMatchObject({ leniency: 'LIGHTER', sanctionsActive: false, publishedUntil: '2026-06-02', publicationStatus: 'PUBLISHED' });
    expect(approved.leniencyDecisions).toEqual([expect.objectContaining({ kind: 'LIGHTER', status: 'APPROVED', decidedById: world.actors.supervisor2.id })]);
    await eventually(async () => ((await eligibility(world.subjectId))?.eligible ? true : undefined));
  });

  it('an exemption stops publication and every effect', async () => {
    const world = await createRecordWorld(env.prisma);
    const record = await service(world).register(world.actors.reviewer, registration(world));
    await service(world).act(world.actors.reviewer, record.id, proposeLeniencyUpdate, { kind: 'EXEMPTED', reasons: '及时纠正未造成损失' });
    const exempted = await service(world).act(world.actors.supervisor, record.id, decideLeniencyUpdate, { approve: true, reasons: '同意免于' });
    expect(exempted).toMatchObject({ leniency: 'EXEMPTED', publicationStatus: 'STOPPED', sanctionsActive: false });
    expect(exempted.timeline.map((e) => e.type)).toEqual(expect.arrayContaining(['LENIENCY_PROPOSED', 'LENIENCY_APPROVED', 'EFFECTS_ENDED_EXEMPTED']));
  });

  it('concurrent record events on one subject leave exactly the blocks that remain', async () => {
    const world = await createRecordWorld(env.prisma);
    const records = await Promise.all([1, 2, 3, 4].map(() => service(world).register(world.actors.reviewer, registration(world))));
    await eventually(async () => {
      const row = await eligibility(world.subjectId);
      return row && (row.blockers as unknown[]).length === 4 ? row : undefined;
    });
    await Promise.all(records.slice(0, 3).map((r) => revoke(world, r.id, '撤销')));
    const remaining = await eventually(async () => {
      const row = await eligibility(world.subjectId);
      return row && (row.blockers as unknown[]).length === 1 ? row : undefined;
    });
    expect(remaining.eligible).toBe(false);
    expect((remaining.blockers as Array<{ recordId: string }>)[0]?.recordId).toBe(records[3]!.id);
    await revoke(world, records[3]!.id, '撤销');
    await eventually(async () => ((await eligibility(world.subjectId))?.eligible ? true : undefined));
  });

  it("an objection that deletes a record ends the record's effects", async () => {
    const world = await createRecordWorld(env.prisma);
    const record = await service(world).register(world.actors.reviewer, registration(world));
    await eventually(async () => ((await eligibility(world.subjectId))?.eligible === false ? true : undefined));
    const objections = objectionServiceFor(env.prisma, env.temporalClient, taskQueue, world);
    const filed = await objections.file(world.actors.applicant, { recordId: record.id, grounds: 'LISTED_WITHOUT_CONDITIONS', statement: '不符合列入条件', evidence: [] });
    await objections.act(world.actors.reviewer, filed.case.id, acceptObjectionUpdate, {});
    await objections.act(world.actors.reviewer2, filed.case.id, decideObjectionUpdate, { outcome: 'DELETE', reasons: '认定错误' });
    await eventually(async () => ((await eligibility(world.subjectId))?.eligible ? true : undefined));
    const stored = await env.prisma.dishonestyRecord.findUniqueOrThrow({ where: { id: record.id } });
    expect(stored).toMatchObject({ status: 'DELETED', sanctionsActive: false, publicationStatus: 'STOPPED' });
  });

  it("a civil servant's disciplinary sanction restricts awards (评优评先) for its period only", async () => {
    const queue = await queueFor({ ...TEST_TIME_SCALE, secondsPerMonth: 0.5 }); // warning: 6 months = 3 s
    const world = await createRecordWorld(env.prisma);
    await service(world, queue).register(
      world.actors.reviewer,
      registration(world, { subjectId: world.civilServantId, source: 'DISCIPLINARY_ACTION', sanctionKind: 'WARNING', policyArea: 'OTHER' }),
    );
    const restricted = await eventually(async () => {
      const row = await eligibility(world.civilServantId);
      return row && !row.eligible ? row : undefined;
    });
    expect(restricted.restriction).toBe('AWARDS');
    expect(restricted.expectedEnd).not.toBeNull();
    await eventually(async () => ((await eligibility(world.civilServantId))?.eligible ? true : undefined), 15_000);
    const restored = (await eligibilityEvents(world.civilServantId)).find((e) => e.type === 'ELIGIBILITY_RESTORED');
    expect(restored?.reason).toBe('EXPIRED');
  });

  it("a civil servant's major demerit keeps restricting awards after the publication of a general record ends", async () => {
    // 0.5 s a month: publication 12 months = 6 s, major demerit 18 months = 9 s.
    const queue = await queueFor({ ...TEST_TIME_SCALE, secondsPerMonth: 0.5 });
    const world = await createRecordWorld(env.prisma);
    const record = await service(world, queue).register(
      world.actors.reviewer,
      registration(world, { subjectId: world.civilServantId, source: 'DISCIPLINARY_ACTION', sanctionKind: 'MAJOR_DEMERIT', policyArea: 'OTHER' }),
    );
    await eventually(async () => ((await eligibility(world.civilServantId))?.eligible === false ? true : undefined));
    const lifecycle = await env.temporalClient.workflow.getHandle(`record-${record.id}`).query(recordLifecycleQuery);
    expect(lifecycle.sanctionEndsAt).not.toBeNull();
    expect(Date.parse(lifecycle.publicationEndsAt!)).toBeLessThan(Date.parse(lifecycle.sanctionEndsAt!));
    await eventually(async () => {
      const row = await env.prisma.dishonestyRecord.findUniqueOrThrow({ where: { id: record.id } });
      return row.publicationStatus === 'STOPPED' ? row : undefined;
    }, 15_000);
    // The block ends with the sanction, not with the publication: wait for the subject to be eligible again, then the
    // timeline says when that happened (one restoration, at the sanction's end; none when publication stopped).
    await eventually(async () => ((await eligibility(world.civilServantId))?.eligible ? true : undefined), 15_000);
    const events = await env.prisma.caseEvent.findMany({ where: { caseId: world.civilServantId, caseType: 'ELIGIBILITY' }, orderBy: { id: 'asc' } });
    const restorations = events.filter((e) => e.type === 'ELIGIBILITY_RESTORED');
    expect(restorations).toHaveLength(1);
    expect(restorations[0]!.occurredAt.getTime()).toBeGreaterThanOrEqual(Date.parse(lifecycle.sanctionEndsAt!));
    expect(restorations[0]!.reason).toBe('EXPIRED');
  });

  it('an objection that stops publication stops publication only: the suspension and the rectification order continue', async () => {
    const world = await createRecordWorld(env.prisma);
    const record = await service(world).register(world.actors.reviewer, registration(world, { rectificationRequired: true }));
    await eventually(async () => ((await eligibility(world.subjectId))?.eligible === false ? true : undefined));
    await eventually(async () => (await env.prisma.rectification.findUnique({ where: { recordId: record.id } })) ?? undefined);
    const objections = objectionServiceFor(env.prisma, env.temporalClient, taskQueue, world);
    const filed = await objections.file(world.actors.applicant, { recordId: record.id, grounds: 'PUBLISHED_PAST_PERIOD', statement: '超期公示', evidence: [] });
    await objections.act(world.actors.reviewer, filed.case.id, acceptObjectionUpdate, {});
    await objections.act(world.actors.reviewer2, filed.case.id, decideObjectionUpdate, { outcome: 'STOP_PUBLICATION', reasons: '停止公开' });

    await eventually(async () => {
      const types = (await env.prisma.caseEvent.findMany({ where: { caseId: record.id, caseType: 'RECORD' }, select: { type: true } })).map((e) => e.type);
      return types.includes('PUBLICATION_STOPPED') || types.includes('EFFECTS_ENDED_PUBLICATION_STOPPED') ? types : undefined;
    });
    const stored = await env.prisma.dishonestyRecord.findUniqueOrThrow({ where: { id: record.id } });
    expect(stored).toMatchObject({ status: 'ACTIVE', publicationStatus: 'STOPPED', sanctionsActive: true });
    expect((await eligibility(world.subjectId))?.eligible).toBe(false);
    const rectification = await env.prisma.rectification.findUniqueOrThrow({ where: { recordId: record.id } });
    expect(rectification.status).not.toBe('CANCELLED');
    const lifecycle = await env.temporalClient.workflow.getHandle(`record-${record.id}`).query(recordLifecycleQuery);
    expect(lifecycle).toMatchObject({ phase: 'ACTIVE', publicationStopped: true });
  });
});
