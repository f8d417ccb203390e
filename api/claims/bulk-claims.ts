import { toAppError } from '../errors/error-middleware.js';
import { PROBLEM_STATUS, PROBLEM_TYPE_BASE } from '../errors/problem-status.js';
import type { ClaimAct } from './claim-routes.js';

/** The claim actions of each case type, by case type (the same `act` its own claim routes use). */
export type ClaimActs = Record<string, ClaimAct>;

export interface BulkItem {
  caseType: string;
  caseId: string;
}

/**
 * Runs one claim update per case, one after the other, and answers for each what it alone would have answered: a
 * refusal of one case (claimed by someone else, not visible, closed) does not undo or stop the others.
 */
export async function runBulk(
  acts: ClaimActs,
  items: readonly BulkItem[],
  run: (act: ClaimAct, item: BulkItem) => Promise<unknown>,
  onUnexpected: (err: unknown) => void = () => {},
) {
  const results = [];
  for (const item of items) {
    const act = acts[item.caseType];
    try {
      if (!act) throw new Error(`no claim routes for ${item.caseType}`);
      const after = (await run(act, item)) as { claimedById?: string | null };
      results.push({ ...item, status: 200, claimedById: after.claimedById ?? null });
    } catch (err) {
      const appError = toAppError(err);
      const { status, title } = PROBLEM_STATUS[appError.code];
      if (status >= 500) onUnexpected(err);
      const detail = status >= 500 ? 'An unexpected error occurred' : appError.message;
      results.push({ ...item, status, problem: { type: PROBLEM_TYPE_BASE + appError.code, title, status, detail } });
    }
  }
  return results;
}
