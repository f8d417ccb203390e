import { condition, proxyActivities, setHandler } from '@temporalio/workflow';
import type { Activities } from '../../activities/index.js';
import { CommitmentEventType } from '../../domain/commitment/commitment-types.js';
import { STANDARD_ACTIVITY_OPTIONS } from '../shared/activity-options.js';
import { SYSTEM_ACTOR } from '../shared/case-event.js';
import { CaseRuntime } from '../shared/case-runtime.js';
import { registerCommitmentActions, type CommitmentCase } from './commitment-actions.js';
import {
  CLOSED_COMMITMENT_STATUSES,
  COMMITMENT_CASE_TYPE,
  CommitmentStatus,
  commitmentStateQuery,
  CommitmentStep,
  type CommitmentResult,
  type CommitmentState,
  type CommitmentWorkflowInput,
} from './commitment-contract.js';
import { storeCommitmentTransition, type CommitmentTransitionDetails } from './commitment-projection.js';

const { commitmentCheckOpensAt, proposeRecordFromCommitment } = proxyActivities<Activities>(STANDARD_ACTIVITY_OPTIONS);

/**
 * 守信践诺: a body's public commitment runs period by period (one due date, or a recurring check every N months). The
 * body reports progress; at the due date (or when the body reports it fulfilled) the supervising authority checks it
 * (KEPT / LATE / BROKEN) within the policy's working days, reminded and escalated like every staff step. A broken
 * commitment ends the case and becomes a record proposal; kept and late checks are stored so they can be counted.
 */
export async function commitmentWorkflow(input: CommitmentWorkflowInput): Promise<CommitmentResult> {
  const policy = input.policy.params;
  const state: CommitmentState = {
    commitmentId: input.commitmentId,
    status: CommitmentStatus.REGISTERED,
    step: null,
    claimedById: null,
    period: 0,
    dueDate: input.dueDates[0] ?? '',
    checks: [],
    recordProposalId: null,
  };
  const bodyActorIds: string[] = [input.registeredById];
  const runtime: CommitmentCase['runtime'] = new CaseRuntime<CommitmentState, CommitmentTransitionDetails>({
    ...input,
    caseId: input.commitmentId,
    caseType: COMMITMENT_CASE_TYPE,
    // No record yet: one is only proposed when the commitment is broken.
    recordId: null,
    state,
    closedStatuses: CLOSED_COMMITMENT_STATUSES,
    excludedActorIds: () => bodyActorIds,
    reminderWorkingDaysBefore: policy.reminderWorkingDaysBefore,
    store: storeCommitmentTransition(state),
  });
  setHandler(commitmentStateQuery, () => state);
  registerCommitmentActions({ input, policy, state, runtime, bodyActorIds });

  for (let period = 0; period < input.dueDates.length && !runtime.isClosed(); period++) {
    const dueDate = input.dueDates[period]!;
    state.period = period;
    state.dueDate = dueDate;
    runtime.moveTo(CommitmentStatus.ACTIVE);
    await runtime.record(CommitmentEventType.PERIOD_STARTED, SYSTEM_ACTOR, { data: { period, dueDate, periods: input.dueDates.length } });
    const opensAt = await commitmentCheckOpensAt({ dueDate, registeredAt: input.registeredAt });
    // Waiting for the due date: the body may report progress, or report the commitment fulfilled early.
    runtime.settling.settled();
    const reported = await condition(() => state.status !== CommitmentStatus.ACTIVE, Math.max(1, Date.parse(opensAt) - Date.now()));
    if (!reported) {
      runtime.moveTo(CommitmentStatus.CHECK_DUE);
      await runtime.record(CommitmentEventType.CHECK_DUE, SYSTEM_ACTOR, { data: { period, dueDate, cause: 'DUE_DATE' } });
    }
    await runtime.runStep(
      { step: CommitmentStep.CHECK, assigneeRole: 'REVIEWER', workingDays: policy.checkWorkingDays, onOverdue: 'escalate' },
      () => state.status !== CommitmentStatus.CHECK_DUE,
    );
  }

  if (state.status === CommitmentStatus.BROKEN) {
    const { proposalId } = await runtime.log.chain(() => proposeRecordFromCommitment({ commitmentId: input.commitmentId, period: state.period }));
    state.recordProposalId = proposalId;
    await runtime.record(CommitmentEventType.RECORD_PROPOSED, SYSTEM_ACTOR, { data: { recordProposalId: proposalId, period: state.period } });
  }

  await runtime.finish();
  return { status: state.status === 'BROKEN' ? 'BROKEN' : state.status === 'LATE' ? 'LATE' : 'KEPT' };
}
