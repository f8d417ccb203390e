/**
 * HumanStep's choice of the next timer (reminder, extra reminders, due, follow-up escalations), its lapse and its
 * rescheduling, through its public behaviour: run(), extend(), recomputeAfterCalendarChange() and the hooks it
 * calls. Workflow time is vitest's fake clock; the deadline activity is mocked by a 1 s-per-working-day rule (a unit
 * test of workflow logic: the real deadline activity is tested in deadline-activities.test.ts and on the real server).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Deadline } from '../../domain/calendar/deadline.js';
import { HumanStep, currentAssigneeRole, type HumanStepHooks, type HumanStepOptions, type StepDeadlineRequest } from '../../workflows/shared/human-step.js';
import { patches } from './workflow-sdk-fake.js';

vi.mock('@temporalio/workflow', async (importOriginal) => (await import('./workflow-sdk-fake.js')).workflowSdkFake(importOriginal));

const DAY = 1_000;
const START = Date.parse('2026-03-02T01:00:00.000Z');

interface Call {
  hook: 'opened' | 'reminded' | 'overdue' | 'rescheduled';
  at: number;
  level?: number;
}

/** The mocked deadline activity: N working days are N seconds; provisional when the test says the calendar is. */
function scaledDeadline(request: StepDeadlineRequest, provisional: boolean): { deadline: Deadline; remindAt: string | null } {
  const from = Date.parse(request.from);
  const dueAt = new Date(from + request.workingDays * DAY).toISOString();
  const deadline: Deadline = { from: request.from, workingDays: request.workingDays, dueDate: dueAt.slice(0, 10), dueAt, provisional, calendarVersion: 'r1' };
  const before = request.reminderWorkingDaysBefore;
  const remindAt = before > 0 && before <= request.workingDays ? new Date(from + (request.workingDays - before) * DAY).toISOString() : null;
  return { deadline, remindAt };
}

function harness(overrides: Partial<HumanStepOptions<'REVIEW'>> = {}) {
  const calls: Call[] = [];
  const calendar = { provisional: false };
  const since = () => Date.now() - START;
  const hooks: HumanStepHooks<'REVIEW'> = {
    computeDeadline: async (request) => scaledDeadline(request, calendar.provisional),
    opened: async () => void calls.push({ hook: 'opened', at: since() }),
    reminded: async () => void calls.push({ hook: 'reminded', at: since() }),
    overdue: async (_state, level) => void calls.push({ hook: 'overdue', at: since(), level }),
    rescheduled: async () => void calls.push({ hook: 'rescheduled', at: since() }),
  };
  const step = new HumanStep<'REVIEW'>(
    { step: 'REVIEW', assigneeRole: 'REVIEWER', openedAt: new Date(START).toISOString(), workingDays: 5, reminderWorkingDaysBefore: 2, onOverdue: 'escalate', ...overrides },
    hooks,
  );
  const done = { value: false };
  let result: 'done' | 'lapsed' | undefined;
  const running = step.run(() => done.value).then((r) => (result = r));
  return { step, calls, calendar, done, running, result: () => result };
}

beforeEach(() => {
  vi.useFakeTimers({ now: START });
  patches.enabled = true;
});
afterEach(() => {
  vi.useRealTimers();
});

