import {
  allHandlersFinished,
  condition,
  continueAsNew,
  proxyActivities,
  setHandler,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import type { Activities } from '../../activities/index.js';
import { answerEligibility, type EligibilityBlocker } from '../../domain/eligibility/eligibility.js';
import { CaseStatusKey, CaseTypeKey, SubjectIdKey } from '../shared/search-attributes.js';
import {
  ELIGIBILITY_CASE_TYPE,
  eligibilityQuery,
  recordEligibilityChangedSignal,
  type EligibilityWorkflowInput,
  type RecordEligibilityChange,
} from './eligibility-contract.js';
import { STANDARD_ACTIVITY_OPTIONS } from '../shared/activity-options.js';

const { saveEligibility } = proxyActivities<Activities>(STANDARD_ACTIVITY_OPTIONS);

const DEFAULT_MAX_EVENTS_PER_RUN = 500;

/**
 * One per subject, for as long as the subject exists: holds which records block its honor eligibility
 * (荣誉评选资格 / 评优评先) and until when. Record workflows report changes by signal; a timer ends blocks
 * that run out; every change is saved (read model + timeline) by an activity. Continues as new to keep
 * its history short over years of events.
 */
export async function subjectEligibilityWorkflow(input: EligibilityWorkflowInput): Promise<void> {
  const blockers = new Map<string, EligibilityBlocker>((input.carried?.blockers ?? []).map((b) => [b.recordId, b]));
  const recordVersions: Record<string, number> = { ...(input.carried?.recordVersions ?? {}) };
  let sequence = input.carried?.sequence ?? 0;
  let eventsThisRun = 0;
  const pending: RecordEligibilityChange[] = [];
  const maxEvents = input.maxEventsPerRun ?? DEFAULT_MAX_EVENTS_PER_RUN;

  const answer = () => answerEligibility(input.subjectId, input.restriction, [...blockers.values()], new Date());
  setHandler(eligibilityQuery, answer);
  setHandler(recordEligibilityChangedSignal, (change) => {
    pending.push(change);
  });

  // The eligibility last saved: the "before" of the next change.
  let savedEligible = input.carried ? answer().eligible : true;

  async function save(cause: string, recordId: string | null): Promise<void> {
    sequence += 1;
    const current = answer();
    const eligibleBefore = savedEligible;
    savedEligible = current.eligible;
    upsertSearchAttributes([
      { key: CaseTypeKey, value: ELIGIBILITY_CASE_TYPE },
      { key: SubjectIdKey, value: input.subjectId },
      { key: CaseStatusKey, value: current.eligible ? 'ELIGIBLE' : 'SUSPENDED' },
    ]);
    await saveEligibility({
      workflowId: workflowInfo().workflowId,
      sequence,
      answer: current,
      event: { cause, recordId, eligibleBefore, eligibleAfter: current.eligible, occurredAt: new Date().toISOString() },
    });
  }

  function apply(change: RecordEligibilityChange): boolean {
    if (change.recordVersion <= (recordVersions[change.recordId] ?? 0)) return false; // duplicate or late
    recordVersions[change.recordId] = change.recordVersion;
    if (change.blocker) blockers.set(change.recordId, change.blocker);
    else blockers.delete(change.recordId);
    return true;
  }

  function nextExpiry(): number | null {
    const now = Date.now();
    const ends = [...blockers.values()]
      .map((b) => (b.until ? Date.parse(b.until) : Number.NaN))
      .filter((t) => Number.isFinite(t) && t > now);
    return ends.length ? Math.min(...ends) : null;
  }

  if (!input.carried) await save('OPENED', null);

  for (;;) {
    const expiry = nextExpiry();
    const wake = () => pending.length > 0;
    if (expiry === null) await condition(wake);
    else await condition(wake, Math.max(1, expiry - Date.now()));

    while (pending.length > 0) {
      const change = pending.shift()!;
      if (apply(change)) {
        eventsThisRun += 1;
        await save(change.cause, change.recordId);
      }
    }
    const now = Date.now();
    for (const blocker of [...blockers.values()]) {
      if (blocker.until && Date.parse(blocker.until) <= now) {
        blockers.delete(blocker.recordId);
        eventsThisRun += 1;
        await save('EXPIRED', blocker.recordId);
      }
    }

    if ((eventsThisRun >= maxEvents || workflowInfo().continueAsNewSuggested) && pending.length === 0) {
      await condition(allHandlersFinished);
      await continueAsNew<typeof subjectEligibilityWorkflow>({
        ...input,
        carried: { blockers: [...blockers.values()], recordVersions, sequence },
      });
    }
  }
}
