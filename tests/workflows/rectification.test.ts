import { WorkflowUpdateFailedError } from '@temporalio/client';
import type { UpdateDefinition } from '@temporalio/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  cancelRectificationSignal,
  extendRectificationUpdate,
  reviewRectificationUpdate,
  submitCompletionUpdate,
  submitExplanationUpdate,
  submitProgressUpdate,
  type RectificationState,
} from '../../workflows/rectification/rectification-contract.js';
import { createObjectionWorld, type ObjectionWorld } from '../support/objection-fixtures.js';
import { eventually } from '../support/eventually.js';
import { startRealWorker } from '../support/real-worker.js';
import { rectificationEventTypes, startRectification } from '../support/rectification-fixtures.js';
import { getTestEnv, uniqueId } from '../support/test-env.js';

const env = await getTestEnv();
const taskQueue = uniqueId('rectification');
let stopWorker: () => Promise<void>;
let world: ObjectionWorld;

beforeAll(async () => {
  ({ stop: stopWorker } = await startRealWorker(taskQueue));
  world = await createObjectionWorld(env.prisma);
});
afterAll(async () => {
  await stopWorker?.();
});

const start = (overrides: Parameters<typeof startRectification>[4] = {}) =>
  startRectification(env.prisma, env.temporalClient, taskQueue, world, overrides);
const recordOf = (recordId: string) => env.prisma.dishonestyRecord.findUniqueOrThrow({ where: { id: recordId } });
const rowOf = (id: string) => env.prisma.rectification.findUniqueOrThrow({ where: { id } });
const explanation = () => ({ actor: world.actors.applicant, explanation: '资金拨付流程延误导致拖欠', plan: '30日内完成支付并建立台账' });
const completion = () => ({ actor: world.actors.applicant, summary: '欠款已全部支付', evidence: [{ title: '银行转账凭证', fileId: 'file-1' }] });

/** The validator's message of a refused update. */
async function refusal(update: Promise<unknown>): Promise<string> {
  const err = await update.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(WorkflowUpdateFailedError);
  return (err as WorkflowUpdateFailedError).cause?.message ?? '';
}

