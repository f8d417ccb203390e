import type { UpdateDefinition } from '@temporalio/common';
import { setHandler } from '@temporalio/workflow';
import type { Activities } from '../../activities/index.js';
import type { Actor, Role } from '../../domain/roles.js';
import { proxyCaseStepActivities } from './activity-options.js';
import { caseSetUpUpdate, recomputeDeadlinesSignal, StepEventType } from './case-contract.js';
import { SYSTEM_ACTOR, type CaseEventDetails, type CaseEventInput } from './case-event.js';
import { CaseLog } from './case-log.js';
import { CaseSettling } from './case-settling.js';
import { currentAssigneeRole, HumanStep, type HumanStepHooks, type HumanStepOptions, type HumanStepState } from './human-step.js';
import { recordEndedSignal, type RecordEndedNotice } from './record-ended.js';
import { caseSearchAttributes } from './search-attributes.js';
import { StepClaims } from './step-claims.js';

/** Pure arithmetic over the worker's cached calendar: a local activity (see proxyCaseStepActivities). */
const { computeStepDeadline } = proxyCaseStepActivities<Activities>();

/** What the runtime keeps in every case's state (the query shows it). */
export interface CaseState<Status extends string = string, Step extends string = string> {
  status: Status;
  step: HumanStepState<Step> | null;
  /** The staff member who claimed the current step (see claim-contract.ts). */
  claimedById: string | null;
}

/** The read-model fields every case has, as the runtime sees them at a transition. */
export interface CaseStepView {
  status: string;
  currentStep: string | null;
  assigneeRole: Role | null;
  dueAt: string | null;
  dueProvisional: boolean;
  calendarVersion: string | null;
  escalated: boolean;
  claimedById: string | null;
  /** Set on the transition that closes the case. */
  closedAt?: string;
}

/** The fields of the view that every case's read-model row has (escalation and calendar version differ by type). */
export function commonReadModel(view: CaseStepView) {
  const { status, currentStep, assigneeRole, dueAt, dueProvisional, claimedById, closedAt } = view;
  return { status, currentStep, assigneeRole, dueAt, dueProvisional, claimedById, ...(closedAt ? { closedAt } : {}) };
}

export interface CaseRuntimeSpec<State extends CaseState, D extends CaseEventDetails> {
  caseType: string;
  caseId: string;
  subjectId: string;
  /** The record the case is about; null for a case that precedes any record (a complaint). */
  recordId: string | null;
  /** The authority whose staff work on the case (claims); read at each claim, so a getter may follow the open step. */
  authorityId: string;
  state: State;
  closedStatuses: readonly State['status'][];
  /** People who may never act as staff on this case. */
  excludedActorIds(): readonly string[];
  reminderWorkingDaysBefore: number;
  /**
   * Projects one transition (read model, effects, notices) from the case as it stands now, and returns the write that
   * stores it through the case type's activity (run later, in order).
   */
  store(event: CaseEventInput, view: CaseStepView, details: D): () => Promise<unknown>;
  /** The Escalated search attribute; by default whether the open step is overdue. */
  escalated?(): boolean;
  /** A step ran late; `escalate` is the default (a staff step goes to a supervisor, an applicant's step lapses). */
  overdue?(step: HumanStepState<StepOf<State>>, level: number, escalate: () => Promise<void>): Promise<void>;
  /** More details for the DEADLINE_RECOMPUTED event. */
  rescheduled?(step: HumanStepState): Partial<D>;
}

type StepOf<State> = State extends CaseState<string, infer S> ? S : string;

/** A step to run: everything but what the runtime knows already (reminder distance, time scale). */
export type StepRun<Step extends string> = Omit<HumanStepOptions<Step>, 'openedAt' | 'reminderWorkingDaysBefore'> &
  Partial<Pick<HumanStepOptions<Step>, 'openedAt' | 'reminderWorkingDaysBefore'>>;

/**
 * The machinery every case workflow shares: the current step and its claims, the ordered write chain with its event
 * keys and search attributes, the standard step events, "an update returns once the workflow has settled", and the
 * claim, recompute and record-ended handlers. A case type brings its state machine, its projection and its events.
 */
export class CaseRuntime<State extends CaseState, D extends CaseEventDetails> {
  readonly claims: StepClaims;
  readonly log: CaseLog<D>;
  readonly settling = new CaseSettling();
  private active: HumanStep<StepOf<State>> | null = null;
  private readonly hooks: HumanStepHooks<StepOf<State>>;

  constructor(private readonly spec: CaseRuntimeSpec<State, D>) {
    const { state } = spec;
    this.claims = new StepClaims({
      get authorityId() {
        return spec.authorityId;
      },
      currentStep: () => state.step,
      excludedActorIds: () => spec.excludedActorIds(),
      holder: state,
    });
    this.log = new CaseLog<D>({
      caseType: spec.caseType,
      caseId: spec.caseId,
      prepare: (event, details) => {
        const view = this.view();
        return { searchAttributes: this.searchAttributes(view), store: spec.store(event, view, details) };
      },
    });
    this.hooks = this.stepHooks();
    // A colleague's notice names the case (StepClaims knows only the step).
    this.claims.register((type, actor, { reason, data, notices }) => {
      const named = notices?.map((n) => ({ ...n, payload: { caseType: spec.caseType, caseId: spec.caseId, ...n.payload } }));
      return this.record(type, actor, { reason, data, ...(named?.length ? { notices: named } : {}) } as D);
    });
    setHandler(recomputeDeadlinesSignal, (notice) => this.active?.recomputeAfterCalendarChange(notice));
    // A validator, though it checks nothing of its own: the signature check runs only for updates that have one.
    setHandler(caseSetUpUpdate, () => this.settling.setUp(), { validator: () => undefined });
  }

