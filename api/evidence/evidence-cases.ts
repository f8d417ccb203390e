import type { PrismaClient } from '../../generated/prisma/client.js';
import type { Actor } from '../../domain/roles.js';
import { CLOSED_OBJECTION_STATUSES } from '../../domain/objection/objection-types.js';
import { RecordStatus } from '../../domain/records/record-types.js';
import { AppError, ErrorCode } from '../../lib/app-error.js';
import { CLOSED_COMMITMENT_STATUSES, COMMITMENT_CASE_TYPE } from '../../workflows/commitment/commitment-contract.js';
import { OBJECTION_CASE_TYPE } from '../../workflows/objection/objection-contract.js';
import { RECORD_CASE_TYPE } from '../../workflows/record/record-contract.js';
import { CLOSED_RECTIFICATION_STATUSES, RECTIFICATION_CASE_TYPE } from '../../workflows/rectification/rectification-contract.js';
import { visibleTo } from '../access/visibility.js';

/** Case types evidence can be attached to, as they appear in URLs, and the case type of their audit events. */
export const EVIDENCE_CASE_TYPES = {
  objection: OBJECTION_CASE_TYPE,
  rectification: RECTIFICATION_CASE_TYPE,
  record: RECORD_CASE_TYPE,
  commitment: COMMITMENT_CASE_TYPE,
} as const;
export type EvidenceCaseType = keyof typeof EVIDENCE_CASE_TYPES;

export function evidenceCaseTypeOf(auditCaseType: string): EvidenceCaseType | undefined {
  return (Object.keys(EVIDENCE_CASE_TYPES) as EvidenceCaseType[]).find((key) => EVIDENCE_CASE_TYPES[key] === auditCaseType);
}

export interface CaseRef {
  caseType: EvidenceCaseType;
  caseId: string;
}

/** Whether the actor may see the case, by the same rules as the case's own endpoints (api/access/). */
export async function canSeeCase(prisma: PrismaClient, actor: Actor, ref: CaseRef): Promise<boolean> {
  switch (ref.caseType) {
    case 'objection':
      return (await prisma.objection.count({ where: { id: ref.caseId, ...visibleTo(actor) } })) > 0;
    case 'record':
      return (await prisma.dishonestyRecord.count({ where: { id: ref.caseId, ...visibleTo(actor) } })) > 0;
    case 'rectification':
      return (await prisma.rectification.count({ where: { id: ref.caseId, ...visibleTo(actor) } })) > 0;
    case 'commitment':
      return (await prisma.commitment.count({ where: { id: ref.caseId, ...visibleTo(actor) } })) > 0;
  }
}

/** A case the actor may not see does not exist for them: 404, like the case's own endpoints. */
export async function requireVisibleCase(prisma: PrismaClient, actor: Actor, ref: CaseRef): Promise<void> {
  if (!(await canSeeCase(prisma, actor, ref))) throw AppError.notFound(`Case ${ref.caseType}`, ref.caseId);
}

/** The case's status if it is closed (nothing may be added to it any more), or undefined while it is open. */
async function closedStatusOf(prisma: PrismaClient, ref: CaseRef): Promise<string | undefined> {
  switch (ref.caseType) {
    case 'objection': {
      const row = await prisma.objection.findUnique({ where: { id: ref.caseId }, select: { status: true } });
      return row && (CLOSED_OBJECTION_STATUSES as readonly string[]).includes(row.status) ? row.status : undefined;
    }
    case 'record': {
      const row = await prisma.dishonestyRecord.findUnique({ where: { id: ref.caseId }, select: { status: true } });
      return row && row.status !== RecordStatus.ACTIVE ? row.status : undefined;
    }
    case 'rectification': {
      const row = await prisma.rectification.findUnique({ where: { id: ref.caseId }, select: { status: true } });
      return row && (CLOSED_RECTIFICATION_STATUSES as readonly string[]).includes(row.status) ? row.status : undefined;
    }
    case 'commitment': {
      const row = await prisma.commitment.findUnique({ where: { id: ref.caseId }, select: { status: true } });
      return row && (CLOSED_COMMITMENT_STATUSES as readonly string[]).includes(row.status) ? row.status : undefined;
    }
  }
}

/** Evidence goes to open cases only: a closed case's file list is part of its decided history (409 otherwise). */
export async function requireOpenCase(prisma: PrismaClient, ref: CaseRef): Promise<void> {
  const closed = await closedStatusOf(prisma, ref);
  if (closed) throw new AppError(ErrorCode.INVALID_STATE, `The ${ref.caseType} is closed (${closed}); no evidence can be added to it`);
}
