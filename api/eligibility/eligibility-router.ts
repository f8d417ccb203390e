import type { Router } from 'express';
import { apiRouter } from '../api-router.js';
import type { PrismaClient, SubjectEligibility } from '../../generated/prisma/client.js';
import { answerEligibility, type EligibilityBlocker, type EligibilityRestriction } from '../../domain/eligibility/eligibility.js';
import { AppError } from '../../lib/app-error.js';
import { actorOf, requirePermission } from '../auth/authenticate.js';
import { parseInput } from '../validate.js';
import { pageQuerySchema, subjectParamsSchema } from '../records/record-schemas.js';
import { createEligibilityEvaluations, eligibilityNow } from './eligibility-evaluations.js';
import { evaluateEligibilitySchema, evaluationParamsSchema } from './eligibility-schemas.js';

/** The stored answer, re-evaluated at the time of the request (a block may have just run out). */
function answerNow(row: SubjectEligibility) {
  return answerEligibility(row.subjectId, row.restriction as EligibilityRestriction, row.blockers as unknown as EligibilityBlocker[], new Date());
}

export function eligibilityRouter(prisma: PrismaClient): Router {
  const router = apiRouter();

  /** "Is this subject eligible now, and if not, because of which records, until when?" */
  router.get('/subjects/:subjectId/eligibility', requirePermission('eligibility.read'), async (req, res) => {
    const { subjectId } = parseInput(subjectParamsSchema, req.params);
    const actor = actorOf(res);
    const subject = await prisma.subject.findUnique({ where: { id: subjectId } });
    if (!subject || (actor.role === 'APPLICANT' && actor.subjectId !== subjectId)) throw AppError.notFound('Subject', subjectId);
    res.json(await eligibilityNow(prisma, subject));
  });

  const evaluations = createEligibilityEvaluations(prisma);
  /** An honor evaluation asks, and the answer it used is stored with it (who asked, for which 评选, the records cited). */
  router.post('/eligibility/evaluations', requirePermission('eligibility.evaluate'), async (req, res) => {
    const input = parseInput(evaluateEligibilitySchema, req.body ?? {});
    const stored = await evaluations.evaluate(actorOf(res), input);
    res.status(201).location(`/eligibility/evaluations/${stored.id}`).json(stored);
  });

  router.get('/eligibility/evaluations/:evaluationId', requirePermission('eligibility.read-evaluation'), async (req, res) => {
    const { evaluationId } = parseInput(evaluationParamsSchema, req.params);
    res.json(await evaluations.get(actorOf(res), evaluationId));
  });

  router.get('/eligibility/suspended', requirePermission('eligibility.list-suspended'), async (req, res) => {
    const query = parseInput(pageQuerySchema, req.query);
    const where = { eligible: false };
    const [total, rows] = await prisma.$transaction([
      prisma.subjectEligibility.count({ where }),
      prisma.subjectEligibility.findMany({ where, orderBy: { subjectId: 'asc' }, skip: (query.page - 1) * query.pageSize, take: query.pageSize }),
    ]);
    res.json({ items: rows.map(answerNow), page: query.page, pageSize: query.pageSize, total });
  });

  return router;
}
