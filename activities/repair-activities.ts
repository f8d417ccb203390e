import { Context } from '@temporalio/activity';
import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import type { Prisma, PrismaClient } from '../generated/prisma/client.js';
import type { DeadlineCalculator } from '../lib/calendar/deadline-calculator.js';
import { startRecordLifecycle } from '../lib/records/start-record-lifecycle.js';
import { recordOutcomeSignal, recordWorkflowId } from '../workflows/record/record-contract.js';
import { caseEventExists, writeCaseEvent } from './case-event-writer.js';
import type { RepairEffect, RepairReadModelPatch, RepairTransition } from '../workflows/repair/repair-transition.js';

type Tx = Prisma.TransactionClient;

function toUpdate(patch: RepairReadModelPatch): Prisma.RepairApplicationUpdateInput {
  const { dueAt, reapplyFrom, closedAt, materials, ...rest } = patch;
  const date = (value: string | null | undefined) => (value === undefined ? undefined : value === null ? null : new Date(value));
  return {
    ...rest,
    ...(materials !== undefined ? { materials: materials as Prisma.InputJsonValue } : {}),
    ...(dueAt !== undefined ? { dueAt: date(dueAt) } : {}),
    ...(reapplyFrom !== undefined ? { reapplyFrom: date(reapplyFrom) } : {}),
    ...(closedAt !== undefined ? { closedAt: date(closedAt) } : {}),
  };
}

/**
 * Applies a repair result to the record, in the caller's transaction, only from the state it presumes: a repair
 * turns an ACTIVE record into REPAIRED, a revoked repair turns a REPAIRED one back into ACTIVE. A record deleted or
 * revoked meanwhile keeps that status (a record found wrong is never "repaired", nor published again).
 * Returns the status that blocked the effect, or null when it was applied.
 */
async function applyEffect(tx: Tx, effect: RepairEffect, recordId: string, subjectId: string, applicationId: string): Promise<string | null> {
  // Lock the record row so a concurrent deletion or revocation commits before or after this check, not during it.
  await tx.$queryRaw`SELECT id FROM "DishonestyRecord" WHERE id = ${recordId} FOR UPDATE`;
  const { status } = await tx.dishonestyRecord.findUniqueOrThrow({ where: { id: recordId }, select: { status: true } });
  if (effect.kind === 'REPAIRED') {
    if (status !== 'ACTIVE') return status;
    await tx.dishonestyRecord.update({
      where: { id: recordId },
      data: { status: 'REPAIRED', publicationStatus: 'STOPPED', sanctionsActive: false },
    });
    return null;
  }
  if (status !== 'REPAIRED') return status;
  await tx.dishonestyRecord.update({ where: { id: recordId }, data: { status: 'ACTIVE', publicationStatus: 'PUBLISHED', sanctionsActive: true } });
  await tx.repairBar.upsert({
    where: { id: `BAR-${applicationId}` },
    create: { id: `BAR-${applicationId}`, subjectId, recordId, until: new Date(effect.barUntil), reason: effect.reason },
    update: {},
  });
  return null;
}

export function createRepairActivities(prisma: PrismaClient, temporal: Client, deadlines: DeadlineCalculator) {
  /** On a retry after the commit: whether the stored event says the record effect was applied. */
  async function recordEffectApplied(eventKey: string): Promise<boolean> {
    const stored = await prisma.caseEvent.findUnique({ where: { eventKey }, select: { data: true } });
    return (stored?.data as { recordEffect?: string } | null)?.recordEffect !== 'NOT_APPLIED';
  }

  /** After the commit: the record's lifecycle learns of the repair, or runs again after a revoked one. */
  async function propagate(effect: RepairEffect, recordId: string, applicationId: string): Promise<void> {
    if (effect.kind === 'REPAIRED') {
      try {
        await temporal.workflow.getHandle(recordWorkflowId(recordId)).signal(recordOutcomeSignal, { outcome: 'REPAIRED', caseId: applicationId });
      } catch (err) {
        if (!(err instanceof WorkflowNotFoundError)) throw err;
      }
      return;
    }
    const record = await prisma.dishonestyRecord.findUniqueOrThrow({ where: { id: recordId }, include: { subject: true } });
    const { subject, ...row } = record;
    // The record comes back as it was: its leniency and its rectification order (an unfinished one runs again).
    const rectificationRequired = subject.kind === 'GOVERNMENT_BODY' && row.rectificationStatus !== 'NOT_REQUIRED';
    const rectified = row.rectificationStatus === 'RECTIFIED';
    await startRecordLifecycle(row, subject, {
      prisma,
      temporal,
      taskQueue: Context.current().info.taskQueue,
      rectificationRequired: rectificationRequired && !rectified,
      reinstated: { byCaseId: applicationId },
      carriedOver: { leniency: row.leniency === 'LIGHTER' || row.leniency === 'EXEMPTED' ? row.leniency : 'NONE', rectificationRequired, rectified },
    });
  }

  return {
    /** One step of a repair case: audit event, read model, record effect and outbox message, in one transaction. */
    async recordRepairTransition(transition: RepairTransition): Promise<{ applied: boolean }> {
      const { event, readModel, effect, notification } = transition;
      const application = await prisma.$transaction(async (tx) => {
        if (await caseEventExists(tx, event.eventKey)) return null;
        const row = await tx.repairApplication.update({ where: { id: event.caseId }, data: toUpdate(readModel) });
        const blockedBy = effect ? await applyEffect(tx, effect, row.recordId, row.subjectId, row.id) : null;
        if (blockedBy) event.data = { ...(event.data ?? {}), recordEffect: 'NOT_APPLIED', recordStatus: blockedBy };
        if (notification) {
          await tx.outboxMessage.create({
            data: {
              id: `msg-${event.eventKey}`,
              topic: notification.topic,
              recipientId: notification.recipientId,
              payload: notification.payload as Prisma.InputJsonValue,
            },
          });
        }
        await writeCaseEvent(tx, event);
        return { row, applied: blockedBy === null };
      });
      // Propagation is idempotent on the receiving side, so it also runs on a retry after the commit.
      const row = application?.row ?? (await prisma.repairApplication.findUniqueOrThrow({ where: { id: event.caseId } }));
      const effectApplied = application ? application.applied : (await recordEffectApplied(event.eventKey));
      if (effect && effectApplied) await propagate(effect, row.recordId, row.id);
      return { applied: application !== null };
    },

    /** How many whole working days of a step had passed at `to` (for pausing a clock during 补正). */
    async workingDaysElapsed(request: { from: string; to: string; max: number }): Promise<number> {
      let elapsed = 0;
      for (let days = 1; days <= request.max; days++) {
        const due = await deadlines.compute({ from: request.from, workingDays: days });
        if (Date.parse(due.dueAt) > Date.parse(request.to)) break;
        elapsed = days;
      }
      return elapsed;
    },
  };
}
