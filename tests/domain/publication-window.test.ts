import { describe, expect, it } from 'vitest';
import { DEFAULT_PUBLICATION_POLICY, publicationPolicySchema, publicationWindow } from '../../domain/records/publication-policy.js';

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
