import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { AppError, ErrorCode } from '../../lib/app-error.js';
import { describeCalendarDay, getCalendarYear, listCalendarYears, putCalendarYear } from '../../lib/calendar/calendar-admin.js';
import { createDeadlineCalculator, type DeadlineCalculator } from '../../lib/calendar/deadline-calculator.js';
import { createPrismaClient, type PrismaClient } from '../../lib/prisma.js';
import { seedCalendar } from '../../prisma/seed/calendar-seed.js';

// A database of this file's own on the run's server (TEST_DATABASE_URL or DATABASE_URL): the tests reseed the calendar
// and list every year, which other files' calendar changes in the run's database would disturb.
const database = `credit_calendar_test_${randomBytes(6).toString('hex')}`;
const onRunServer = (name: string) => {
  const url = new URL(inject('databaseUrl'));
  url.pathname = `/${name}`;
  return url.toString();
};
const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: onRunServer('postgres') });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

let prisma: PrismaClient;
let calculator: DeadlineCalculator;

beforeAll(async () => {
  await adminQuery(`CREATE DATABASE "${database}"`);
  const databaseUrl = onRunServer(database);
  execFileSync('bash', ['scripts/prisma.sh', 'migrate', 'deploy'], {
    cwd: repoRoot,
    env: { ...process.env, DATABASE_URL: databaseUrl },
    stdio: 'pipe',
  });
  prisma = createPrismaClient(databaseUrl);
  await seedCalendar(prisma);
  calculator = createDeadlineCalculator(prisma, { timeZone: 'Asia/Shanghai' });
}, 120_000);

