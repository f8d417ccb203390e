import { randomBytes } from 'node:crypto';
import type { Prisma, PrismaClient, Subject } from '../../generated/prisma/client.js';
import { answerEligibility, type EligibilityAnswer, type EligibilityBlocker, type EligibilityRestriction } from '../../domain/eligibility/eligibility.js';
import type { Actor } from '../../domain/roles.js';
import { AppError } from '../../lib/app-error.js';
import { appendAuditEvent } from '../../lib/audit/append-audit-event.js';
import { ELIGIBILITY_CASE_TYPE } from '../../workflows/eligibility/eligibility-contract.js';

/** The subject's eligibility as stored by its workflow, re-evaluated now (a block may have just run out). */
export async function eligibilityNow(prisma: PrismaClient | Prisma.TransactionClient, subject: Subject, now = new Date()): Promise<EligibilityAnswer> {
  const row = await prisma.subjectEligibility.findUnique({ where: { subjectId: subject.id } });
  const restriction: EligibilityRestriction = subject.kind === 'GOVERNMENT_BODY' ? 'HONOR_EVALUATION' : 'AWARDS';
  return row
    ? answerEligibility(row.subjectId, row.restriction as EligibilityRestriction, row.blockers as unknown as EligibilityBlocker[], now)
    : answerEligibility(subject.id, restriction, [], now);
}

/** Applicants see their own subject only; staff and administrators see every subject. */
async function visibleSubject(prisma: PrismaClient, actor: Actor, subjectId: string): Promise<Subject> {
  const subject = await prisma.subject.findUnique({ where: { id: subjectId } });
  if (!subject || (actor.role === 'APPLICANT' && actor.subjectId !== subjectId)) throw AppError.notFound('Subject', subjectId);
  return subject;
}

function evaluationView(row: { id: string; subjectId: string; evaluation: string; askedById: string; askedByRole: string; answer: unknown; recordIds: string[]; createdAt: Date }) {
  return { id: row.id, subjectId: row.subjectId, evaluation: row.evaluation, askedById: row.askedById, askedByRole: row.askedByRole, recordIds: row.recordIds, answer: row.answer, createdAt: row.createdAt.toISOString() };
}

/**
 * The eligibility answer an honor evaluation used is stored with that evaluation (rules.md, "Store the eligibility
 * answer with each evaluation that used it (audit)"): who asked, for which 评选, the answer and the records it
 * cited; an ELIGIBILITY_EVALUATED event joins the subject's audit chain in the same transaction.
 */
export function createEligibilityEvaluations(prisma: PrismaClient) {
  return {
    async evaluate(actor: Actor, input: { subjectId: string; evaluation: string }) {
      const subject = await visibleSubject(prisma, actor, input.subjectId);
      const now = new Date();
      const id = `EVAL-${now.toISOString().slice(0, 10).replaceAll('-', '')}-${randomBytes(5).toString('hex').toUpperCase()}`;
      const row = await prisma.$transaction(async (tx) => {
        const answer = await eligibilityNow(tx, subject, now);
        const recordIds = answer.blockers.map((b) => b.recordId);
        const created = await tx.eligibilityEvaluation.create({
          data: {
            id,
            subjectId: subject.id,
            evaluation: input.evaluation,
            askedById: actor.id,
            askedByRole: actor.role,
            eligible: answer.eligible,
            restriction: answer.restriction,
            answer: answer as unknown as Prisma.InputJsonValue,
            recordIds,
            createdAt: now,
          },
        });
        await appendAuditEvent(tx, {
          eventKey: `evaluation-${id}`,
          caseId: subject.id,
          caseType: ELIGIBILITY_CASE_TYPE,
          type: 'ELIGIBILITY_EVALUATED',
          actorId: actor.id,
          actorRole: actor.role,
          reason: input.evaluation,
          data: { evaluationId: id, eligible: answer.eligible, recordIds },
          occurredAt: now,
        });
        return created;
      });
      return evaluationView(row);
    },

    async get(actor: Actor, evaluationId: string) {
      const row = await prisma.eligibilityEvaluation.findUnique({ where: { id: evaluationId } });
      if (!row || (actor.role === 'APPLICANT' && actor.subjectId !== row.subjectId)) throw AppError.notFound('Evaluation', evaluationId);
      return evaluationView(row);
    },
  };
}
