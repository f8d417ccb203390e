import { condition, patched } from '@temporalio/workflow';
import type { Deadline } from '../../domain/calendar/deadline.js';
import type { Role } from '../../domain/roles.js';

/** What a human step's deadline looks like: when it falls due and when to remind before it. */
export interface StepDeadline {
  deadline: Deadline;
  remindAt: string | null;
}

export interface StepDeadlineRequest {
  from: string;
  workingDays: number;
  reminderWorkingDaysBefore: number;
}

export interface HumanStepState<S extends string = string> {
  step: S;
  assigneeRole: Role;
  openedAt: string;
  workingDays: number;
  deadline: Deadline | null;
  remindAt: string | null;
  reminded: boolean;
  escalated: boolean;
  /** Further reminders (e.g. 5 WD and 1 WD before), when the step has them. */
  extraReminders?: TimedNotice[];
  /** Further escalations after the deadline (e.g. public criticism 5 WD after a supervision notice). */
  followUps?: TimedNotice[];
  /** 0 before the deadline; 1 once overdue; 2, 3 … as follow-up escalations fire. */
  escalationLevel?: number;
}

export interface TimedNotice {
  at: string;
  sent: boolean;
  /** Counted through a year without a published holiday arrangement (recomputed when it is published). */
  provisional?: boolean;
}

/** Payload of a case's recomputeDeadlines signal: the calendar year that was published or corrected, if known. */
export interface RecomputeDeadlinesNotice {
  year?: number;
}

/** Side effects of a step, all done by the owning workflow through activities. */
export interface HumanStepHooks<S extends string> {
  computeDeadline(request: StepDeadlineRequest): Promise<StepDeadline>;
  opened(state: HumanStepState<S>): Promise<void>;
  reminded(state: HumanStepState<S>): Promise<void>;
  /** The deadline passed with the step still open (level 1), or a follow-up escalation fell due (level 2, 3 …). */
  overdue(state: HumanStepState<S>, level: number): Promise<void>;
  rescheduled(state: HumanStepState<S>, previous: Deadline | null): Promise<void>;
  /** Called each time the step settles into waiting (everything it had to write is written). */
  waiting?(): void;
}

export interface HumanStepOptions<S extends string> {
  step: S;
  assigneeRole: Role;
  openedAt: string;
  workingDays: number;
  reminderWorkingDaysBefore: number;
  /** 'escalate' keeps waiting after the deadline (a person must still act); 'lapse' ends the step. */
  onOverdue: 'escalate' | 'lapse';
  /** More reminders, in working days before the deadline. */
  extraReminderWorkingDaysBefore?: number[] | undefined;
  /** Follow-up escalations, in working days after the deadline. */
  followUpWorkingDaysAfter?: number[] | undefined;
}

/**
 * A step that waits for a person: deadline in working days (computed by an activity, so it lands in
 * history), a reminder before it, and an escalation or lapse after it. Nothing here decides the case.
 */
export class HumanStep<S extends string> {
  readonly state: HumanStepState<S>;
  private rescheduleRequested = false;

  constructor(
    private readonly options: HumanStepOptions<S>,
    private readonly hooks: HumanStepHooks<S>,
  ) {
    this.state = {
      step: options.step,
      assigneeRole: options.assigneeRole,
      openedAt: options.openedAt,
      workingDays: options.workingDays,
      deadline: null,
      remindAt: null,
      reminded: false,
      escalated: false,
    };
  }

  /** Moves the deadline by more working days (an approved extension), counted from the step's start. */
  extend(extraWorkingDays: number): void {
    this.state.workingDays += extraWorkingDays;
    this.rescheduleRequested = true;
  }

  /**
   * After the calendar changed: recomputes the step's times when any of them is provisional (a follow-up such as
   * 通报批评 too), or when they were counted through `year` and that year's arrangement was corrected.
   */
  recomputeAfterCalendarChange(notice?: RecomputeDeadlinesNotice): void {
    const deadline = this.state.deadline;
    if (deadline?.provisional) {
      this.rescheduleRequested = true;
      return;
    }
    if (!deadline || deadline.calendarVersion === 'scaled' || !patched('recompute-corrected-years')) return;
    const followUps = this.state.followUps ?? [];
    if (followUps.some((notice) => notice.provisional && !notice.sent)) {
      this.rescheduleRequested = true;
      return;
    }
    const year = notice?.year;
    if (year === undefined) return;
    // UTC years of the instants: at most one day early, so the span is never too short.
    const first = Number(this.state.openedAt.slice(0, 4));
    const last = Math.max(Number(deadline.dueDate.slice(0, 4)), ...followUps.map((f) => Number(f.at.slice(0, 4))));
    if (year >= first && year <= last) this.rescheduleRequested = true;
  }