describe('HumanStep timers (unit, deadline activity mocked)', () => {
  it('opens, reminds at the reminder time, escalates at the due time and keeps waiting for the person', async () => {
    const h = harness();
    await vi.advanceTimersByTimeAsync(2_999);
    expect(h.calls).toEqual([{ hook: 'opened', at: 0 }]);
    await vi.advanceTimersByTimeAsync(2);
    expect(h.calls.map((c) => c.hook)).toEqual(['opened', 'reminded']);
    expect(h.calls[1]!.at).toBeGreaterThanOrEqual(3 * DAY);
    await vi.advanceTimersByTimeAsync(2 * DAY);
    expect(h.calls.map((c) => c.hook)).toEqual(['opened', 'reminded', 'overdue']);
    expect(h.calls[2]).toMatchObject({ level: 1 });
    expect(h.step.state).toMatchObject({ reminded: true, escalated: true });
    expect(currentAssigneeRole(h.step.state)).toBe('SUPERVISOR');
    expect(h.result()).toBeUndefined();

    h.done.value = true;
    await vi.advanceTimersByTimeAsync(5);
    expect(h.result()).toBe('done');
  });

  it('a step done before its deadline neither reminds nor escalates', async () => {
    const h = harness();
    await vi.advanceTimersByTimeAsync(DAY);
    h.done.value = true;
    await vi.advanceTimersByTimeAsync(10 * DAY);
    expect(h.calls.map((c) => c.hook)).toEqual(['opened']);
    expect(h.result()).toBe('done');
    expect(currentAssigneeRole(h.step.state)).toBe('REVIEWER');
  });

  it('a lapsing step ends as lapsed at its deadline', async () => {
    const h = harness({ onOverdue: 'lapse', reminderWorkingDaysBefore: 0, workingDays: 2 });
    await vi.advanceTimersByTimeAsync(2 * DAY + 5);
    expect(h.calls.map((c) => c.hook)).toEqual(['opened', 'overdue']);
    expect(h.result()).toBe('lapsed');
  });

  it('without a reminder (0 days before) the first timer is the due time', async () => {
    const h = harness({ reminderWorkingDaysBefore: 0 });
    await vi.advanceTimersByTimeAsync(5 * DAY + 5);
    expect(h.calls.map((c) => c.hook)).toEqual(['opened', 'overdue']);
    expect(h.step.state.remindAt).toBeNull();
  });

  it('extra reminders come before the due time, in time order, and follow-up escalations after it with rising levels', async () => {
    const h = harness({ workingDays: 4, reminderWorkingDaysBefore: 0, extraReminderWorkingDaysBefore: [3, 1], followUpWorkingDaysAfter: [2, 4] });
    await vi.advanceTimersByTimeAsync(10 * DAY);
    const timeline = h.calls.map((c) => `${c.hook}${c.level ? `:${c.level}` : ''}@${Math.floor(c.at / DAY)}`);
    expect(timeline).toEqual(['opened@0', 'reminded@1', 'reminded@3', 'overdue:1@4', 'overdue:2@6', 'overdue:3@8']);
    expect(h.step.state.escalationLevel).toBe(3);
  });

  it('an extension moves the deadline: the step is rescheduled and escalates at the new time only', async () => {
    const h = harness({ reminderWorkingDaysBefore: 0 });
    await vi.advanceTimersByTimeAsync(DAY);
    h.step.extend(3);
    await vi.advanceTimersByTimeAsync(5 * DAY);
    expect(h.calls.map((c) => c.hook)).toEqual(['opened', 'rescheduled']);
    expect(h.step.state.workingDays).toBe(8);
    await vi.advanceTimersByTimeAsync(3 * DAY);
    expect(h.calls.map((c) => c.hook)).toEqual(['opened', 'rescheduled', 'overdue']);
    expect(h.calls[2]!.at).toBeGreaterThanOrEqual(8 * DAY);
  });

  it('an extension after the escalation gives the step a new reminder and a new escalation', async () => {
    const h = harness({ workingDays: 2, reminderWorkingDaysBefore: 1 });
    await vi.advanceTimersByTimeAsync(2 * DAY + 5);
    expect(h.step.state.escalated).toBe(true);
    h.step.extend(3);
    await vi.advanceTimersByTimeAsync(5);
    expect(h.step.state).toMatchObject({ escalated: false, reminded: false });
    await vi.advanceTimersByTimeAsync(3 * DAY);
    expect(h.calls.map((c) => c.hook)).toEqual(['opened', 'reminded', 'overdue', 'rescheduled', 'reminded', 'overdue']);
  });

  it('a provisional deadline is recomputed after a calendar change; a final one only when the changed year is in its span', async () => {
    const h = harness({ reminderWorkingDaysBefore: 0 });
    h.calendar.provisional = true;
    await vi.advanceTimersByTimeAsync(5);
    h.step.extend(0); // reschedule once so the deadline is computed provisional
    await vi.advanceTimersByTimeAsync(5);
    expect(h.step.state.deadline?.provisional).toBe(true);

    h.calendar.provisional = false;
    h.step.recomputeAfterCalendarChange({ year: 2031 });
    await vi.advanceTimersByTimeAsync(5);
    expect(h.step.state.deadline?.provisional).toBe(false);
    const rescheduled = h.calls.filter((c) => c.hook === 'rescheduled').length;

    h.step.recomputeAfterCalendarChange({ year: 2031 }); // outside 2026: nothing to do
    h.step.recomputeAfterCalendarChange(); // no year named and nothing provisional: nothing to do
    await vi.advanceTimersByTimeAsync(5);
    expect(h.calls.filter((c) => c.hook === 'rescheduled')).toHaveLength(rescheduled);

    h.step.recomputeAfterCalendarChange({ year: 2026 });
    await vi.advanceTimersByTimeAsync(5);
    expect(h.calls.filter((c) => c.hook === 'rescheduled')).toHaveLength(rescheduled + 1);
  });

  it('histories from before the corrected-year patch do not recompute final deadlines', async () => {
    patches.enabled = false;
    const h = harness({ reminderWorkingDaysBefore: 0 });
    await vi.advanceTimersByTimeAsync(5);
    h.step.recomputeAfterCalendarChange({ year: 2026 });
    await vi.advanceTimersByTimeAsync(5);
    expect(h.calls.map((c) => c.hook)).toEqual(['opened']);
  });

  it('a follow-up (通报批评) counted into an unpublished year keeps its provisional flag while the deadline is final, and is recomputed when the year is published', async () => {
    // The step's deadline (5 WD) falls in a published year; its follow-up 5 WD later runs into the next, unpublished one.
    const calendar = { nextYearPublished: false };
    const calls: string[] = [];
    const hooks: HumanStepHooks<'REVIEW'> = {
      computeDeadline: async (request) => scaledDeadline(request, request.workingDays > 5 && !calendar.nextYearPublished),
      opened: async () => void calls.push('opened'),
      reminded: async () => void calls.push('reminded'),
      overdue: async () => void calls.push('overdue'),
      rescheduled: async () => void calls.push('rescheduled'),
    };
    const step = new HumanStep<'REVIEW'>(
      { step: 'REVIEW', assigneeRole: 'REVIEWER', openedAt: new Date(START).toISOString(), workingDays: 5, reminderWorkingDaysBefore: 0, onOverdue: 'escalate', followUpWorkingDaysAfter: [5] },
      hooks,
    );
    void step.run(() => false);
    await vi.advanceTimersByTimeAsync(5);
    expect(step.state.deadline?.provisional).toBe(false);
    expect(step.state.followUps).toEqual([expect.objectContaining({ provisional: true, sent: false })]);

    // Nothing named: only what is provisional is recomputed, and the follow-up is (the deadline alone would not be).
    calendar.nextYearPublished = true;
    step.recomputeAfterCalendarChange();
    await vi.advanceTimersByTimeAsync(5);
    expect(calls).toEqual(['opened', 'rescheduled']);
    expect(step.state.followUps).toEqual([expect.objectContaining({ provisional: false, sent: false })]);
    step.recomputeAfterCalendarChange();
    await vi.advanceTimersByTimeAsync(5);
    expect(calls).toEqual(['opened', 'rescheduled']);
  });
});
