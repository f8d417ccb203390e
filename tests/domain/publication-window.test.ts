import { describe, expect, it } from 'vitest';
import { DEFAULT_PUBLICATION_POLICY, publicationPolicySchema, publicationWindow } from '../../domain/records/publication-policy.js';
import { computeRecordWindow } from '../../domain/records/record-window.js';
import { endOfLocalDay, localDateOf, startOfLocalDay } from '../../domain/calendar/local-date.js';

describe('minor records (轻微): published at most 3 months, repairable at once (国办发〔2025〕22号)', () => {
  it('runs 3 calendar months from the decision date, to a month end or a leap day where the month is shorter', () => {
    expect(publicationWindow('2026-03-02', 'MINOR', DEFAULT_PUBLICATION_POLICY)).toEqual({
      publishedFrom: '2026-03-02',
      minPublishedUntil: '2026-03-02',
      publishedUntil: '2026-06-02',
    });
    expect(publicationWindow('2026-11-30', 'MINOR', DEFAULT_PUBLICATION_POLICY).publishedUntil).toBe('2027-02-28');
    expect(publicationWindow('2027-11-30', 'MINOR', DEFAULT_PUBLICATION_POLICY).publishedUntil).toBe('2028-02-29');
  });

  it('a publication policy stored before MINOR existed gets the default minor period', () => {
    const stored = { periods: { GENERAL: { minMonths: 3, maxMonths: 12 }, SERIOUS: { minMonths: 12, maxMonths: 36 } } };
    expect(publicationPolicySchema.parse(stored).periods.MINOR).toEqual({ minMonths: 0, maxMonths: 3 });
    expect(publicationPolicySchema.parse(stored).stopPublicationEndsEffects).toBe(false);
  });
});

describe('publication start as a policy setting (rules.md: decision date or publication date [U])', () => {
  const byRegistration = { ...DEFAULT_PUBLICATION_POLICY, publicationStart: 'REGISTRATION_DATE' as const };

  it('runs from the decision date by default, whenever the record was registered', () => {
    expect(publicationWindow('2025-01-31', 'GENERAL', DEFAULT_PUBLICATION_POLICY, 'NONE', '2025-06-30')).toEqual({
      publishedFrom: '2025-01-31',
      minPublishedUntil: '2025-04-30',
      publishedUntil: '2026-01-31',
    });
  });

  it('runs from the registration date when the policy says so, with the month-end rule', () => {
    expect(publicationWindow('2025-01-10', 'GENERAL', byRegistration, 'NONE', '2024-02-29')).toMatchObject({
      publishedFrom: '2024-02-29',
      minPublishedUntil: '2024-05-29',
      publishedUntil: '2025-02-28',
    });
  });

  it('counts the registration day in the office zone: 01:30 Beijing time is already the next day', () => {
    const window = computeRecordWindow(
      { decisionDate: '2026-02-01', severity: 'GENERAL', leniency: 'NONE', policy: byRegistration, registeredAt: '2026-03-01T17:30:00Z' },
      (day) => endOfLocalDay(day, 'Asia/Shanghai').toISOString(),
      (day) => startOfLocalDay(day, 'Asia/Shanghai').toISOString(),
      (instant) => localDateOf(new Date(instant), 'Asia/Shanghai'),
    );
    expect(window.publishedFrom).toBe('2026-03-02');
    expect(window.publishedUntil).toBe('2027-03-02');
    // Sanctions and effects still run from the decision.
    expect(window.effectiveFrom).toBe(startOfLocalDay('2026-02-01', 'Asia/Shanghai').toISOString());
  });

  it('defaults the setting for policies stored before it existed', () => {
    const stored: Record<string, unknown> = { ...DEFAULT_PUBLICATION_POLICY };
    delete stored.publicationStart;
    expect(publicationPolicySchema.parse(stored).publicationStart).toBe('DECISION_DATE');
  });
});
