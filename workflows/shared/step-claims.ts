import { setHandler } from '@temporalio/workflow';
import type { SearchAttributeUpdatePair } from '@temporalio/common';
import type { Actor, Role } from '../../domain/roles.js';
import {
  ClaimEventType,
  claimStepUpdate,
  delegateStepUpdate,
  handOverStepUpdate,
  reassignStepUpdate,
  releaseStepUpdate,
  returnStepUpdate,
  type PassStepCommand,
  type StepClaimState,
} from './claim-contract.js';
import { FailureType } from './failure-types.js';
import type { HumanStepState } from './human-step.js';
import { ClaimedByKey } from './search-attributes.js';
import { reject } from './validators.js';
import type { CaseNotification } from './case-event.js';

const STAFF: readonly Role[] = ['REVIEWER', 'SUPERVISOR'];

/** What the claim rules need to know about the case that owns the steps. */
export interface ClaimableCase {
  /** The authority whose staff work on the case. */
  authorityId: string;
  /** The open step, if any. */
  currentStep(): HumanStepState | null;
  /** People who may never act as staff on this case (the filer, those who acted for the body). */
  excludedActorIds(): readonly string[];
  /** Where the claim lives in the workflow's state (so queries and the read model show it). */
  holder: { claimedById: string | null };
}

/** Writes a claim's timeline event and read model (and search attributes) through the workflow's own transition. */
export type ClaimRecorder = (
  type: ClaimEventType,
  actor: Actor,
  details: { reason?: string | null; data: Record<string, unknown>; notices?: CaseNotification[] },
) => Promise<void>;

/** Outbox topics that tell a colleague a step was handed to them (转办), delegated to them (委派) or returned (委派完成). */
export const ClaimNoticeTopic = {
  HANDED_OVER: 'step.handed-over',
  DELEGATED: 'step.delegated',
  DELEGATION_RETURNED: 'step.delegation-returned',
} as const;

/**
 * Claims on a case's current step: offered to the staff of the case's authority, taken by one of them, released by
 * them (or an administrator), reassigned by an administrator, handed over (转办) or delegated (委派) by the claimer to
 * an eligible colleague. A claim belongs to one step: it ends when the step does. While a step is claimed only the
 * claimer or a supervisor may decide it (a delegate returns it instead); unclaimed steps stay open to all staff.
 */
export class StepClaims {
  /** True once this run saw a claim: only then do search-attribute upserts carry ClaimedBy (older histories replay unchanged). */
  private used = false;
  /** While the step is delegated: who delegated it (the claim comes back to them). Ends with the step or its claim. */
  private delegatedById: string | null = null;

  constructor(private readonly kase: ClaimableCase) {}

  get claimedById(): string | null {
    return this.kase.holder.claimedById;
  }

  /** The step ended: its claim ends with it (written by the transition that closes the step). */
  clear(): void {
    this.kase.holder.claimedById = null;
    this.delegatedById = null;
  }

  /** The ClaimedBy search attribute, once claims are in use on this case. */
  searchAttributes(): SearchAttributeUpdatePair[] {
    return this.used ? [{ key: ClaimedByKey, value: this.claimedById }] : [];
  }

  view(): StepClaimState {
    return { step: this.kase.currentStep()?.step ?? null, claimedById: this.claimedById, ...(this.delegatedById ? { delegatedById: this.delegatedById } : {}) };
  }

  /** For decision validators: a claimed step is decided by its claimer or a supervisor. */
  requireClaimerOrSupervisor(actor: Actor, action: string): void {
    const claimedById = this.claimedById;
    if (claimedById && actor.id !== claimedById && actor.role !== 'SUPERVISOR') {
      reject(FailureType.FORBIDDEN, `The step is claimed by ${claimedById}; only they or a supervisor may ${action}`);
    }
    if (this.delegatedById && actor.id === claimedById && actor.role !== 'SUPERVISOR') {
      reject(FailureType.FORBIDDEN, `The step was delegated to you by ${this.delegatedById}: return it to them, who may ${action}`);
    }
  }