  /** Waits until `isDone()`; returns 'lapsed' when an 'lapse' step ran out first. */
  async run(isDone: () => boolean): Promise<'done' | 'lapsed'> {
    await this.schedule();
    // Someone may have acted while the deadline was being computed: then the step never opened.
    if (isDone()) return 'done';
    await this.hooks.opened(this.state);
    for (;;) {
      if (isDone()) return 'done';
      if (this.rescheduleRequested) {
        const previous = this.state.deadline;
        await this.schedule();
        await this.hooks.rescheduled(this.state, previous);
        continue;
      }
      const next = this.nextTimer();
      const wake = () => isDone() || this.rescheduleRequested;
      this.hooks.waiting?.();
      if (!next) {
        await condition(wake);
        continue;
      }
      const woken = await condition(wake, Math.max(1, next.at - Date.now()));
      if (woken) continue;
      if (next.kind === 'reminder') {
        this.state.reminded = true;
        await this.hooks.reminded(this.state);
      } else if (next.kind === 'extra-reminder') {
        next.notice.sent = true;
        await this.hooks.reminded(this.state);
      } else if (next.kind === 'due') {
        this.state.escalated = true;
        if (this.state.escalationLevel !== undefined) this.state.escalationLevel = 1;
        await this.hooks.overdue(this.state, 1);
        if (this.options.onOverdue === 'lapse' && !isDone()) return 'lapsed';
      } else {
        next.notice.sent = true;
        this.state.escalationLevel = (this.state.escalationLevel ?? 1) + 1;
        await this.hooks.overdue(this.state, this.state.escalationLevel);
      }
    }
  }

  private nextTimer(): NextTimer | null {
    const { deadline, remindAt, reminded, escalated, extraReminders = [], followUps = [] } = this.state;
    if (!deadline) return null;
    const candidates: NextTimer[] = [];
    if (!reminded && remindAt) candidates.push({ kind: 'reminder', at: Date.parse(remindAt) });
    for (const notice of extraReminders) {
      if (!notice.sent && !escalated) candidates.push({ kind: 'extra-reminder', at: Date.parse(notice.at), notice });
    }
    if (!escalated) candidates.push({ kind: 'due', at: Date.parse(deadline.dueAt) });
    const followUp = followUps.find((notice) => !notice.sent);
    if (escalated && followUp) candidates.push({ kind: 'follow-up', at: Date.parse(followUp.at), notice: followUp });
    // The earliest first; on a tie the order above (reminder before due).
    return candidates.reduce<NextTimer | null>((best, c) => (best === null || c.at < best.at ? c : best), null);
  }

  private async schedule(): Promise<void> {
    this.rescheduleRequested = false;
    const computed = await this.hooks.computeDeadline({
      from: this.state.openedAt,
      workingDays: this.state.workingDays,
      reminderWorkingDaysBefore: this.options.reminderWorkingDaysBefore,
    });
    const now = Date.now();
    this.state.deadline = computed.deadline;
    this.state.remindAt = computed.remindAt;
    // A deadline moved into the future gets its own reminder and escalation again.
    if (Date.parse(computed.deadline.dueAt) > now) {
      this.state.escalated = false;
      this.state.reminded = false;
    }
    if (computed.remindAt === null) this.state.reminded = true;
    await this.scheduleExtras(now);
  }

  /** Extra reminders and follow-up escalations; only steps that ask for them compute them. */
  private async scheduleExtras(now: number): Promise<void> {
    const { extraReminderWorkingDaysBefore, followUpWorkingDaysAfter } = this.options;
    const dueInFuture = this.state.deadline !== null && Date.parse(this.state.deadline.dueAt) > now;
    if (extraReminderWorkingDaysBefore?.length) {
      const reminders: TimedNotice[] = [];
      for (const before of extraReminderWorkingDaysBefore) {
        const computed = await this.hooks.computeDeadline({
          from: this.state.openedAt,
          workingDays: this.state.workingDays,
          reminderWorkingDaysBefore: before,
        });
        if (computed.remindAt) reminders.push({ at: computed.remindAt, sent: !dueInFuture || Date.parse(computed.remindAt) <= now });
      }
      this.state.extraReminders = reminders;
    }
    if (followUpWorkingDaysAfter?.length) {
      const followUps: TimedNotice[] = [];
      for (const after of followUpWorkingDaysAfter) {
        const computed = await this.hooks.computeDeadline({
          from: this.state.openedAt,
          workingDays: this.state.workingDays + after,
          reminderWorkingDaysBefore: 0,
        });
        followUps.push({ at: computed.deadline.dueAt, sent: false, provisional: computed.deadline.provisional });
      }
      this.state.followUps = followUps;
      if (dueInFuture) this.state.escalationLevel = 0;
    }
  }
}

type NextTimer =
  | { kind: 'reminder'; at: number }
  | { kind: 'due'; at: number }
  | { kind: 'extra-reminder'; at: number; notice: TimedNotice }
  | { kind: 'follow-up'; at: number; notice: TimedNotice };

/** Who is expected to act on a step now: an overdue staff step goes to a supervisor. */
export function currentAssigneeRole(step: HumanStepState | null): Role | null {
  if (!step) return null;
  return step.escalated && step.assigneeRole !== 'APPLICANT' ? 'SUPERVISOR' : step.assigneeRole;
}