  get state(): State {
    return this.spec.state;
  }

  get activeStep(): HumanStep<StepOf<State>> | null {
    return this.active;
  }

  isClosed(): boolean {
    return this.spec.closedStatuses.includes(this.spec.state.status);
  }

  record(type: string, actor: Actor, details: D = {} as D): Promise<void> {
    return this.log.record(type, actor, details);
  }

  /** Opens a step and waits until `isDone()`; 'lapsed' when a 'lapse' step ran out first. */
  runStep(options: StepRun<StepOf<State>>, isDone: () => boolean): Promise<'done' | 'lapsed'> {
    const step = new HumanStep<StepOf<State>>(
      {
        openedAt: new Date().toISOString(),
        reminderWorkingDaysBefore: this.spec.reminderWorkingDaysBefore,
        ...options,
      },
      this.hooks,
    );
    this.claims.clear();
    this.active = step;
    this.spec.state.step = step.state;
    return step.run(isDone);
  }

  /** Ends the current step as a person's action (or the system) closes it. */
  closeStep(): void {
    this.active = null;
    this.spec.state.step = null;
    this.claims.clear();
  }

  /** Moves the case to `status`, closing the current step. */
  moveTo(status: State['status']): void {
    this.spec.state.status = status;
    this.closeStep();
  }

  /**
   * A human action: validated before it is accepted (a rejection leaves no trace in history), applied, and answered
   * with the case as it stands once the workflow has reacted (next step open, or the case closed).
   */
  action<C extends { actor: Actor }>(update: UpdateDefinition<State, [C]>, validate: (command: C) => void, apply: (command: C) => Promise<void>): void {
    setHandler(
      update,
      async (command) => {
        const mark = this.settling.mark();
        await apply(command);
        await this.settling.after(mark);
        return this.spec.state;
      },
      { validator: validate },
    );
  }

  /** An action that changes no step (a progress report, an extension of an overall deadline): answered at once. */
  note<C extends { actor: Actor }>(update: UpdateDefinition<State, [C]>, validate: (command: C) => void, apply: (command: C) => Promise<void>): void {
    setHandler(
      update,
      async (command) => {
        await apply(command);
        return this.spec.state;
      },
      { validator: validate },
    );
  }

  /** The record this case is about was deleted or revoked: an open case ends through `end`; a closed one ignores it. */
  onRecordEnded(end: (notice: RecordEndedNotice) => Promise<void>): void {
    setHandler(recordEndedSignal, async (notice) => {
      if (this.isClosed()) return;
      await end(notice);
    });
  }

  /** The end of the workflow: waits for every handler and every write. */
  async finish(...then: (() => Promise<unknown>)[]): Promise<void> {
    await this.settling.finish(...then, () => this.log.drained());
  }

  private view(): CaseStepView {
    const { state } = this.spec;
    const step = this.active?.state ?? null;
    const deadline = step?.deadline ?? null;
    return {
      status: state.status,
      currentStep: step?.step ?? null,
      assigneeRole: currentAssigneeRole(step),
      dueAt: deadline?.dueAt ?? null,
      dueProvisional: deadline?.provisional ?? false,
      calendarVersion: deadline?.calendarVersion ?? null,
      escalated: step?.escalated ?? false,
      claimedById: state.claimedById,
      ...(this.isClosed() ? { closedAt: new Date().toISOString() } : {}),
    };
  }

  private searchAttributes(view: CaseStepView) {
    const { spec } = this;
    return [
      ...caseSearchAttributes({
        caseType: spec.caseType,
        subjectId: spec.subjectId,
        recordId: spec.recordId,
        status: view.status,
        assigneeRole: view.assigneeRole,
        dueAt: view.dueAt,
        escalated: spec.escalated ? spec.escalated() : view.escalated,
      }),
      ...this.claims.searchAttributes(),
    ];
  }

  private stepHooks(): HumanStepHooks<StepOf<State>> {
    const system = (type: string, details: CaseEventDetails) => this.record(type, SYSTEM_ACTOR, details as D);
    const escalate = async (step: HumanStepState) => {
      if (step.assigneeRole === 'APPLICANT') return; // an applicant's window lapses; the workflow closes it
      await system(StepEventType.ESCALATED, { data: { step: step.step, escalatedTo: 'SUPERVISOR', dueAt: step.deadline?.dueAt } });
    };
    return {
      computeDeadline: (request) => computeStepDeadline(request),
      opened: (step) =>
        system(StepEventType.STEP_OPENED, {
          data: { step: step.step, assigneeRole: step.assigneeRole, workingDays: step.workingDays, deadline: step.deadline },
        }),
      reminded: (step) =>
        system(StepEventType.REMINDER_SENT, { data: { step: step.step, assigneeRole: step.assigneeRole, dueAt: step.deadline?.dueAt } }),
      overdue: (step, level) => (this.spec.overdue ? this.spec.overdue(step, level, () => escalate(step)) : escalate(step)),
      rescheduled: (step, previous) =>
        system(StepEventType.DEADLINE_RECOMPUTED, {
          data: { step: step.step, previous, deadline: step.deadline },
          ...this.spec.rescheduled?.(step),
        }),
      waiting: () => this.settling.settled(),
    };
  }
}
