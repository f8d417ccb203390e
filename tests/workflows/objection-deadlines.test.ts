import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import {
  acceptObjectionUpdate,
  decideObjectionUpdate,
  decideSecondReviewUpdate,
  extendVerificationUpdate,
  requestSecondReviewUpdate,
} from '../../workflows/objection/objection-contract.js';
import { createObjectionWorld, objectionServiceFor, type ObjectionWorld } from '../support/objection-fixtures.js';
import { eventually } from '../support/eventually.js';
import { startRealWorker, workersByTimeScale } from '../support/real-worker.js';
import { getTestEnv, uniqueId } from '../support/test-env.js';

const env = await getTestEnv();
const taskQueue = uniqueId('objection-deadlines');
let stopWorker: () => Promise<void>;

beforeAll(async () => {
  ({ stop: stopWorker } = await startRealWorker(taskQueue));
});
afterAll(async () => {
  await stopWorker?.();
});

/** Workers whose working day lasts a second, for the tests in which deadlines pass. */
const queueFor = workersByTimeScale('objection-deadlines-fast');
const SECOND_LONG_DAYS = { secondsPerWorkingDay: 1 };

async function file(world: ObjectionWorld, queue = taskQueue) {
  const recordId = await world.createRecord();
  const service = objectionServiceFor(env.prisma, env.temporalClient, queue, world);
  const filed = await service.file(world.actors.applicant, {
    recordId,
    grounds: 'LISTED_WITHOUT_CONDITIONS',
    statement: '不符合列入条件',
    evidence: [],
  });
  return { service, recordId, caseId: filed.case.id, workflowId: filed.case.workflowId };
}

/** The validator's message of a refused update. */
async function refusal(update: Promise<unknown>): Promise<string> {
  const err = await update.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(WorkflowUpdateFailedError);
  return (err as WorkflowUpdateFailedError).cause?.message ?? '';
}

async function eventTypes(caseId: string): Promise<string[]> {
  const events = await env.prisma.caseEvent.findMany({ where: { caseId }, orderBy: { id: 'asc' } });
  return events.map((e) => e.type);
}

