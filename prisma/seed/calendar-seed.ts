import { readdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { isIsoDate, isWeekend } from '../../domain/calendar/local-date.js';
import { CalendarDayKind } from '../../domain/calendar/working-days.js';
import { toDbDate } from '../../lib/calendar/calendar-repository.js';
import type { PrismaClient } from '../../lib/prisma.js';

const SYSTEM_ACTOR = 'system';

interface SeedDay {
  date: string;
  kind: CalendarDayKind;
  name: string;
}

interface SeedYear {
  year: number;
  days: SeedDay[];
}

/** The arrangement of one year as chinese-days ships it: { holidays, workdays } of "English,中文,n" by date. */
type YearFile = Record<'holidays' | 'workdays', Record<string, string>>;

function isDayMap(value: unknown): value is Record<string, string> {
  return typeof value === 'object' && value !== null && Object.values(value).every((v) => typeof v === 'string');
}

function isYearFile(value: unknown): value is YearFile {
  if (typeof value !== 'object' || value === null) return false;
  const file = value as Record<string, unknown>;
  return isDayMap(file.holidays) && isDayMap(file.workdays);
}

function chineseName(label: string): string {
  return label.split(',')[1]?.trim() || label;
}

/** Keeps only exceptions to Monday–Friday: weekday holidays and weekend working days. */
function exceptionsOf(file: YearFile): SeedDay[] {
  const days: SeedDay[] = [];
  for (const [date, label] of Object.entries(file.holidays)) {
    if (!isWeekend(date)) days.push({ date, kind: CalendarDayKind.HOLIDAY, name: chineseName(label) });
  }
  for (const [date, label] of Object.entries(file.workdays)) {
    if (isWeekend(date)) days.push({ date, kind: CalendarDayKind.WORKDAY, name: chineseName(label) });
  }
  return days.sort((a, b) => a.date.localeCompare(b.date));
}

async function readPackage(): Promise<{ version: string; years: SeedYear[] }> {
  const packageJson = createRequire(import.meta.url).resolve('chinese-days/package.json');
  const { version } = JSON.parse(await readFile(packageJson, 'utf8')) as { version: string };
  const folder = join(dirname(packageJson), 'dist', 'years');
  const years: SeedYear[] = [];
  for (const fileName of (await readdir(folder)).filter((name) => /^\d{4}\.json$/.test(name)).sort()) {
    const year = Number(fileName.slice(0, 4));
    const file: unknown = JSON.parse(await readFile(join(folder, fileName), 'utf8'));
    if (!isYearFile(file)) throw new Error(`chinese-days ${fileName} is not { holidays, workdays }`);
    const days = exceptionsOf(file);
    const stray = days.find((day) => !isIsoDate(day.date) || !day.date.startsWith(`${year}-`));
    if (stray) throw new Error(`chinese-days ${fileName} lists ${stray.date}, outside ${year}`);
    years.push({ year, days });
  }
  return { version, years };
}

/** "2004–2009, 2011–2026" */
function describeYears(years: number[]): string {
  const ranges: string[] = [];
  for (let i = 0; i < years.length; ) {
    let j = i;
    while (j + 1 < years.length && years[j + 1] === (years[j] ?? 0) + 1) j++;
    ranges.push(i === j ? `${years[i]}` : `${years[i]}–${years[j]}`);
    i = j + 1;
  }
  return ranges.join(', ');
}

/**
 * Loads the official holiday arrangements shipped with the chinese-days package. Idempotent: a year already in
 * the database is left as it is, so an administrator's corrections survive a re-seed.
 */
export async function seedCalendar(prisma: PrismaClient): Promise<void> {
  const { version, years } = await readPackage();
  const source = `npm chinese-days@${version} (国务院办公厅 annual holiday notices)`;
  await prisma.$transaction(async (tx) => {
    // Only the years this call inserted get their days: a concurrent seeder or an admin may own the others.
    const inserted = await tx.calendarYear.createManyAndReturn({
      data: years.map(({ year }) => ({ year, source })),
      skipDuplicates: true,
      select: { year: true },
    });
    if (inserted.length === 0) return;
    const insertedYears = new Set(inserted.map((row) => row.year));
    await tx.calendarDay.createMany({
      data: years
        .filter(({ year }) => insertedYears.has(year))
        .flatMap(({ year, days }) => days.map((day) => ({ date: toDbDate(day.date), year, kind: day.kind, name: day.name }))),
      skipDuplicates: true,
    });
    await tx.calendarRevision.create({
      data: { change: `seeded years ${describeYears([...insertedYears].sort((a, b) => a - b))}`, actorId: SYSTEM_ACTOR },
    });
  });
}