  /** Registers claimStep, releaseStep, reassignStep, handOverStep, delegateStep and returnDelegatedStep on the workflow. */
  register(record: ClaimRecorder): void {
    setHandler(
      claimStepUpdate,
      async ({ actor, note }) => {
        // Re-checked here: two claims validated in one activation must not both win.
        this.requireUnclaimed(actor);
        this.take(actor.id);
        await record(ClaimEventType.STEP_CLAIMED, actor, { reason: note ?? null, data: this.eventData() });
        return this.view();
      },
      { validator: ({ actor }) => this.validateClaim(actor) },
    );
    setHandler(
      releaseStepUpdate,
      async ({ actor, reason }) => {
        const releasedId = this.claimedById;
        this.clear();
        // (clear() also ends a delegation: the step goes back to every eligible colleague.)
        await record(ClaimEventType.STEP_RELEASED, actor, { reason: reason ?? null, data: { ...this.eventData(), releasedId } });
        return this.view();
      },
      { validator: ({ actor }) => this.validateRelease(actor) },
    );
    setHandler(
      reassignStepUpdate,
      async ({ actor, assignee, reason }) => {
        const previousId = this.claimedById;
        this.delegatedById = null;
        this.take(assignee.id);
        await record(ClaimEventType.STEP_REASSIGNED, actor, { reason: reason ?? null, data: { ...this.eventData(), previousId } });
        return this.view();
      },
      { validator: ({ actor, assignee }) => this.validateReassign(actor, assignee) },
    );
    setHandler(
      handOverStepUpdate,
      async (command) => {
        // Re-checked here, as a claim is: two passes validated in one activation must not both win.
        this.validatePass(command);
        this.take(command.colleague.id);
        const data = { ...this.eventData(), previousId: command.actor.id };
        const notices = [this.notice(ClaimNoticeTopic.HANDED_OVER, command.colleague.id, command.actor, command.note)];
        await record(ClaimEventType.STEP_HANDED_OVER, command.actor, { reason: command.note, data, notices });
        return this.view();
      },
      { validator: (command) => this.validatePass(command) },
    );
    setHandler(
      delegateStepUpdate,
      async (command) => {
        this.validatePass(command);
        this.delegatedById = command.actor.id;
        this.take(command.colleague.id);
        const data = { ...this.eventData(), delegatedById: command.actor.id };
        const notices = [this.notice(ClaimNoticeTopic.DELEGATED, command.colleague.id, command.actor, command.note)];
        await record(ClaimEventType.STEP_DELEGATED, command.actor, { reason: command.note, data, notices });
        return this.view();
      },
      { validator: (command) => this.validatePass(command) },
    );
    setHandler(
      returnStepUpdate,
      async ({ actor, note }) => {
        this.validateReturn(actor, note);
        const delegatorId = this.delegatedById;
        this.delegatedById = null;
        if (delegatorId) this.take(delegatorId);
        const notices = delegatorId ? [this.notice(ClaimNoticeTopic.DELEGATION_RETURNED, delegatorId, actor, note)] : [];
        await record(ClaimEventType.STEP_DELEGATION_RETURNED, actor, { reason: note, data: { ...this.eventData(), delegateId: actor.id }, notices });
        return this.view();
      },
      { validator: ({ actor, note }) => this.validateReturn(actor, note) },
    );
  }

  private take(actorId: string): void {
    this.used = true;
    this.kase.holder.claimedById = actorId;
  }

  /** A message for the colleague a step went to (or came back to): which step, from whom, and the note. */
  private notice(topic: string, recipientId: string, from: Actor, note: string): CaseNotification {
    return { topic, recipientId, payload: { step: this.kase.currentStep()?.step ?? null, fromId: from.id, note } };
  }

