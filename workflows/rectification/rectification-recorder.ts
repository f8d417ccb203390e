import { proxyActivities, upsertSearchAttributes, workflowInfo } from '@temporalio/workflow';
import type { SearchAttributeUpdatePair } from '@temporalio/common';
import type { Activities } from '../../activities/index.js';
import type { RectificationOpening, RectificationReadModelPatch } from '../../activities/rectification-transition.js';
import type { RectificationStatus } from '../../domain/records/record-types.js';
import type { RectificationEventType } from '../../domain/rectification/rectification-types.js';
import type { Actor } from '../../domain/roles.js';
import type { ClaimEventType } from '../shared/claim-contract.js';
import {
  AssigneeRoleKey,
  CaseDueAtKey,
  CaseStatusKey,
  CaseTypeKey,
  EscalatedKey,
  RecordIdKey,
  SubjectIdKey,
} from '../shared/search-attributes.js';
import {
  CLOSED_RECTIFICATION_STATUSES,
  RECTIFICATION_CASE_TYPE,
  type RectificationState,
  type RectificationWorkflowInput,
} from './rectification-contract.js';
import { STANDARD_ACTIVITY_OPTIONS } from '../shared/activity-options.js';
import { newCaseEvent } from '../shared/case-event.js';
import { currentAssigneeRole } from '../shared/human-step.js';

const { recordRectificationTransition } = proxyActivities<Activities>(STANDARD_ACTIVITY_OPTIONS);

export interface TransitionDetails {
  reason?: string | null | undefined;
  data?: Record<string, unknown>;
  readModel?: Partial<Pick<RectificationReadModelPatch, 'explanation' | 'plan'>>;
  recordStatus?: RectificationStatus | undefined;
  opening?: RectificationOpening;
}

/**
 * Writes the case's transitions through one chain, so the read model sees them in the order the workflow made
 * them; each write carries a deterministic event key and keeps the search attributes in step.
 */
export class RectificationRecorder {
  private sequence = 0;
  private recordStatus: RectificationStatus | null = null;
  private writes: Promise<unknown> = Promise.resolve();
  private readonly eventKeyPrefix = `${workflowInfo().workflowId}/${workflowInfo().firstExecutionRunId}`;

  constructor(
    private readonly input: RectificationWorkflowInput,
    private readonly state: RectificationState,
    /** Search attributes the case's claims add (ClaimedBy, once claims are in use). */
    private readonly claims: { searchAttributes(): SearchAttributeUpdatePair[] } = { searchAttributes: () => [] },
  ) {}

  /** Records a transition made just now (state already changed); resolves when it is in the database. */
  record(type: RectificationEventType | ClaimEventType, actor: Actor, details: TransitionDetails = {}): Promise<void> {
    const readModel = { ...this.readModel(), ...details.readModel };
    // The record is written only when its rectificationStatus changes.
    const recordStatus = details.recordStatus !== this.recordStatus ? details.recordStatus : undefined;
    if (details.recordStatus) this.recordStatus = details.recordStatus;
    this.syncSearchAttributes(readModel);
    const event = newCaseEvent({ eventKey: `${this.eventKeyPrefix}/${++this.sequence}`, caseId: this.input.rectificationId, caseType: RECTIFICATION_CASE_TYPE }, type, actor, details);
    const write = this.writes.then(() =>
      recordRectificationTransition({ event, readModel, opening: details.opening, recordStatus }),
    );
    this.writes = write;
    return write.then(() => undefined);
  }

  /** Resolves when every transition recorded so far is written. */
  async drained(): Promise<void> {
    await this.writes;
  }

  private readModel(): RectificationReadModelPatch {
    const { state } = this;
    const step = state.step;
    const deadline = step?.deadline ?? null;
    return {
      status: state.status,
      currentStep: step?.step ?? null,
      assigneeRole: currentAssigneeRole(step),
      dueAt: deadline?.dueAt ?? null,
      dueProvisional: deadline?.provisional ?? false,
      escalationLevel: state.escalationLevel,
      returnedCount: state.returnedCount,
      claimedById: state.claimedById,
      ...(CLOSED_RECTIFICATION_STATUSES.includes(state.status) ? { closedAt: new Date().toISOString() } : {}),
    };
  }

  private syncSearchAttributes(patch: RectificationReadModelPatch): void {
    upsertSearchAttributes([
      { key: CaseTypeKey, value: RECTIFICATION_CASE_TYPE },
      { key: SubjectIdKey, value: this.input.subjectId },
      { key: RecordIdKey, value: this.input.recordId },
      { key: CaseStatusKey, value: this.state.status },
      { key: AssigneeRoleKey, value: patch.assigneeRole },
      { key: CaseDueAtKey, value: patch.dueAt ? new Date(patch.dueAt) : null },
      { key: EscalatedKey, value: this.state.escalationLevel !== 'NONE' },
      ...this.claims.searchAttributes(),
    ]);
  }
}
