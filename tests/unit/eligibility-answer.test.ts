/** The answer to "may this subject take part in honours / awards now?": derived from its blockers at an instant. */
import { describe, expect, it } from 'vitest';
import { answerEligibility, type EligibilityBlocker } from '../../domain/eligibility/eligibility.js';

const NOW = new Date('2026-11-30T04:00:00.000Z');

const blocker = (recordId: string, until: string | null): EligibilityBlocker => ({
  recordId,
  restriction: 'HONOR_EVALUATION',
  since: '2026-01-05T00:00:00.000Z',
  until,
  reason: 'PUBLISHED',
});

describe('eligibility answers', () => {
  it('a subject without blockers is eligible, with no expected end', () => {
    expect(answerEligibility('body-1', 'HONOR_EVALUATION', [], NOW)).toEqual({
      subjectId: 'body-1',
      eligible: true,
      restriction: 'HONOR_EVALUATION',
      blockers: [],
      expectedEnd: null,
      asOf: NOW.toISOString(),
    });
  });

  it('blocks that ended before the instant no longer count; one ending exactly now has ended', () => {
    const answer = answerEligibility('body-1', 'HONOR_EVALUATION', [blocker('r1', '2026-11-01T00:00:00.000Z'), blocker('r2', NOW.toISOString())], NOW);
    expect(answer).toMatchObject({ eligible: true, blockers: [], expectedEnd: null });
  });

  it('is ineligible while any block is in force, listed soonest end first, until the last of them ends', () => {
    const answer = answerEligibility(
      'body-1',
      'HONOR_EVALUATION',
      [blocker('late', '2027-06-01T00:00:00.000Z'), blocker('gone', '2026-01-01T00:00:00.000Z'), blocker('soon', '2026-12-01T00:00:00.000Z')],
      NOW,
    );
    expect(answer.eligible).toBe(false);
    expect(answer.blockers.map((b) => b.recordId)).toEqual(['soon', 'late']);
    expect(answer.expectedEnd).toBe('2027-06-01T00:00:00.000Z');
  });

  it('a block without an end (until repair or revocation) leaves the expected end open, and is listed last', () => {
    const answer = answerEligibility('servant-1', 'AWARDS', [blocker('open', null), blocker('dated', '2027-01-01T00:00:00.000Z')], NOW);
    expect(answer).toMatchObject({ eligible: false, restriction: 'AWARDS', expectedEnd: null });
    expect(answer.blockers.map((b) => b.recordId)).toEqual(['dated', 'open']);
  });
});
