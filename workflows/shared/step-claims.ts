import { setHandler } from '@temporalio/workflow';
import type { SearchAttributeUpdatePair } from '@temporalio/common';
import type { Actor, Role } from '../../domain/roles.js';
import {
  ClaimEventType,
  claimStepUpdate,
  reassignStepUpdate,
  releaseStepUpdate,
  type StepClaimState,
} from './claim-contract.js';
import { FailureType } from './failure-types.js';
import type { HumanStepState } from './human-step.js';
import { ClaimedByKey } from './search-attributes.js';
import { reject } from './validators.js';

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
export type ClaimRecorder = (type: ClaimEventType, actor: Actor, details: { reason?: string | null; data: Record<string, unknown> }) => Promise<void>;

/**
 * Claims on a case's current step: offered to the staff of the case's authority, taken by one of them, released by
 * them (or an administrator), reassigned by an administrator. A claim belongs to one step: it ends when the step does.
 * While a step is claimed only the claimer or a supervisor may decide it; unclaimed steps stay open to all staff.
 */
export class StepClaims {
  /** True once this run saw a claim: only then do search-attribute upserts carry ClaimedBy (older histories replay unchanged). */
  private used = false;

  constructor(private readonly kase: ClaimableCase) {}

  get claimedById(): string | null {
    return this.kase.holder.claimedById;
  }

  /** The step ended: its claim ends with it (written by the transition that closes the step). */
  clear(): void {
    this.kase.holder.claimedById = null;
  }

  /** The ClaimedBy search attribute, once claims are in use on this case. */
  searchAttributes(): SearchAttributeUpdatePair[] {
    return this.used ? [{ key: ClaimedByKey, value: this.claimedById }] : [];
  }

  view(): StepClaimState {
    return { step: this.kase.currentStep()?.step ?? null, claimedById: this.claimedById };
  }

  /** For decision validators: a claimed step is decided by its claimer or a supervisor. */
  requireClaimerOrSupervisor(actor: Actor, action: string): void {
    const claimedById = this.claimedById;
    if (claimedById && actor.id !== claimedById && actor.role !== 'SUPERVISOR') {
      reject(FailureType.FORBIDDEN, `The step is claimed by ${claimedById}; only they or a supervisor may ${action}`);
    }
  }

  /** Registers claimStep, releaseStep and reassignStep on the workflow. */
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
        await record(ClaimEventType.STEP_RELEASED, actor, { reason: reason ?? null, data: { ...this.eventData(), releasedId } });
        return this.view();
      },
      { validator: ({ actor }) => this.validateRelease(actor) },
    );
    setHandler(
      reassignStepUpdate,
      async ({ actor, assignee, reason }) => {
        const previousId = this.claimedById;
        this.take(assignee.id);
        await record(ClaimEventType.STEP_REASSIGNED, actor, { reason: reason ?? null, data: { ...this.eventData(), previousId } });
        return this.view();
      },
      { validator: ({ actor, assignee }) => this.validateReassign(actor, assignee) },
    );
  }

  private take(actorId: string): void {
    this.used = true;
    this.kase.holder.claimedById = actorId;
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

  private validateReassign(actor: Actor, assignee: Actor): void {
    if (actor.role !== 'ADMIN') reject(FailureType.FORBIDDEN, 'Only an administrator may reassign a step');
    const step = this.staffStep();
    this.requireEligible(assignee, step, FailureType.VALIDATION, 'The assignee');
  }
}
