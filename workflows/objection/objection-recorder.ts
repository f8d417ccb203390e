import { proxyActivities, upsertSearchAttributes, workflowInfo } from '@temporalio/workflow';
import type { Activities } from '../../activities/index.js';
import type { ObjectionReadModelPatch, RecordEffect } from '../../activities/objection-transition.js';
import { CLOSED_OBJECTION_STATUSES, type ObjectionEventType, type ObjectionStep } from '../../domain/objection/objection-types.js';
import type { Actor } from '../../domain/roles.js';
import { STANDARD_ACTIVITY_OPTIONS } from '../shared/activity-options.js';
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
import type { StepClaims } from '../shared/step-claims.js';
import { OBJECTION_CASE_TYPE, type ObjectionState, type ObjectionWorkflowInput } from './objection-contract.js';
import { newCaseEvent } from '../shared/case-event.js';
import { currentAssigneeRole, type HumanStep } from '../shared/human-step.js';

const { recordObjectionTransition } = proxyActivities<Activities>(STANDARD_ACTIVITY_OPTIONS);

/** Transitions that answer the applicant, and the outbox topic that tells them (like repair decisions). */
const NOTIFIED: Partial<Record<string, string>> = {
  DECIDED: 'objection.decided',
  SECOND_REVIEW_DECIDED: 'objection.decided',
  NOT_ACCEPTED: 'objection.not-accepted',
  CLOSED_RECORD_ENDED: 'objection.closed',
};


export interface ObjectionTransitionDetails {
  reason?: string | null | undefined;
  data?: Record<string, unknown>;
  recordEffect?: RecordEffect;
}

/**
 * Writes the case's transitions through one chain, so the read model sees them in the order the workflow made
 * them; each write carries a deterministic event key and keeps the search attributes in step.
 */
export class ObjectionRecorder {
  activeStep: HumanStep<ObjectionStep> | null = null;
  private sequence = 0;
  private writes: Promise<unknown> = Promise.resolve();
  private readonly eventKeyPrefix = `${workflowInfo().workflowId}/${workflowInfo().firstExecutionRunId}`;

  constructor(
    private readonly input: ObjectionWorkflowInput,
    private readonly state: ObjectionState,
    private readonly claims: StepClaims,
  ) {}

  /** Records a transition made just now (state already changed); resolves when it is in the database. */
  record(type: ObjectionEventType | ClaimEventType, actor: Actor, details: ObjectionTransitionDetails = {}): Promise<void> {
    const decided = type === 'DECIDED' || type === 'SECOND_REVIEW_DECIDED';
    const patch = { ...this.readModel(), ...(decided ? { decisionReasons: details.reason ?? null } : {}) };
    this.syncSearchAttributes(patch);
    const event = newCaseEvent({ eventKey: `${this.eventKeyPrefix}/${++this.sequence}`, caseId: this.input.caseId, caseType: OBJECTION_CASE_TYPE }, type, actor, details);
    const topic = NOTIFIED[type];
    const notification = topic
      ? {
          topic,
          recipientId: this.input.applicantId,
          payload: { caseId: this.input.caseId, recordId: this.input.recordId, status: this.state.status, outcome: this.state.outcome, reasons: details.reason ?? null, ...details.data },
        }
      : undefined;
    const write = this.writes.then(() => recordObjectionTransition({ event, readModel: patch, recordEffect: details.recordEffect, notification }));
    this.writes = write;
    return write.then(() => undefined);
  }

  /** Resolves when every transition recorded so far is written. */
  async drained(): Promise<void> {
    await this.writes;
  }

  private readModel(): ObjectionReadModelPatch {
    const { state } = this;
    const step = this.activeStep?.state ?? null;
    const deadline = step?.deadline ?? null;
    return {
      status: state.status,
      outcome: state.outcome,
      decidedById: state.decidedById,
      currentStep: step?.step ?? null,
      assigneeRole: currentAssigneeRole(step),
      dueAt: deadline?.dueAt ?? null,
      dueProvisional: deadline?.provisional ?? false,
      calendarVersion: deadline?.calendarVersion ?? null,
      escalated: step?.escalated ?? false,
      extendedWorkingDays: state.extendedWorkingDays,
      claimedById: state.claimedById,
      ...(CLOSED_OBJECTION_STATUSES.includes(state.status) ? { closedAt: new Date().toISOString() } : {}),
    };
  }

  private syncSearchAttributes(patch: ObjectionReadModelPatch): void {
    upsertSearchAttributes([
      { key: CaseTypeKey, value: OBJECTION_CASE_TYPE },
      { key: SubjectIdKey, value: this.input.subjectId },
      { key: RecordIdKey, value: this.input.recordId },
      { key: CaseStatusKey, value: this.state.status },
      { key: AssigneeRoleKey, value: patch.assigneeRole ?? null },
      { key: CaseDueAtKey, value: patch.dueAt ? new Date(patch.dueAt) : null },
      { key: EscalatedKey, value: patch.escalated ?? false },
      ...this.claims.searchAttributes(),
    ]);
  }
}
