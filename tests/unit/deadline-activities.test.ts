/**
 * The activities' pure parts, run as Temporal runs them (MockActivityEnvironment: an activity context without a
 * worker) on a worker's compressed time, so no calendar and no database is read. The calendar path is tested on
 * PostgreSQL in tests/calendar/deadline-calculator.test.ts.
 */
import { MockActivityEnvironment } from '@temporalio/testing';
import { describe, expect, it } from 'vitest';
import { createDeadlineActivities } from '../../activities/deadline-activities.js';
import { createRecordActivities } from '../../activities/record-activities.js';
import { createRepairActivities } from '../../activities/repair-activities.js';
import { DEFAULT_PUBLICATION_POLICY } from '../../domain/records/publication-policy.js';
import type { RecordWindow, RecordWindowRequest } from '../../domain/records/record-window.js';
import { createDeadlineCalculator } from '../../lib/calendar/deadline-calculator.js';
import type { PrismaClient } from '../../lib/prisma.js';
import type { Client } from '@temporalio/client';

/** Nothing here may touch the database: any use of it fails the test. */
const noDatabase = new Proxy({}, { get: (_target, name) => { throw new Error(`the database was used (${String(name)})`); } }) as unknown as PrismaClient;
const noTemporal = {} as Client;
const scaled = (secondsPerWorkingDay: number) => createDeadlineCalculator(noDatabase, { timeZone: 'Asia/Shanghai', timeScale: { secondsPerWorkingDay } });
const FROM = '2026-03-02T01:00:00.000Z';
const plus = (seconds: number) => new Date(Date.parse(FROM) + seconds * 1000).toISOString();

describe('computeStepDeadline (activity, compressed time)', () => {
  it('counts the step and its reminder on the worker’s clock, and says the deadline is scaled', async () => {
    const { computeStepDeadline } = createDeadlineActivities(scaled(2));
    const result = await new MockActivityEnvironment().run(computeStepDeadline, { from: FROM, workingDays: 5, reminderWorkingDaysBefore: 2 });
    expect(result).toEqual({
      deadline: { from: FROM, workingDays: 5, dueDate: '2026-03-02', dueAt: plus(10), provisional: false, calendarVersion: 'scaled' },
      remindAt: plus(6),
    });
  });

  it('no reminder when none is asked for, or when it would fall before the start', async () => {
    const { computeStepDeadline } = createDeadlineActivities(scaled(1));
    const env = new MockActivityEnvironment();
    expect(await env.run(computeStepDeadline, { from: FROM, workingDays: 3, reminderWorkingDaysBefore: 0 })).toMatchObject({ remindAt: null });
    expect(await env.run(computeStepDeadline, { from: FROM, workingDays: 1, reminderWorkingDaysBefore: 2 })).toMatchObject({ remindAt: null });
  });

  it('refuses a malformed request as a validation error (Temporal payloads are not type-checked)', async () => {
    const { computeStepDeadline } = createDeadlineActivities(scaled(1));
    await expect(new MockActivityEnvironment().run(computeStepDeadline, { from: 'tomorrow', workingDays: 3, reminderWorkingDaysBefore: 0 })).rejects.toThrow(/from: must be an ISO 8601 instant/);
  });
});

describe('workingDaysElapsed (activity, compressed time)', () => {
  it('counts whole working days passed between two instants, up to a maximum', async () => {
    const { workingDaysElapsed } = createRepairActivities(noDatabase, noTemporal, scaled(1));
    const env = new MockActivityEnvironment();
    expect(await env.run(workingDaysElapsed, { from: FROM, to: plus(0.5), max: 10 })).toBe(0);
    expect(await env.run(workingDaysElapsed, { from: FROM, to: plus(2), max: 10 })).toBe(2);
    expect(await env.run(workingDaysElapsed, { from: FROM, to: plus(2.9), max: 10 })).toBe(2);
    expect(await env.run(workingDaysElapsed, { from: FROM, to: plus(60), max: 4 })).toBe(4);
  });
});

describe('computeRecordWindow (activity)', () => {
  const request: RecordWindowRequest = {
    decisionDate: '2026-03-02',
    severity: 'GENERAL',
    sanctionKind: 'WARNING',
    leniency: 'NONE',
    policy: DEFAULT_PUBLICATION_POLICY,
    registeredAt: FROM,
  };

  it('in real time: publication to the end of its last calendar day in the office zone, sanction in calendar months', async () => {
    const { computeRecordWindow } = createRecordActivities(noDatabase, 'Asia/Shanghai');
    const window = await new MockActivityEnvironment().run(computeRecordWindow, request);
    expect(window).toMatchObject({
      publishedFrom: '2026-03-02',
      publishedUntil: '2027-03-02',
      publicationEndsAt: '2027-03-02T16:00:00.000Z',
      sanctionEndsAt: '2026-09-02T16:00:00.000Z',
      effectiveFrom: '2026-03-01T16:00:00.000Z',
    });
  });

  it('on a worker’s compressed time: months last seconds from the registration, the calendar dates stay real', async () => {
    const { computeRecordWindow } = createRecordActivities(noDatabase, 'Asia/Shanghai', { secondsPerMonth: 0.5 });
    const lighter: RecordWindowRequest = { ...request, leniency: 'LIGHTER' };
    const window: RecordWindow = await new MockActivityEnvironment().run(computeRecordWindow, lighter);
    expect(window).toMatchObject({
      publishedFrom: '2026-03-02',
      publicationEndsAt: plus(3 * 0.5), // LIGHTER: the minimum 3 months
      sanctionEndsAt: plus(6 * 0.5), // WARNING: 6 months
    });
    expect(window.publishedUntil).toBe('2026-06-02');
  });
});
