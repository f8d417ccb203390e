import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import type { Prisma, PrismaClient } from '../generated/prisma/client.js';
import { recordOutcomeSignal, recordWorkflowId, type RecordOutcomeNotice } from '../workflows/record/record-contract.js';
import { applyRecordEffect } from './apply-record-effect.js';
import type { ObjectionReadModelPatch, ObjectionTransition } from '../workflows/objection/objection-transition.js';
import { caseEventExists, writeCaseEvent } from './case-event-writer.js';

function toUpdate(patch: ObjectionReadModelPatch): Prisma.ObjectionUpdateInput {
  const { dueAt, closedAt, ...rest } = patch;
  return {
    ...rest,
    ...(dueAt !== undefined ? { dueAt: dueAt === null ? null : new Date(dueAt) } : {}),
    ...(closedAt !== undefined ? { closedAt: closedAt === null ? null : new Date(closedAt) } : {}),
  };
}

/** Outcomes that change a record's effects: its lifecycle workflow ends or recomputes them. */
const RECORD_OUTCOMES = new Set(['DELETE', 'STOP_PUBLICATION', 'REMOVE_FROM_LIST']);

export function createObjectionActivities(prisma: PrismaClient, temporal: Client) {
  async function notifyRecordWorkflow(recordId: string, notice: RecordOutcomeNotice) {
    try {
      await temporal.workflow.getHandle(recordWorkflowId(recordId)).signal(recordOutcomeSignal, notice);
    } catch (err) {
      // Records imported without a lifecycle, or whose lifecycle already closed, have nobody to tell.
      if (!(err instanceof WorkflowNotFoundError)) throw err;
    }
  }

  return {
    /**
     * Writes one transition of an objection case: the audit event, the read model and the record effect in
     * one transaction. Idempotent: an event key already written means the transition is done.
     */
    async recordObjectionTransition(transition: ObjectionTransition): Promise<{ applied: boolean }> {
      const { event, readModel, recordEffect, notification } = transition;
      const result = await prisma.$transaction(async (tx) => {
        if (await caseEventExists(tx, event.eventKey)) return { applied: false };
        const objection = await tx.objection.update({ where: { id: event.caseId }, data: toUpdate(readModel), select: { id: true, recordId: true } });
        if (recordEffect) {
          await applyRecordEffect(tx, recordEffect, {
            recordId: objection.recordId,
            caseId: objection.id,
            actorId: event.actorId,
          });
        }
        if (notification) {
          await tx.outboxMessage.create({
            data: { id: `msg-${event.eventKey}`, topic: notification.topic, recipientId: notification.recipientId, payload: notification.payload as Prisma.InputJsonValue },
          });
        }
        await writeCaseEvent(tx, event);
        return { applied: true };
      });
      // After the commit, and again on a retry (the signal is idempotent for the record workflow).
      if (recordEffect?.kind === 'APPLY_OUTCOME') {
        const { outcome, corrections } = recordEffect;
        const notice: RecordOutcomeNotice | null = RECORD_OUTCOMES.has(outcome)
          ? { outcome: outcome as 'DELETE' | 'STOP_PUBLICATION' | 'REMOVE_FROM_LIST', caseId: event.caseId }
          : outcome === 'CORRECT' && corrections && Object.keys(corrections).length > 0
            ? { outcome: 'CORRECT', caseId: event.caseId, corrections }
            : null;
        if (notice) {
          const { recordId } = await prisma.objection.findUniqueOrThrow({ where: { id: event.caseId }, select: { recordId: true } });
          await notifyRecordWorkflow(recordId, notice);
        }
      }
      return result;
    },
  };
}