describe('rectification workflow (real Temporal and PostgreSQL)', () => {
  it('opens the case, takes explanation, progress and completion, and a reviewer accepts it: the record is rectified', async () => {
    const { recordId, rectificationId, handle } = await start();
    const opened = await rowOf(rectificationId);
    expect(opened).toMatchObject({ status: 'EXPLANATION_DUE', policyId: 'rectification-test@1', policyVersion: 1, escalationLevel: 'NONE' });
    expect((await recordOf(recordId)).rectificationStatus).toBe('PENDING');

    const explained = await handle.executeUpdate(submitExplanationUpdate, { args: [explanation()] });
    expect(explained).toMatchObject({ status: 'RECTIFYING', step: { step: 'RECTIFICATION', assigneeRole: 'APPLICANT', workingDays: 20 } });
    const rectifying = await rowOf(rectificationId);
    expect(rectifying).toMatchObject({ currentStep: 'RECTIFICATION', explanation: explanation().explanation, plan: explanation().plan });
    expect(rectifying.dueAt!.getTime() - Date.parse(explained.step!.openedAt)).toBe(20 * 60_000);

    for (const note of ['已筹措资金', '已支付一半']) {
      const progressed = await handle.executeUpdate(submitProgressUpdate, { args: [{ actor: world.actors.applicant, note }] });
      expect(progressed.status).toBe('RECTIFYING');
    }
    const completed = await handle.executeUpdate(submitCompletionUpdate, { args: [completion()] });
    expect(completed).toMatchObject({ status: 'UNDER_REVIEW', step: { step: 'REVIEW', assigneeRole: 'REVIEWER' } });

    const accepted = await handle.executeUpdate(reviewRectificationUpdate, { args: [{ actor: world.actors.reviewer, accept: true, reasons: '经核查已整改到位' }] });
    expect(accepted.status).toBe('RECTIFIED');
    expect(await handle.result()).toEqual({ status: 'RECTIFIED' });

    expect((await recordOf(recordId)).rectificationStatus).toBe('RECTIFIED');
    const closed = await rowOf(rectificationId);
    expect(closed).toMatchObject({ status: 'RECTIFIED', currentStep: null, dueAt: null, escalationLevel: 'NONE' });
    expect(closed.closedAt).not.toBeNull();
    const types = await rectificationEventTypes(env.prisma, rectificationId);
    expect(types.filter((t) => t !== 'STEP_OPENED' && t !== 'REMINDER_SENT')).toEqual([
      'OPENED',
      'EXPLANATION_SUBMITTED',
      'PROGRESS_REPORTED',
      'PROGRESS_REPORTED',
      'COMPLETION_SUBMITTED',
      'RECTIFIED',
    ]);
    const rectified = await env.prisma.caseEvent.findFirstOrThrow({ where: { caseId: rectificationId, type: 'RECTIFIED' } });
    expect(rectified).toMatchObject({ caseType: 'RECTIFICATION', actorId: world.actors.reviewer.id, reason: '经核查已整改到位' });
  });

  it('a returned rectification gets a new deadline from now, and can then be accepted', async () => {
    const { recordId, rectificationId, handle } = await start();
    await handle.executeUpdate(submitExplanationUpdate, { args: [explanation()] });
    await handle.executeUpdate(submitCompletionUpdate, { args: [completion()] });
    const review = (extra: object) => handle.executeUpdate(reviewRectificationUpdate, { args: [{ actor: world.actors.supervisor, accept: false, reasons: '台账未建立', ...extra }] });
    expect(await refusal(review({}))).toMatch(/newDeadlineWorkingDays/);
    expect(await refusal(review({ newDeadlineWorkingDays: 251 }))).toMatch(/newDeadlineWorkingDays/);

    const before = Date.now();
    const returned = await review({ newDeadlineWorkingDays: 3 });
    expect(returned).toMatchObject({ status: 'RECTIFYING', returnedCount: 1, step: { step: 'RECTIFICATION', workingDays: 3 } });
    const row = await rowOf(rectificationId);
    expect(row.returnedCount).toBe(1);
    expect(row.dueAt!.getTime()).toBeGreaterThanOrEqual(before + 3 * 60_000 - 1_000);
    expect(row.dueAt!.getTime()).toBeLessThan(before + 4 * 60_000);
    const returnedEvent = await env.prisma.caseEvent.findFirstOrThrow({ where: { caseId: rectificationId, type: 'RETURNED' } });
    expect(returnedEvent).toMatchObject({ reason: '台账未建立', data: { newDeadlineWorkingDays: 3, returnedCount: 1 } });

    await handle.executeUpdate(submitCompletionUpdate, { args: [completion()] });
    await handle.executeUpdate(reviewRectificationUpdate, { args: [{ actor: world.actors.reviewer2, accept: true, reasons: '已建立台账' }] });
    expect(await handle.result()).toEqual({ status: 'RECTIFIED' });
    expect((await recordOf(recordId)).rectificationStatus).toBe('RECTIFIED');
  });

  it('a supervisor extends the rectification deadline with a reason recorded; a reviewer may not', async () => {
    const { rectificationId, handle } = await start();
    await handle.executeUpdate(submitExplanationUpdate, { args: [explanation()] });
    const dueBefore = (await rowOf(rectificationId)).dueAt!.getTime();

    expect(await refusal(handle.executeUpdate(extendRectificationUpdate, { args: [{ actor: world.actors.reviewer, workingDays: 5, reason: '审核人' }] }))).toMatch(/SUPERVISOR/);
    expect(await refusal(handle.executeUpdate(extendRectificationUpdate, { args: [{ actor: world.actors.supervisor, workingDays: 121, reason: '过长' }] }))).toMatch(/workingDays/);
    expect(await refusal(handle.executeUpdate(extendRectificationUpdate, { args: [{ actor: world.actors.supervisor, workingDays: 5, reason: ' ' }] }))).toMatch(/reason/);

    const extended = await handle.executeUpdate(extendRectificationUpdate, { args: [{ actor: world.actors.supervisor, workingDays: 5, reason: '涉及跨年度预算调整' }] });
    expect(extended.step).toMatchObject({ step: 'RECTIFICATION', workingDays: 25 });
    expect((await rowOf(rectificationId)).dueAt!.getTime() - dueBefore).toBe(5 * 60_000);
    const event = await env.prisma.caseEvent.findFirstOrThrow({ where: { caseId: rectificationId, type: 'DEADLINE_EXTENDED' } });
    expect(event).toMatchObject({ actorId: world.actors.supervisor.id, actorRole: 'SUPERVISOR', reason: '涉及跨年度预算调整' });
    await handle.signal(cancelRectificationSignal, { cause: 'TEST_DONE' });
  });

  it('the cancel signal closes the case and the record’s rectification as cancelled', async () => {
    const { recordId, rectificationId, handle } = await start();
    await handle.signal(cancelRectificationSignal, { cause: 'REVOKED' });
    expect(await handle.result()).toEqual({ status: 'CANCELLED' });
    expect((await recordOf(recordId)).rectificationStatus).toBe('CANCELLED');
    const row = await rowOf(rectificationId);
    expect(row).toMatchObject({ status: 'CANCELLED', currentStep: null, dueAt: null });
    expect(row.closedAt).not.toBeNull();
    const cancelled = await env.prisma.caseEvent.findFirstOrThrow({ where: { caseId: rectificationId, type: 'CANCELLED' } });
    expect(cancelled).toMatchObject({ reason: 'REVOKED', actorId: 'system' });
  });

  it('validators refuse other bodies, other authorities, the body’s own people and wrong states, leaving no trace', async () => {
    const { rectificationId, handle } = await start();
    const update = <A>(def: UpdateDefinition<RectificationState, [A]>, arg: A) => refusal(handle.executeUpdate(def, { args: [arg] }));

    expect(await update(submitExplanationUpdate, { ...explanation(), actor: world.actors.otherApplicant })).toMatch(/body/);
    expect(await update(submitExplanationUpdate, { ...explanation(), actor: world.actors.reviewer })).toMatch(/applicant/);
    expect(await update(submitExplanationUpdate, { ...explanation(), plan: '' })).toMatch(/plan/);
    expect(await update(submitCompletionUpdate, completion())).toMatch(/EXPLANATION_DUE/);
    expect(await update(reviewRectificationUpdate, { actor: world.actors.reviewer, accept: true, reasons: 'x' })).toMatch(/EXPLANATION_DUE/);
    const history = await handle.fetchHistory();
    expect(history.events?.some((e) => e.workflowExecutionUpdateAcceptedEventAttributes)).toBe(false);
    expect((await rectificationEventTypes(env.prisma, rectificationId)).filter((t) => t !== 'STEP_OPENED' && t !== 'REMINDER_SENT')).toEqual(['OPENED']);

    await handle.executeUpdate(submitExplanationUpdate, { args: [explanation()] });
    const accepted = (await handle.fetchHistory()).events?.filter((e) => e.workflowExecutionUpdateAcceptedEventAttributes);
    expect(accepted).toHaveLength(1);
    expect(await update(submitCompletionUpdate, { ...completion(), evidence: [] })).toMatch(/evidence/);
    await handle.executeUpdate(submitCompletionUpdate, { args: [completion()] });
    expect(await update(reviewRectificationUpdate, { actor: world.actors.foreignReviewer, accept: true, reasons: 'x' })).toMatch(/authority/);
    const bodyPersonAsReviewer = { ...world.actors.reviewer, id: world.actors.applicant.id };
    expect(await update(reviewRectificationUpdate, { actor: bodyPersonAsReviewer, accept: true, reasons: 'x' })).toMatch(/acted for the body/);
    expect(await update(reviewRectificationUpdate, { actor: world.actors.applicant, accept: true, reasons: 'x' })).toMatch(/REVIEWER or SUPERVISOR/);
    expect(await update(reviewRectificationUpdate, { actor: world.actors.reviewer, accept: true, reasons: 'x', newDeadlineWorkingDays: 3 })).toMatch(/only allowed/);
    expect((await rowOf(rectificationId)).status).toBe('UNDER_REVIEW');
    await handle.signal(cancelRectificationSignal, { cause: 'TEST_DONE' });
    await eventually(async () => ((await rowOf(rectificationId)).status === 'CANCELLED' ? true : undefined));
  });
});
