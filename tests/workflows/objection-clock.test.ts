import { describe, expect, it } from 'vitest';
import type { ObjectionPolicy } from '../../domain/objection/objection-policy.js';
import {
  acceptObjectionUpdate,
  decideObjectionUpdate,
  requestObjectionCorrectionUpdate,
  resumeObjectionClockUpdate,
  stopObjectionClockUpdate,
  submitObjectionMaterialsUpdate,
} from '../../workflows/objection/objection-contract.js';
import { clockPassed, eventually } from '../support/eventually.js';
import { createObjectionWorld, objectionServiceFor } from '../support/objection-fixtures.js';
import { TEST_TIME_SCALE, workersByTimeScale } from '../support/real-worker.js';
import { saveHistoryIfAsked } from '../support/save-history.js';
import { getTestEnv } from '../support/test-env.js';

const env = await getTestEnv();
/** One working day = 1 s, so the working days a clock stands still can be counted during a test. */
const queueFor = workersByTimeScale('objection-clock');

async function setUp(policy: Partial<ObjectionPolicy>) {
  const world = await createObjectionWorld(env.prisma, { secondReviewAllowed: false, reminderWorkingDaysBefore: 0, ...policy });
  const queue = await queueFor({ ...TEST_TIME_SCALE, secondsPerWorkingDay: 1 });
  const service = objectionServiceFor(env.prisma, env.temporalClient, queue, world);
  const recordId = await world.createRecord();
  const filed = await service.file(world.actors.applicant, { recordId, grounds: 'INACCURATE_OR_INCOMPLETE', statement: '金额有误', evidence: [] });
  return { world, service, recordId, caseId: filed.case.id };
}

/** The case's row once `test` holds for it. */
function row(caseId: string, test: (r: Awaited<ReturnType<typeof findRow>>) => boolean) {
  return eventually(async () => {
    const found = await findRow(caseId);
    return test(found) ? found : undefined;
  });
}
const findRow = (id: string) => env.prisma.objection.findUniqueOrThrow({ where: { id } });
const eventTypes = async (caseId: string) => (await env.prisma.caseEvent.findMany({ where: { caseId }, orderBy: { id: 'asc' } })).map((e) => e.type);

