import type { Client } from '@temporalio/client';
import type { UpdateDefinition } from '@temporalio/common';
import type { PrismaClient } from '../../generated/prisma/client.js';
import type { Actor } from '../../domain/roles.js';
import { AppError, ErrorCode } from '../../lib/app-error.js';
import { recomputeDeadlinesSignal } from '../../workflows/shared/case-contract.js';
import { requireOwnEvidence } from '../evidence/evidence-refs.js';
import { updateIdOf } from '../temporal/update-id.js';
import { fromWorkflowError, isWorkflowGone } from '../temporal/workflow-errors.js';
import { startCaseWorkflow, type CaseWorkflowStart } from './start-case-workflow.js';
import { timelineOf } from './case-timeline.js';

/** The read-model row of a case, as far as the case service needs it. */
export interface CaseRow {
  id: string;
  workflowId: string | null;
  status: string;
}

/** What one case type tells the case service; the service does the rest the same way for every type. */
export interface CaseTypeConfig<Row extends CaseRow, View> {
  caseType: string;
  /** For messages: "Objection", "Repair application" … */
  noun: string;
  /** Statuses in which the case takes no more actions (409 before the workflow is asked). */
  finalStatuses: readonly string[];
  /** The status a committed case has before its workflow ran (FILED). */
  initialStatus: string;
  /** The row, if the actor may see the case (otherwise the case does not exist for them: 404). */
  findVisible(actor: Actor, id: string): Promise<Row | null>;
  /** The case's detail for its parties (without the timeline). */
  view(row: Row): View | Promise<View>;
  findRow(id: string): Promise<Row>;
  /** Command fields that carry evidence file ids: each must be a file of the caller's. */
  evidenceFields?: readonly string[];
  /** Checks of the case's own before an action reaches the workflow (e.g. the record must still be in force). */
  beforeAct?(actor: Actor, row: Row, updateName: string, command: object): Promise<void>;
  /** How to start the case's workflow from its row, for types whose filing commits the row first (crash-safe filing). */
  workflowStartOf?(row: Row): Promise<CaseWorkflowStart<unknown>>;
  /** Open cases whose deadlines a calendar change of `year` may move. */
  openWorkflowIds(year?: number): Promise<string[]>;
}

export interface CaseServiceDeps {
  prisma: PrismaClient;
  temporal: Client;
}

/**
 * The API side of the case runtime: get with timeline, human actions as workflow updates (validated by the workflow,
 * idempotent by update id, errors mapped by failure type), recompute after a calendar change, and the guarantee that a
 * committed case has its workflow. Each case type configures it; none writes these steps again.
 */
export function createCaseService<Row extends CaseRow, View>({ prisma, temporal }: CaseServiceDeps, config: CaseTypeConfig<Row, View>) {
  const final = new Set(config.finalStatuses);

  async function loadVisible(actor: Actor, id: string): Promise<Row> {
    const row = await config.findVisible(actor, id);
    if (!row) throw AppError.notFound(config.noun, id);
    return row;
  }

  async function detail(id: string) {
    const row = await config.findRow(id);
    return { ...(await config.view(row)), timeline: await timelineOf(prisma, id, config.caseType) };
  }

  /** Starts the workflow of a committed case if it is not running yet (a filing that stopped half-way). */
  async function ensureWorkflow(row: Row): Promise<boolean> {
    if (!config.workflowStartOf || row.status !== config.initialStatus) return false;
    await startCaseWorkflow(temporal, await config.workflowStartOf(row));
    return true;
  }

  async function runUpdate<C extends { actor: Actor }>(actor: Actor, workflowId: string, update: UpdateDefinition<unknown, [C]>, command: Omit<C, 'actor'>, idempotencyKey?: string) {
    await temporal.workflow.getHandle(workflowId).executeUpdate(update, { args: [{ ...command, actor } as C], ...updateIdOf(update.name, actor.id, idempotencyKey) });
  }

  return {
    detail,
    ensureWorkflow,

    async get(actor: Actor, id: string) {
      await loadVisible(actor, id);
      return detail(id);
    },

    /** Runs a human action (or a claim) as a workflow update; the validator's verdict comes back at once. */
    async act<C extends { actor: Actor }, R>(actor: Actor, id: string, update: UpdateDefinition<R, [C]>, command: Omit<C, 'actor'>, idempotencyKey?: string) {
      const row = await loadVisible(actor, id);
      for (const field of config.evidenceFields ?? []) {
        const refs = (command as Record<string, unknown>)[field];
        if (Array.isArray(refs)) await requireOwnEvidence(prisma, actor, refs as { fileId?: string | undefined }[], field);
      }
      // With an Idempotency-Key the action may be the retry of one that closed the case (its first answer was lost):
      // Temporal answers a known update id with that update's outcome, and refuses a new one on a closed case.
      if (final.has(row.status) && !idempotencyKey) throw new AppError(ErrorCode.INVALID_STATE, `The ${config.noun.toLowerCase()} is ${row.status}; no further action is possible`);
      if (!row.workflowId) throw new AppError(ErrorCode.INVALID_STATE, `${config.noun} ${id} has no running workflow`);
      await config.beforeAct?.(actor, row, update.name, command);
      const workflowId = row.workflowId;
      const send = () => runUpdate(actor, workflowId, update as UpdateDefinition<unknown, [C]>, command, idempotencyKey);
      try {
        await send();
      } catch (err) {
        // An open case without its workflow was committed by a filing that stopped before starting it: start it now.
        if (!(isWorkflowGone(err) && (await ensureWorkflow(row)))) throw fromWorkflowError(err);
        await send().catch((retryErr: unknown) => {
          throw fromWorkflowError(retryErr);
        });
      }
      return detail(id);
    },

    /** After a calendar change: every open case it may concern recomputes; one case that cannot be told fails nothing. */
    async recomputeDeadlines(year?: number): Promise<number> {
      const ids = await config.openWorkflowIds(year);
      const sent = await Promise.allSettled(ids.map((workflowId) => temporal.workflow.getHandle(workflowId).signal(recomputeDeadlinesSignal, { year })));
      return sent.filter((result) => result.status === 'fulfilled').length;
    },
  };
}

export type CaseService<Row extends CaseRow, View> = ReturnType<typeof createCaseService<Row, View>>;
