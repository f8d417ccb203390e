import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  cancelRectificationSignal,
  extendRectificationUpdate,
  reviewRectificationUpdate,
  submitCompletionUpdate,
  submitExplanationUpdate,
} from '../../workflows/rectification/rectification-contract.js';
import { createObjectionWorld, type ObjectionWorld } from '../support/objection-fixtures.js';
import { eventually } from '../support/eventually.js';
import { startRealWorker, TEST_TIME_SCALE } from '../support/real-worker.js';
import { eventuallyEvent, startRectification } from '../support/rectification-fixtures.js';
import { getTestEnv, uniqueId } from '../support/test-env.js';

const env = await getTestEnv();
const taskQueue = uniqueId('rectification-deadlines');
let stopWorker: () => Promise<void>;
let world: ObjectionWorld;

beforeAll(async () => {
  // Every test here lets deadlines pass: a working day lasts a second on this file's worker.
  ({ stop: stopWorker } = await startRealWorker(taskQueue, { timeScale: { ...TEST_TIME_SCALE, secondsPerWorkingDay: 1 } }));
  world = await createObjectionWorld(env.prisma);
});
afterAll(async () => {
  await stopWorker?.();
});

const recordOf = (recordId: string) => env.prisma.dishonestyRecord.findUniqueOrThrow({ where: { id: recordId } });
const rowOf = (id: string) => env.prisma.rectification.findUniqueOrThrow({ where: { id } });
const explanation = () => ({ actor: world.actors.applicant, explanation: '未及时拨付', plan: '分期支付' });

async function eventsOf(rectificationId: string) {
  return env.prisma.caseEvent.findMany({ where: { caseId: rectificationId }, orderBy: { id: 'asc' } });
}

async function escalatedWorkflowIds(): Promise<string[]> {
  const ids: string[] = [];
  for await (const wf of env.temporalClient.workflow.list({
    query: `CaseType = 'RECTIFICATION' AND Escalated = true AND SubjectId = '${world.subjectId}'`,
  })) {
    ids.push(wf.workflowId);
  }
  return ids;
}

describe('rectification deadlines, reminders and escalation (second-long working days)', () => {
  it('reminds, issues 督办 and then 通报批评 with a 问责 referral, and still takes a late completion', async () => {
    const { recordId, rectificationId, workflowId, handle } = await start({
      explanationWorkingDays: 1,
      rectificationWorkingDays: 4,
      reminderWorkingDaysBefore: [3, 1],
      criticismAfterWorkingDays: 3,
    });

    await eventuallyEvent(env.prisma, rectificationId, 'SUPERVISION_NOTICE');
    expect(await rowOf(rectificationId)).toMatchObject({ escalationLevel: 'SUPERVISION', currentStep: 'EXPLANATION', status: 'EXPLANATION_DUE' });
    expect((await recordOf(recordId)).rectificationStatus).toBe('OVERDUE');

    await handle.executeUpdate(submitExplanationUpdate, { args: [explanation()] });
    expect((await recordOf(recordId)).rectificationStatus).toBe('PENDING');

    await eventuallyEvent(env.prisma, rectificationId, 'ACCOUNTABILITY_REFERRAL');
    const events = await eventsOf(rectificationId);
    const rectificationEvents = events.filter((e) => (e.data as { step?: string } | null)?.step === 'RECTIFICATION');
    expect(rectificationEvents.map((e) => e.type)).toEqual([
      'STEP_OPENED',
      'REMINDER_SENT',
      'REMINDER_SENT',
      'SUPERVISION_NOTICE',
      'PUBLIC_CRITICISM',
      'ACCOUNTABILITY_REFERRAL',
    ]);
    expect(events.filter((e) => e.type === 'PUBLIC_CRITICISM')).toHaveLength(1);
    expect(await rowOf(rectificationId)).toMatchObject({ escalationLevel: 'CRITICISM', status: 'RECTIFYING', currentStep: 'RECTIFICATION' });
    expect((await recordOf(recordId)).rectificationStatus).toBe('OVERDUE');

    // The search attribute reaches the visibility store a moment after the event: wait for this subject's list to
    // hold the case, then say what it holds (only this case of the subject is escalated).
    const escalated = await eventually(async () => {
      const ids = await escalatedWorkflowIds();
      return ids.length > 0 ? ids : undefined;
    });
    expect(escalated).toEqual([workflowId]);

    const late = await handle.executeUpdate(submitCompletionUpdate, {
      args: [{ actor: world.actors.applicant, summary: '已逾期完成整改', evidence: [{ title: '支付凭证' }] }],
    });
    expect(late).toMatchObject({ status: 'UNDER_REVIEW', escalationLevel: 'CRITICISM' });
    await handle.executeUpdate(reviewRectificationUpdate, { args: [{ actor: world.actors.reviewer, accept: true, reasons: '逾期但已整改到位' }] });
    expect(await handle.result()).toEqual({ status: 'RECTIFIED' });
    expect(await rowOf(rectificationId)).toMatchObject({ status: 'RECTIFIED', escalationLevel: 'CRITICISM' });
    expect((await recordOf(recordId)).rectificationStatus).toBe('RECTIFIED');
  });

  it('an extension after 督办 moves the deadline into the future: the record is no longer overdue, the escalation stays on record', async () => {
    const { recordId, rectificationId, handle } = await start({
      explanationWorkingDays: 30,
      rectificationWorkingDays: 1,
      reminderWorkingDaysBefore: [1],
      criticismAfterWorkingDays: 30,
    });
    await handle.executeUpdate(submitExplanationUpdate, { args: [explanation()] });
    await eventuallyEvent(env.prisma, rectificationId, 'SUPERVISION_NOTICE');
    expect((await recordOf(recordId)).rectificationStatus).toBe('OVERDUE');

    await handle.executeUpdate(extendRectificationUpdate, { args: [{ actor: world.actors.supervisor, workingDays: 60, reason: '督办后批准延期' }] });
    const row = await rowOf(rectificationId);
    expect(row.dueAt!.getTime()).toBeGreaterThan(Date.now() + 30_000);
    expect(row.escalationLevel).toBe('SUPERVISION');
    expect((await recordOf(recordId)).rectificationStatus).toBe('PENDING');
    await handle.signal(cancelRectificationSignal, { cause: 'TEST_DONE' });
    expect(await handle.result()).toEqual({ status: 'CANCELLED' });
  });

  it('an overdue review goes to a supervisor and is not a 督办 of the body', async () => {
    const { rectificationId, handle } = await start({ explanationWorkingDays: 30, rectificationWorkingDays: 30, reviewWorkingDays: 1 });
    await handle.executeUpdate(submitExplanationUpdate, { args: [explanation()] });
    await handle.executeUpdate(submitCompletionUpdate, { args: [{ actor: world.actors.applicant, summary: '完成', evidence: [{ title: '凭证' }] }] });
    await eventuallyEvent(env.prisma, rectificationId, 'ESCALATED');
    expect(await rowOf(rectificationId)).toMatchObject({ status: 'UNDER_REVIEW', assigneeRole: 'SUPERVISOR', escalationLevel: 'NONE' });
    await handle.executeUpdate(reviewRectificationUpdate, { args: [{ actor: world.actors.supervisor, accept: true, reasons: '督办后审核通过' }] });
    expect(await handle.result()).toEqual({ status: 'RECTIFIED' });
  });
});

function start(overrides: Parameters<typeof startRectification>[4]) {
  return startRectification(env.prisma, env.temporalClient, taskQueue, world, overrides);
}