describe('objection 补正 (one complete list) and clock stops (河南: appraisal and expert review do not count)', () => {
  it('a 补正 request stops the acceptance clock; the materials resume it with the deadline moved by the paused working days', async () => {
    const { world, service, caseId } = await setUp({ acceptWorkingDays: 3, correctionWorkingDays: 30 });
    const opened = await row(caseId, (r) => r.currentStep === 'ACCEPTANCE' && r.dueAt !== null);
    const asked = await service.act(world.actors.reviewer, caseId, requestObjectionCorrectionUpdate, { missing: ['授权委托书', '判决书复印件'], reason: '材料不全' });
    expect(asked).toMatchObject({ status: 'NEEDS_CORRECTION', clockPaused: true, currentStep: 'CORRECTION', assigneeRole: 'APPLICANT' });
    const requested = await env.prisma.caseEvent.findFirstOrThrow({ where: { caseId, type: 'CORRECTION_REQUESTED' } });
    await clockPassed(requested.occurredAt, 2_500);

    await service.act(world.actors.applicant, caseId, submitObjectionMaterialsUpdate, { materials: [{ title: '授权委托书' }, { title: '判决书复印件' }] });
    const resumed = await row(caseId, (r) => r.status === 'FILED' && r.currentStep === 'ACCEPTANCE' && r.pausedWorkingDays > 0);
    expect(resumed.clockPaused).toBe(false);
    expect(resumed.pausedWorkingDays).toBeGreaterThanOrEqual(2);
    // Counted from the first opening: 3 WD plus the paused ones (1 s each).
    expect(resumed.dueAt!.getTime() - opened.dueAt!.getTime()).toBe(resumed.pausedWorkingDays * 1_000);
    // Once only: one complete list.
    await expect(
      service.act(world.actors.reviewer, caseId, requestObjectionCorrectionUpdate, { missing: ['身份证明'], reason: '仍缺' }),
    ).rejects.toMatchObject({ code: 'invalid-state' });
    const messages = await env.prisma.outboxMessage.findMany({ where: { recipientId: world.actors.applicant.id, topic: 'objection.correction-requested' } });
    expect(messages.some((m) => (m.payload as { caseId?: string }).caseId === caseId)).toBe(true);
    await service.act(world.actors.reviewer, caseId, acceptObjectionUpdate, {});
    await service.act(world.actors.reviewer2, caseId, decideObjectionUpdate, { outcome: 'REJECT', reasons: '记录无误' });
    await env.temporalClient.workflow.getHandle(`objection-${caseId}`).result();
    await saveHistoryIfAsked(env.temporalClient, `objection-${caseId}`, 'objection-correction-then-decided');
  });

  it('a 补正 request that the applicant leaves unanswered lapses: the objection is not accepted', async () => {
    const { world, service, caseId, recordId } = await setUp({ correctionWorkingDays: 1 });
    await row(caseId, (r) => r.currentStep === 'ACCEPTANCE');
    await service.act(world.actors.reviewer, caseId, requestObjectionCorrectionUpdate, { missing: ['授权委托书'], reason: '材料不全' });
    const closed = await row(caseId, (r) => r.status === 'NOT_ACCEPTED');
    expect(closed).toMatchObject({ clockPaused: false, closedAt: expect.any(Date) });
    expect(await eventTypes(caseId)).toContain('CORRECTION_LAPSED');
    expect((await env.prisma.dishonestyRecord.findUniqueOrThrow({ where: { id: recordId } })).objectionCaseId).toBeNull();
  });

  it("an expert review stops verification's clock: no decision meanwhile, and the deadline moves by the working days it took", async () => {
    const { world, service, caseId, recordId } = await setUp({ verifyWorkingDays: 5 });
    await row(caseId, (r) => r.currentStep === 'ACCEPTANCE');
    await service.act(world.actors.reviewer, caseId, acceptObjectionUpdate, {});
    const verifying = await row(caseId, (r) => r.currentStep === 'VERIFICATION' && r.dueAt !== null);

    const stopped = await service.act(world.actors.reviewer, caseId, stopObjectionClockUpdate, { cause: 'EXPERT_REVIEW', reason: '委托专家评审' });
    expect(stopped).toMatchObject({ status: 'VERIFICATION_PAUSED', clockPaused: true, clockStopCause: 'EXPERT_REVIEW', currentStep: null, dueAt: null });
    expect((await env.prisma.dishonestyRecord.findUniqueOrThrow({ where: { id: recordId } })).objectionCaseId).toBe(caseId);
    await expect(service.act(world.actors.reviewer, caseId, decideObjectionUpdate, { outcome: 'REJECT', reasons: '维持' })).rejects.toMatchObject({ code: 'invalid-state' });
    const stop = await env.prisma.caseEvent.findFirstOrThrow({ where: { caseId, type: 'CLOCK_STOPPED' } });
    await clockPassed(stop.occurredAt, 2_500);

    await service.act(world.actors.reviewer, caseId, resumeObjectionClockUpdate, { note: '评审意见已收到' });
    const resumed = await row(caseId, (r) => r.status === 'UNDER_VERIFICATION' && r.currentStep === 'VERIFICATION' && r.pausedWorkingDays > 0);
    expect(resumed).toMatchObject({ clockPaused: false, clockStopCause: null });
    expect(resumed.pausedWorkingDays).toBeGreaterThanOrEqual(2);
    expect(resumed.dueAt!.getTime() - verifying.dueAt!.getTime()).toBe(resumed.pausedWorkingDays * 1_000);
    const decided = await service.act(world.actors.reviewer2, caseId, decideObjectionUpdate, { outcome: 'REJECT', reasons: '经评审，记录无误' });
    expect(decided.status).toBe('DECIDED');
    await env.temporalClient.workflow.getHandle(`objection-${caseId}`).result();
    await saveHistoryIfAsked(env.temporalClient, `objection-${caseId}`, 'objection-clock-stopped-then-decided');
  });

  it('the clock stops only for the causes the policy names', async () => {
    const { world, service, caseId } = await setUp({ clockStopCauses: ['APPRAISAL'] });
    await row(caseId, (r) => r.currentStep === 'ACCEPTANCE');
    await service.act(world.actors.reviewer, caseId, acceptObjectionUpdate, {});
    await expect(
      service.act(world.actors.reviewer, caseId, stopObjectionClockUpdate, { cause: 'EXPERT_REVIEW', reason: '专家评审' }),
    ).rejects.toMatchObject({ code: 'validation' });
    const stopped = await service.act(world.actors.supervisor, caseId, stopObjectionClockUpdate, { cause: 'APPRAISAL', reason: '委托鉴定' });
    expect(stopped.status).toBe('VERIFICATION_PAUSED');
  });
});
