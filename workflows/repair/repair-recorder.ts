import { proxyActivities, upsertSearchAttributes, workflowInfo } from '@temporalio/workflow';
import type { SearchAttributeUpdatePair } from '@temporalio/common';
import type { Activities } from '../../activities/index.js';
import type { RepairEffect, RepairNotification, RepairReadModelPatch } from '../../activities/repair-transition.js';
import type { Actor } from '../../domain/roles.js';
import { STANDARD_ACTIVITY_OPTIONS } from '../shared/activity-options.js';
import { AssigneeRoleKey, CaseDueAtKey, CaseStatusKey, CaseTypeKey, EscalatedKey, RecordIdKey, SubjectIdKey } from '../shared/search-attributes.js';
import { CLOSED_REPAIR_STATUSES, REPAIR_CASE_TYPE, type RepairState, type RepairStep, type RepairWorkflowInput } from './repair-contract.js';
import { newCaseEvent, SYSTEM_ACTOR } from '../shared/case-event.js';
import { currentAssigneeRole, type HumanStep, type HumanStepHooks } from '../shared/human-step.js';

const { recordRepairTransition, computeStepDeadline } = proxyActivities<Activities>(STANDARD_ACTIVITY_OPTIONS);

export interface RepairTransitionDetails {
  reason?: string | null | undefined;
  data?: Record<string, unknown>;
  readModel?: Partial<RepairReadModelPatch>;
  effect?: RepairEffect;
  /** Tell the applicant (outbox). */
  notify?: { topic: string; payload: Record<string, unknown> };
}

/** Writes the case's transitions in order (one chain), with deterministic event keys and search attributes. */
export class RepairRecorder {
  private sequence = 0;
  private writes: Promise<unknown> = Promise.resolve();
  private readonly prefix = `${workflowInfo().workflowId}/${workflowInfo().firstExecutionRunId}`;
  activeStep: HumanStep<RepairStep> | null = null;

  constructor(
    private readonly input: RepairWorkflowInput,
    private readonly state: RepairState,
    /** Search attributes the case's claims add (ClaimedBy, once claims are in use: older histories replay unchanged). */
    private readonly claims: { searchAttributes(): SearchAttributeUpdatePair[] } = { searchAttributes: () => [] },
  ) {}

  record(type: string, actor: Actor, details: RepairTransitionDetails = {}): Promise<void> {
    const readModel = { ...this.readModel(), ...details.readModel };
    this.syncSearchAttributes(readModel);
    const event = newCaseEvent({ eventKey: `${this.prefix}/${++this.sequence}`, caseId: this.input.applicationId, caseType: REPAIR_CASE_TYPE }, type, actor, details);
    const notification: RepairNotification | undefined = details.notify
      ? {
          topic: details.notify.topic,
          recipientId: this.input.applicantId,
          payload: { applicationId: this.input.applicationId, recordId: this.input.recordId, ...details.notify.payload },
        }
      : undefined;
    const write = this.writes.then(() => recordRepairTransition({ event, readModel, effect: details.effect, notification }));
    this.writes = write;
    return write.then(() => undefined);
  }

  async drained(): Promise<void> {
    await this.writes;
  }

  stepHooks(onWaiting: () => void): HumanStepHooks<RepairStep> {
    return {
      computeDeadline: (request) => computeStepDeadline(request),
      opened: (step) =>
        this.record('STEP_OPENED', SYSTEM_ACTOR, { data: { step: step.step, assigneeRole: step.assigneeRole, deadline: step.deadline } }),
      reminded: (step) => this.record('REMINDER_SENT', SYSTEM_ACTOR, { data: { step: step.step, dueAt: step.deadline?.dueAt } }),
      overdue: async (step) => {
        if (step.assigneeRole === 'APPLICANT') return; // an applicant's window lapses; the workflow closes it
        await this.record('ESCALATED', SYSTEM_ACTOR, { data: { step: step.step, escalatedTo: 'SUPERVISOR', dueAt: step.deadline?.dueAt } });
      },
      rescheduled: (step, previous) => this.record('DEADLINE_RECOMPUTED', SYSTEM_ACTOR, { data: { step: step.step, previous, deadline: step.deadline } }),
      waiting: onWaiting,
    };
  }

  /** The read model, with the claimer of the open step (the activity writes every field onto the application row). */
  private readModel(): RepairReadModelPatch {
    const step = this.activeStep?.state ?? null;
    const closed = CLOSED_REPAIR_STATUSES.includes(this.state.status);
    return {
      status: this.state.status,
      currentStep: step?.step ?? null,
      assigneeRole: currentAssigneeRole(step),
      dueAt: step?.deadline?.dueAt ?? null,
      dueProvisional: step?.deadline?.provisional ?? false,
      escalated: step?.escalated ?? false,
      clockPaused: this.state.status === 'NEEDS_CORRECTION',
      reviewedById: this.state.reviewedById,
      decidedById: this.state.decidedById,
      claimedById: this.state.claimedById,
      ...(closed ? { closedAt: new Date().toISOString() } : {}),
    };
  }

  private syncSearchAttributes(patch: RepairReadModelPatch): void {
    upsertSearchAttributes([
      { key: CaseTypeKey, value: REPAIR_CASE_TYPE },
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
