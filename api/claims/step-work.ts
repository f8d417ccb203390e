import { randomUUID } from 'node:crypto';
import type { Prisma, PrismaClient } from '../../generated/prisma/client.js';
import type { Actor } from '../../domain/roles.js';
import { AppError, ErrorCode } from '../../lib/app-error.js';
import { appendAuditEvent } from '../../lib/audit/append-audit-event.js';
import { findWorkItem, type WorkItemRow } from '../work/work-item-query.js';

/** The timeline event of a 催办. */
export const STEP_URGED = 'STEP_URGED';
/** The outbox topic that tells the holder (or the possible holders) of an urged step. */
export const STEP_URGED_TOPIC = 'step.urged';

async function visibleCase(prisma: PrismaClient, actor: Actor, caseType: string, caseId: string, now = new Date()): Promise<WorkItemRow> {
  const item = await findWorkItem(prisma, actor, caseType, caseId, now);
  if (!item) throw AppError.notFound('Case', caseId);
  return item;
}

/** The open staff step of a case, or a 409 that says why there is none. */
function requireStaffStep(item: WorkItemRow): string {
  if (item.closedAt || !item.currentStep) throw new AppError(ErrorCode.INVALID_STATE, `The case ${item.id} has no open step`);
  if (item.assigneeRole === 'APPLICANT') throw new AppError(ErrorCode.INVALID_STATE, `The current step ${item.currentStep} is the applicant's`);
  return item.currentStep;
}

/** Staff of the case's authority who may work on its step (the workflow's claim rules, StepClaims, decide in the end). */
function eligibleStaff(item: WorkItemRow): Prisma.UserWhereInput {
  return { authorityId: item.stepAuthorityId ?? item.authorityId, role: item.assigneeRole === 'SUPERVISOR' ? 'SUPERVISOR' : { in: ['REVIEWER', 'SUPERVISOR'] } };
}

/**
 * Who could take the case's step over from the caller (转办, 委派, an administrator's reassignment): the eligible staff
 * of the case's authority other than the caller and the current claimer. Empty when no staff step is open.
 */
export async function stepColleagues(prisma: PrismaClient, actor: Actor, caseType: string, caseId: string) {
  const item = await visibleCase(prisma, actor, caseType, caseId);
  if (item.closedAt || !item.currentStep || item.assigneeRole === 'APPLICANT') return { step: null, items: [] };
  const excluded = [actor.id, ...(item.claimedById ? [item.claimedById] : [])];
  const rows = await prisma.user.findMany({
    where: { AND: [eligibleStaff(item), { id: { notIn: excluded } }] },
    select: { id: true, name: true, role: true, authority: { select: { name: true } } },
    orderBy: { id: 'asc' },
  });
  return { step: item.currentStep, items: rows.map((u) => ({ id: u.id, name: u.name, role: u.role, organization: u.authority?.name ?? null })) };
}

/**
 * 催办: a supervisor urges an overdue staff step of their authority. The timeline event and the notices (to the
 * claimer, or to every colleague who may claim an unclaimed step) are written in one transaction.
 */
export async function urgeStep(prisma: PrismaClient, actor: Actor, caseType: string, caseId: string, note: string, now = new Date()) {
  const item = await visibleCase(prisma, actor, caseType, caseId, now);
  const step = requireStaffStep(item);
  if (!item.overdue) {
    throw new AppError(ErrorCode.INVALID_STATE, `The step ${step} is not overdue${item.dueAt ? ` (due ${item.dueAt.toISOString()})` : ''}; only an overdue step is urged`);
  }
  if (item.claimedById === actor.id) throw new AppError(ErrorCode.INVALID_STATE, 'You hold this step yourself');
  const notified = item.claimedById
    ? [item.claimedById]
    : (await prisma.user.findMany({ where: eligibleStaff(item), select: { id: true }, orderBy: { id: 'asc' } })).map((u) => u.id).filter((id) => id !== actor.id);
  const key = `urge/${randomUUID()}`;
  const dueAt = item.dueAt?.toISOString() ?? null;
  await prisma.$transaction(async (tx) => {
    for (const recipientId of notified) {
      await tx.outboxMessage.create({
        data: { id: `msg-${key}/${recipientId}`, topic: STEP_URGED_TOPIC, recipientId, payload: { caseType, caseId, step, dueAt, urgedById: actor.id, note } },
      });
    }
    await appendAuditEvent(tx, {
      eventKey: key,
      caseId,
      caseType,
      type: STEP_URGED,
      actorId: actor.id,
      actorRole: actor.role,
      reason: note,
      data: { step, dueAt, claimedById: item.claimedById, notified },
      occurredAt: now,
    });
  });
  return { caseType: item.caseType, caseId, step, dueAt, urgedAt: now.toISOString(), notified };
}
