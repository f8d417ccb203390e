import { Context } from '@temporalio/activity';
import type { Client } from '@temporalio/client';
import type { Prisma, PrismaClient } from '../generated/prisma/client.js';
import type { EligibilityAnswer, EligibilityRestriction } from '../domain/eligibility/eligibility.js';
import {
  ELIGIBILITY_CASE_TYPE,
  ELIGIBILITY_WORKFLOW_TYPE,
  eligibilityWorkflowId,
  recordEligibilityChangedSignal,
  type RecordEligibilityChange,
} from '../workflows/eligibility/eligibility-contract.js';
import { CaseTypeKey, SubjectIdKey } from '../workflows/shared/search-attributes.js';
import { appendAuditEvent } from '../lib/audit/append-audit-event.js';

export interface SaveEligibilityInput {
  workflowId: string;
  sequence: number;
  answer: EligibilityAnswer;
  event: { cause: string; recordId: string | null; eligibleBefore: boolean; eligibleAfter: boolean; occurredAt: string };
}

function eventType(event: SaveEligibilityInput['event']): string {
  if (event.eligibleBefore && !event.eligibleAfter) return 'ELIGIBILITY_SUSPENDED';
  if (!event.eligibleBefore && event.eligibleAfter) return 'ELIGIBILITY_RESTORED';
  return event.cause === 'OPENED' ? 'ELIGIBILITY_OPENED' : 'ELIGIBILITY_BLOCKERS_CHANGED';
}

export function createEligibilityActivities(prisma: PrismaClient, temporal: Client) {
  return {
    /** Saves a subject's eligibility and its timeline event; a write older than the stored one changes nothing. */
    async saveEligibility(input: SaveEligibilityInput): Promise<void> {
      await prisma.$transaction((tx) => saveInTransaction(tx, [input]));
    },

    /**
     * Saves several changes of one subject's eligibility (in sequence order) in one transaction: each its timeline
     * event (skipped when its key is there: a retry), then the read model once, as of the last. Idempotent.
     */
    async saveEligibilityChanges(inputs: SaveEligibilityInput[]): Promise<void> {
      if (inputs.length === 0) return;
      await prisma.$transaction((tx) => saveInTransaction(tx, inputs));
    },

    /** Tells the subject's eligibility workflow about a record's change, starting the workflow if needed. */
    async notifyEligibility(input: { subjectId: string; restriction: EligibilityRestriction; change: RecordEligibilityChange }): Promise<void> {
      await temporal.workflow.signalWithStart(ELIGIBILITY_WORKFLOW_TYPE, {
        workflowId: eligibilityWorkflowId(input.subjectId),
        taskQueue: Context.current().info.taskQueue,
        args: [{ subjectId: input.subjectId, restriction: input.restriction }],
        signal: recordEligibilityChangedSignal,
        signalArgs: [input.change],
        typedSearchAttributes: [
          { key: CaseTypeKey, value: ELIGIBILITY_CASE_TYPE },
          { key: SubjectIdKey, value: input.subjectId },
        ],
      });
    },
  };
}

async function saveInTransaction(tx: Prisma.TransactionClient, inputs: SaveEligibilityInput[]): Promise<void> {
  const eventKeys = inputs.map(({ workflowId, sequence }) => `${workflowId}/${sequence}`);
  const written = new Set((await tx.caseEvent.findMany({ where: { eventKey: { in: eventKeys } }, select: { eventKey: true } })).map((e) => e.eventKey));
  const fresh = inputs.filter((_, i) => !written.has(eventKeys[i]!));
  for (const { answer, event, sequence, workflowId } of fresh) {
    const eventKey = `${workflowId}/${sequence}`;
    await appendAuditEvent(tx, {
      eventKey,
      caseId: answer.subjectId,
      caseType: ELIGIBILITY_CASE_TYPE,
      type: eventType(event),
      actorId: 'system',
      actorRole: 'ADMIN',
      reason: event.cause,
      data: { recordId: event.recordId, eligible: answer.eligible, blockers: answer.blockers, expectedEnd: answer.expectedEnd },
      occurredAt: event.occurredAt,
    });
    if (eventType(event) === 'ELIGIBILITY_RESTORED') {
      // 恢复资格 is notified like a decision (at-least-once, through the outbox).
      await tx.outboxMessage.create({
        data: {
          id: `msg-${eventKey}`,
          topic: 'eligibility.restored',
          recipientId: answer.subjectId,
          payload: { subjectId: answer.subjectId, cause: event.cause, recordId: event.recordId, restriction: answer.restriction },
        },
      });
    }
  }
  const last = fresh.at(-1);
  if (!last) return;
  const { answer, sequence, workflowId } = last;
  const data = {
    workflowId,
    eligible: answer.eligible,
    restriction: answer.restriction,
    blockers: answer.blockers as unknown as Prisma.InputJsonValue,
    expectedEnd: answer.expectedEnd ? new Date(answer.expectedEnd) : null,
    sequence,
  };
  const stored = await tx.subjectEligibility.findUnique({ where: { subjectId: answer.subjectId }, select: { sequence: true } });
  if (!stored) await tx.subjectEligibility.create({ data: { subjectId: answer.subjectId, ...data } });
  else if (stored.sequence < sequence) await tx.subjectEligibility.update({ where: { subjectId: answer.subjectId }, data });
}