  private eventData(): Record<string, unknown> {
    return { step: this.kase.currentStep()?.step ?? null, claimedById: this.claimedById };
  }

  /** The open step, if staff work on it; otherwise there is nothing to claim (409). */
  private staffStep(): HumanStepState {
    const step = this.kase.currentStep();
    if (!step) reject(FailureType.INVALID_STATE, 'The case has no open step to claim');
    if (step.assigneeRole === 'APPLICANT') {
      reject(FailureType.INVALID_STATE, `The current step ${step.step} is the applicant's; there is nothing for staff to claim`);
    }
    return step;
  }

  /** Staff of the case's authority who may work on the step (supervisors only on a supervisor's step). */
  private requireEligible(person: Actor, step: HumanStepState, failure: FailureType, who: string): void {
    if (!STAFF.includes(person.role) || !person.authorityId || person.authorityId !== this.kase.authorityId) {
      reject(failure, `${who} must be a reviewer or supervisor of the authority that made the record`);
    }
    if (this.kase.excludedActorIds().includes(person.id)) reject(failure, `${who} acted for the other side of this case`);
    if (step.assigneeRole === 'SUPERVISOR' && person.role !== 'SUPERVISOR') {
      reject(failure, `The step ${step.step} is a supervisor's: ${who.toLowerCase()} must be a supervisor`);
    }
  }

  private requireUnclaimed(actor: Actor): void {
    const claimedById = this.claimedById;
    if (claimedById === actor.id) reject(FailureType.INVALID_STATE, 'You have already claimed this step');
    if (claimedById) reject(FailureType.INVALID_STATE, `The step is already claimed by ${claimedById}`);
  }

  private validateClaim(actor: Actor): void {
    const step = this.staffStep();
    this.requireEligible(actor, step, FailureType.FORBIDDEN, 'The claimer');
    this.requireUnclaimed(actor);
  }

  private validateRelease(actor: Actor): void {
    if (!this.claimedById) reject(FailureType.INVALID_STATE, 'The step is not claimed');
    if (actor.id !== this.claimedById && actor.role !== 'ADMIN') {
      reject(FailureType.FORBIDDEN, `Only ${this.claimedById}, who claimed the step, or an administrator may release it`);
    }
  }

  /** 转办 and 委派: by the claimer (not a delegate), with a note, to an eligible colleague other than themselves. */
  private validatePass({ actor, colleague, note }: PassStepCommand): void {
    const step = this.staffStep();
    if (!this.claimedById) reject(FailureType.INVALID_STATE, 'The step is not claimed: claim it before handing it on');
    if (actor.id !== this.claimedById) reject(FailureType.FORBIDDEN, `Only ${this.claimedById}, who claimed the step, may hand it on`);
    if (this.delegatedById) reject(FailureType.INVALID_STATE, `The step was delegated to you by ${this.delegatedById}: return it to them instead`);
    if (!note.trim()) reject(FailureType.VALIDATION, 'A note is required');
    if (colleague.id === actor.id) reject(FailureType.VALIDATION, 'The colleague must be someone else');
    this.requireEligible(colleague, step, FailureType.VALIDATION, 'The colleague');
  }

  private validateReturn(actor: Actor, note: string): void {
    this.staffStep();
    if (!this.delegatedById) reject(FailureType.INVALID_STATE, 'The step is not delegated');
    if (actor.id !== this.claimedById) reject(FailureType.FORBIDDEN, `Only ${this.claimedById}, to whom the step was delegated, may return it`);
    if (!note.trim()) reject(FailureType.VALIDATION, 'A note is required');
  }

  private validateReassign(actor: Actor, assignee: Actor): void {
    if (actor.role !== 'ADMIN') reject(FailureType.FORBIDDEN, 'Only an administrator may reassign a step');
    const step = this.staffStep();
    this.requireEligible(assignee, step, FailureType.VALIDATION, 'The assignee');
  }
}
