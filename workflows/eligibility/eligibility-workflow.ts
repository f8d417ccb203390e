import {
  allHandlersFinished,
  condition,
  continueAsNew,
  patched,
  proxyActivities,
  proxyLocalActivities,
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
import { LOCAL_ACTIVITY_OPTIONS, STANDARD_ACTIVITY_OPTIONS } from '../shared/activity-options.js';
import type { SaveEligibilityInput } from '../../activities/eligibility-activities.js';

const { saveEligibility } = proxyActivities<Activities>(STANDARD_ACTIVITY_OPTIONS);
const { saveEligibilityChanges } = proxyLocalActivities<Activities>(LOCAL_ACTIVITY_OPTIONS);

/**
 * Patch: the changes drained from the pending signals (and the blocks that ran out) are saved together, by one local
 * activity per drain (at most MAX_CHANGES_PER_SAVE changes each), instead of one ordinary activity per change: a
 * subject with many records is no longer a hot workflow. Histories made before it replay with one save per change.
 */
export const BATCHED_ELIGIBILITY_SAVES_PATCH = 'eligibility-batched-saves';
const MAX_CHANGES_PER_SAVE = 100;

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

  /** The search attributes and the input of one save, as the subject stands now (the sequence taken). */
  function prepareSave(cause: string, recordId: string | null): SaveEligibilityInput {
    sequence += 1;
    const current = answer();
    const eligibleBefore = savedEligible;
    savedEligible = current.eligible;
    return {
      workflowId: workflowInfo().workflowId,
      sequence,
      answer: current,
      event: { cause, recordId, eligibleBefore, eligibleAfter: current.eligible, occurredAt: new Date().toISOString() },
    };
  }

  function upsertStatus(eligible: boolean): void {
    upsertSearchAttributes([
      { key: CaseTypeKey, value: ELIGIBILITY_CASE_TYPE },
      { key: SubjectIdKey, value: input.subjectId },
      { key: CaseStatusKey, value: eligible ? 'ELIGIBLE' : 'SUSPENDED' },
    ]);
  }

  /** One change, one ordinary activity (histories made before BATCHED_ELIGIBILITY_SAVES_PATCH). */
  async function save(cause: string, recordId: string | null): Promise<void> {
    const prepared = prepareSave(cause, recordId);
    upsertStatus(prepared.answer.eligible);
    await saveEligibility(prepared);
  }

  /** The changes prepared and not yet saved (batched saves). */
  const unsaved: SaveEligibilityInput[] = [];

  async function saveUnsaved(): Promise<void> {
    const saves = unsaved.splice(0);
    if (saves.length === 0) return;
    upsertStatus(saves.at(-1)!.answer.eligible);
    eventsThisRun += saves.length;
    await saveEligibilityChanges(saves);
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

  if (!input.carried) {
    // Batched: the opening is saved with the first changes (signal-with-start delivers the first one with it).
    if (patched(BATCHED_ELIGIBILITY_SAVES_PATCH)) unsaved.push(prepareSave('OPENED', null));
    else await save('OPENED', null);
  }

  for (;;) {
    const expiry = nextExpiry();
    const wake = () => pending.length > 0 || unsaved.length > 0;
    if (expiry === null) await condition(wake);
    else await condition(wake, Math.max(1, expiry - Date.now()));

    if (patched(BATCHED_ELIGIBILITY_SAVES_PATCH)) {
      // Everything that arrived is applied first, then saved together; signals that arrive during the save wait
      // for the next turn of the loop.
      while (pending.length > 0 && unsaved.length < MAX_CHANGES_PER_SAVE) {
        const change = pending.shift()!;
        if (apply(change)) unsaved.push(prepareSave(change.cause, change.recordId));
      }
      const now = Date.now();
      for (const blocker of [...blockers.values()]) {
        if (blocker.until && Date.parse(blocker.until) <= now) {
          blockers.delete(blocker.recordId);
          unsaved.push(prepareSave('EXPIRED', blocker.recordId));
        }
      }
      await saveUnsaved();
    } else {
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