afterAll(async () => {
  await prisma?.$disconnect();
  await adminQuery(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
}, 60_000);

async function latestVersion(): Promise<string> {
  const latest = await prisma.calendarRevision.findFirst({ orderBy: { id: 'desc' } });
  return `r${latest?.id ?? 0}`;
}

async function validationErrorOf(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(ErrorCode.VALIDATION);
  return error as AppError;
}

describe('seeding the calendar from chinese-days', () => {
  it('stores 2004–2026 as published years holding only the exceptions to Monday–Friday', async () => {
    const years = await listCalendarYears(prisma);
    expect(years.map((y) => y.year)).toEqual(Array.from({ length: 23 }, (_, i) => 2004 + i));
    const y2025 = await getCalendarYear(prisma, 2025);
    expect(y2025.source).toBe('npm chinese-days@1.5.7 (国务院办公厅 annual holiday notices)');
    expect(y2025.days.filter((d) => d.kind === 'WORKDAY').map((d) => d.date)).toEqual([
      '2025-01-26',
      '2025-02-08',
      '2025-04-27',
      '2025-09-28',
      '2025-10-11',
    ]);
    // Oct 4–5 fall on a weekend: they are days off anyway, so they are not stored.
    expect(y2025.days.filter((d) => d.date.startsWith('2025-10') && d.kind === 'HOLIDAY').map((d) => d.date)).toEqual([
      '2025-10-01',
      '2025-10-02',
      '2025-10-03',
      '2025-10-06',
      '2025-10-07',
      '2025-10-08',
    ]);
    expect(y2025.days.find((d) => d.date === '2025-10-06')?.name).toBe('中秋');
  });

  it('leaves an administrator’s edit alone and writes no revision when run again', async () => {
    await putCalendarYear(prisma, 'admin-1', { year: 2004, source: 'corrected by hand', days: [] });
    const before = await prisma.calendarRevision.count();
    await seedCalendar(prisma);
    expect(await prisma.calendarRevision.count()).toBe(before);
    expect(await getCalendarYear(prisma, 2004)).toMatchObject({ source: 'corrected by hand', days: [] });
  });
});

describe('computing deadlines from the database calendar', () => {
  it('5 working days after Fri 2025-09-26 end at 24:00 on Fri 2025-10-10 Beijing time', async () => {
    const deadline = await calculator.compute({ from: '2025-09-26T09:00:00+08:00', workingDays: 5 });
    expect(deadline).toEqual({
      from: '2025-09-26T01:00:00.000Z',
      workingDays: 5,
      dueDate: '2025-10-10',
      dueAt: '2025-10-10T16:00:00.000Z',
      provisional: false,
      calendarVersion: await latestVersion(),
    });
  });

  it('counts from the local date in the calendar time zone, not the UTC date', async () => {
    // 2025-09-29T16:00Z is Tue Sep 30 00:00 in Shanghai: the next working day is after the National Day holiday.
    const deadline = await calculator.compute({ from: '2025-09-29T16:00:00Z', workingDays: 1 });
    expect(deadline.dueDate).toBe('2025-10-09');
  });

  it('counts a make-up working day (调休上班, Sun 2025-09-28) by default, skips it when the setting says so', async () => {
    const counted = await calculator.compute({ from: '2025-09-26T09:00:00+08:00', workingDays: 1 });
    expect(counted).toMatchObject({ dueDate: '2025-09-28', dueAt: '2025-09-28T16:00:00.000Z' });
    const skipping = createDeadlineCalculator(prisma, { timeZone: 'Asia/Shanghai', settings: { countAdjustedWorkdays: false } });
    expect((await skipping.compute({ from: '2025-09-26T09:00:00+08:00', workingDays: 1 })).dueDate).toBe('2025-09-29');
    // Across the National Day holiday the Saturday make-up day 2025-10-11 is skipped too: Mon 10-13 instead of Sat 10-11.
    expect((await calculator.compute({ from: '2025-10-10T09:00:00+08:00', workingDays: 1 })).dueDate).toBe('2025-10-11');
    expect((await skipping.compute({ from: '2025-10-10T09:00:00+08:00', workingDays: 1 })).dueDate).toBe('2025-10-13');
  });

  it('ends the last day at 24:00 by default, or at the configured close of business in the calendar zone', async () => {
    const closing = createDeadlineCalculator(prisma, { timeZone: 'Asia/Shanghai', settings: { dayEndsAt: '17:30' } });
    const deadline = await closing.compute({ from: '2025-09-26T09:00:00+08:00', workingDays: 5 });
    expect(deadline).toMatchObject({ dueDate: '2025-10-10', dueAt: '2025-10-10T09:30:00.000Z' });
    // 00:00–08:00 Beijing is the previous UTC day: a 07:00 close ends at 23:00Z the day before.
    const early = createDeadlineCalculator(prisma, { timeZone: 'Asia/Shanghai', settings: { dayEndsAt: '07:00' } });
    expect((await early.compute({ from: '2025-09-26T09:00:00+08:00', workingDays: 5 })).dueAt).toBe('2025-10-09T23:00:00.000Z');
    expect(() => createDeadlineCalculator(prisma, { timeZone: 'Asia/Shanghai', settings: { dayEndsAt: '25:00' } })).toThrow();
    expect(() => createDeadlineCalculator(prisma, { timeZone: 'Asia/Shanghai', settings: { dayEndsAt: '5pm' } })).toThrow();
  });

  it('with 0 working days ends at the end of the start day', async () => {
    const deadline = await calculator.compute({ from: '2025-10-01T10:00:00+08:00', workingDays: 0 });
    expect(deadline).toMatchObject({ dueDate: '2025-10-01', dueAt: '2025-10-01T16:00:00.000Z', provisional: false });
  });

  it('marks a period running into an unpublished year provisional, then exact once an administrator adds that year', async () => {
    const request = { from: '2026-12-24T10:00:00+08:00', workingDays: 10 };
    const before = await calculator.compute(request);
    // Until the notice is published, 2027's statutory holidays are estimated (元旦 2027-01-01 is one), provisionally.
    expect(before).toMatchObject({ dueDate: '2027-01-08', provisional: true });
    expect(await describeCalendarDay(prisma, '2027-01-01')).toEqual({
      date: '2027-01-01',
      workingDay: false,
      kind: 'HOLIDAY',
      name: '元旦（预估）',
      provisional: true,
    });

    const saved = await putCalendarYear(prisma, 'admin-1', {
      year: 2027,
      source: '国务院办公厅关于2027年部分节假日安排的通知 (test data)',
      notice: '国办发明电〔2026〕0号',
      days: [{ date: '2027-01-01', kind: 'HOLIDAY', name: '元旦' }],
    });
    const after = await calculator.compute(request);
    expect(after).toMatchObject({ dueDate: '2027-01-08', provisional: false, calendarVersion: saved.calendarVersion });
    expect(Number(after.calendarVersion.slice(1))).toBeGreaterThan(Number(before.calendarVersion.slice(1)));
    expect(await describeCalendarDay(prisma, '2027-01-01')).toEqual({
      date: '2027-01-01',
      workingDay: false,
      kind: 'HOLIDAY',
      name: '元旦',
      provisional: false,
    });
    expect((await listCalendarYears(prisma)).find((y) => y.year === 2027)).toMatchObject({ holidays: 1, workdays: 0 });
  });

  it('on a worker with compressed time (tests, demonstrations) counts seconds instead of the calendar', async () => {
    const scaled = createDeadlineCalculator(prisma, { timeZone: 'Asia/Shanghai', timeScale: { secondsPerWorkingDay: 2 } });
    expect(calculator.timeScale).toEqual({});
    expect(() => createDeadlineCalculator(prisma, { timeZone: 'Asia/Shanghai', timeScale: { secondsPerWorkingDay: 0 } })).toThrow(/positive/);
    const deadline = await scaled.compute({ from: '2025-09-30T15:59:58Z', workingDays: 3 });
    expect(deadline).toEqual({
      from: '2025-09-30T15:59:58.000Z',
      workingDays: 3,
      dueDate: '2025-10-01',
      dueAt: '2025-09-30T16:00:04.000Z',
      provisional: false,
      calendarVersion: 'scaled',
    });
  });

  it('rejects a start without an offset, an invalid instant and an out-of-range count', async () => {
    await validationErrorOf(calculator.compute({ from: '2025-09-26T09:00:00', workingDays: 5 }));
    await validationErrorOf(calculator.compute({ from: '2025-02-30T09:00:00Z', workingDays: 5 }));
    const error = await validationErrorOf(calculator.compute({ from: 'soon', workingDays: 367 }));
    expect(error.details?.errors?.map((e) => e.path)).toEqual(['from', 'workingDays']);
    await validationErrorOf(calculator.compute({ from: '2025-09-26T09:00:00Z', workingDays: 1.5 }));
  });
});

describe('editing a calendar year', () => {
  it('rejects days outside the year and dates listed twice, and keeps the stored year unchanged', async () => {
    const error = await validationErrorOf(
      putCalendarYear(prisma, 'admin-1', {
        year: 2027,
        source: 'bad',
        days: [
          { date: '2028-01-01', kind: 'HOLIDAY', name: '元旦' },
          { date: '2027-10-01', kind: 'HOLIDAY', name: '国庆节' },
          { date: '2027-10-01', kind: 'HOLIDAY', name: '国庆节' },
        ],
      }),
    );
    expect(error.details?.errors?.map((e) => e.path)).toEqual(['days.0.date', 'days.2.date']);
    expect((await getCalendarYear(prisma, 2027)).days).toHaveLength(1);
  });

  it('answers not found for a year that was never published', async () => {
    await expect(getCalendarYear(prisma, 2030)).rejects.toMatchObject({ code: ErrorCode.NOT_FOUND });
  });
});