describe('objection deadlines, reminders and escalation (second-long working days)', () => {
  it('reminds before the acceptance deadline, escalates to a supervisor after it, and keeps the step open', async () => {
    const world = await createObjectionWorld(env.prisma, { acceptWorkingDays: 3, reminderWorkingDaysBefore: 1 });
    const { service, caseId } = await file(world, await queueFor(SECOND_LONG_DAYS));

    const types = await eventually(async () => {
      const t = await eventTypes(caseId);
      return t.includes('ESCALATED') ? t : undefined;
    });
    expect(types.indexOf('REMINDER_SENT')).toBeGreaterThan(-1);
    expect(types.indexOf('REMINDER_SENT')).toBeLessThan(types.indexOf('ESCALATED'));

    const row = await env.prisma.objection.findUniqueOrThrow({ where: { id: caseId } });
    expect(row).toMatchObject({ status: 'FILED', escalated: true, assigneeRole: 'SUPERVISOR', currentStep: 'ACCEPTANCE' });

    const visible = await eventually(async () => {
      const ids: string[] = [];
      for await (const wf of env.temporalClient.workflow.list({
        query: `CaseType = 'OBJECTION' AND Escalated = true AND SubjectId = '${world.subjectId}'`,
      })) {
        ids.push(wf.workflowId);
      }
      return ids.length > 0 ? ids : undefined;
    });
    expect(visible).toEqual([row.workflowId]);

    // Escalation never decides: the supervisor can still take the step.
    const accepted = await service.act(world.actors.supervisor, caseId, acceptObjectionUpdate, { note: '督办后受理' });
    expect(accepted.status).toBe('UNDER_VERIFICATION');
    expect(accepted.escalated).toBe(false);
  });

  it('a supervisor extends verification up to the policy cap, and not beyond', async () => {
    const world = await createObjectionWorld(env.prisma, { verifyWorkingDays: 5, verifyMaxTotalWorkingDays: 8 });
    const { service, caseId } = await file(world);
    const accepted = await service.act(world.actors.reviewer, caseId, acceptObjectionUpdate, {});
    const dueBefore = Date.parse(accepted.dueAt ?? '');

    await service.act(world.actors.supervisor, caseId, extendVerificationUpdate, { workingDays: 3, reason: '需要其他单位协助核查' });
    const extended = await eventually(async () => {
      const row = await env.prisma.objection.findUniqueOrThrow({ where: { id: caseId } });
      return row.dueAt && row.dueAt.getTime() > dueBefore ? row : undefined;
    });
    expect(extended.extendedWorkingDays).toBe(3);
    expect(extended.dueAt!.getTime() - dueBefore).toBe(3 * 60_000);

    await expect(
      service.act(world.actors.supervisor, caseId, extendVerificationUpdate, { workingDays: 1, reason: '再次延期' }),
    ).rejects.toMatchObject({ code: 'validation' });
    await expect(
      service.act(world.actors.reviewer, caseId, extendVerificationUpdate, { workingDays: 1, reason: '审核人不能批准延期' }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    expect(await eventTypes(caseId)).toContain('DEADLINE_EXTENDED');
  });

  it('a rejected applicant gets one second review, decided by a supervisor other than the first decider', async () => {
    const world = await createObjectionWorld(env.prisma, { secondReviewAllowed: true });
    const { service, caseId, recordId } = await file(world);
    await service.act(world.actors.reviewer, caseId, acceptObjectionUpdate, {});
    const rejected = await service.act(world.actors.supervisor, caseId, decideObjectionUpdate, { outcome: 'REJECT', reasons: '证据不足' });
    expect(rejected.status).toBe('REJECTED_REVIEWABLE');

    const requested = await service.act(world.actors.applicant, caseId, requestSecondReviewUpdate, { reason: '补充提交法院执行裁定' });
    expect(requested.status).toBe('UNDER_SECOND_REVIEW');
    expect((await env.prisma.dishonestyRecord.findUniqueOrThrow({ where: { id: recordId } })).objectionCaseId).toBe(caseId);

    await expect(
      service.act(world.actors.supervisor, caseId, decideSecondReviewUpdate, { upholdRejection: true, reasons: '维持' }),
    ).rejects.toMatchObject({ code: 'forbidden' });

    const overturned = await service.act(world.actors.supervisor2, caseId, decideSecondReviewUpdate, {
      upholdRejection: false,
      outcome: 'DELETE',
      reasons: '复核认定记录错误',
    });
    expect(overturned).toMatchObject({ status: 'DECIDED', outcome: 'DELETE' });
    const record = await env.prisma.dishonestyRecord.findUniqueOrThrow({ where: { id: recordId } });
    expect(record).toMatchObject({ status: 'DELETED', objectionCaseId: null });
    await expect(
      service.act(world.actors.applicant, caseId, requestSecondReviewUpdate, { reason: '再次复核' }),
    ).rejects.toMatchObject({ code: 'invalid-state' });
  });

  it('an upheld rejection closes the case with the record unchanged', async () => {
    const world = await createObjectionWorld(env.prisma, { secondReviewAllowed: true });
    const { service, caseId, recordId } = await file(world);
    await service.act(world.actors.reviewer, caseId, acceptObjectionUpdate, {});
    await service.act(world.actors.reviewer, caseId, decideObjectionUpdate, { outcome: 'REJECT', reasons: '证据不足' });
    await service.act(world.actors.applicant, caseId, requestSecondReviewUpdate, { reason: '请求复核' });
    const upheld = await service.act(world.actors.supervisor, caseId, decideSecondReviewUpdate, { upholdRejection: true, reasons: '维持原决定' });
    expect(upheld).toMatchObject({ status: 'DECIDED', outcome: 'REJECT' });
    expect(await env.prisma.dishonestyRecord.findUniqueOrThrow({ where: { id: recordId } })).toMatchObject({ status: 'ACTIVE', objectionCaseId: null });
  });

  it('the second-review window lapses after its working days and the rejection becomes final', async () => {
    const world = await createObjectionWorld(env.prisma, { secondReviewAllowed: true, secondReviewRequestWorkingDays: 2, acceptWorkingDays: 30, verifyWorkingDays: 30 });
    const { service, caseId, workflowId } = await file(world, await queueFor(SECOND_LONG_DAYS));
    await service.act(world.actors.reviewer, caseId, acceptObjectionUpdate, {});
    await service.act(world.actors.reviewer, caseId, decideObjectionUpdate, { outcome: 'REJECT', reasons: '证据不足' });
    const result = await env.temporalClient.workflow.getHandle(workflowId).result();
    expect(result).toEqual({ status: 'DECIDED', outcome: 'REJECT' });
    expect(await eventTypes(caseId)).toContain('SECOND_REVIEW_WINDOW_CLOSED');
  });

  it('workflow validators refuse the filer, other authorities and wrong states, leaving no trace', async () => {
    const world = await createObjectionWorld(env.prisma);
    const { caseId, workflowId } = await file(world);
    const handle = env.temporalClient.workflow.getHandle(workflowId);
    const filerAsReviewer = { ...world.actors.reviewer, id: world.actors.applicant.id };
    expect(await refusal(handle.executeUpdate(acceptObjectionUpdate, { args: [{ actor: filerAsReviewer }] }))).toMatch(/filed/);
    expect(await refusal(handle.executeUpdate(acceptObjectionUpdate, { args: [{ actor: world.actors.foreignReviewer }] }))).toMatch(/authority/);
    expect(
      await refusal(handle.executeUpdate(decideObjectionUpdate, { args: [{ actor: world.actors.reviewer, outcome: 'DELETE', reasons: 'x' }] })),
    ).toMatch(/FILED/);
    expect((await eventTypes(caseId)).filter((t) => t !== 'STEP_OPENED' && t !== 'FILED' && t !== 'REMINDER_SENT')).toEqual([]);
  });
});
