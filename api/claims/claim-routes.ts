import type { Router } from 'express';
import { apiRouter } from '../api-router.js';
import type { UpdateDefinition } from '@temporalio/common';
import type { PrismaClient } from '../../generated/prisma/client.js';
import { ROLES, type Actor, type Role } from '../../domain/roles.js';
import { AppError, ErrorCode } from '../../lib/app-error.js';
import {
  claimStepUpdate,
  delegateStepUpdate,
  handOverStepUpdate,
  reassignStepUpdate,
  releaseStepUpdate,
  returnStepUpdate,
  type StepClaimState,
} from '../../workflows/shared/claim-contract.js';
import { actorOf, requirePermission } from '../auth/authenticate.js';
import { idempotencyKeyOf } from '../idempotency-key.js';
import { parseInput } from '../validate.js';
import { claimStepSchema, passStepSchema, reassignStepSchema, releaseStepSchema, returnStepSchema } from './claim-schemas.js';

/** Runs a claim update on a case the actor may see (404 otherwise) and that is open (409), and returns the case. */
export type ClaimAct = (
  actor: Actor,
  caseId: string,
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  update: UpdateDefinition<StepClaimState, [any]>,
  command: object,
  idempotencyKey?: string,
) => Promise<unknown>;

export interface ClaimRoutesOptions {
  /** Express path of one case, e.g. '/objections/:caseId'. */
  casePath: string;
  /** The case id from the route params (a 400 problem when malformed). */
  caseIdOf(params: unknown): string;
  act: ClaimAct;
  prisma: PrismaClient;
}

/** The assignee (or colleague) as the users table knows them; an unknown id is a 400 on the field. */
export async function assigneeOf(prisma: PrismaClient, assigneeId: string, field = 'assigneeId'): Promise<Actor> {
  const user = await prisma.user.findUnique({ where: { id: assigneeId } });
  if (!user || !(ROLES as readonly string[]).includes(user.role)) {
    throw new AppError(ErrorCode.VALIDATION, `Invalid request: ${field}: no user ${assigneeId}`, {
      errors: [{ path: field, message: 'no such user' }],
    });
  }
  return { id: user.id, role: user.role as Role, subjectId: user.subjectId, authorityId: user.authorityId };
}

/**
 * Claim routes for the current step of any case type whose workflow registers the claim updates (StepClaims):
 * POST {casePath}/claim, /release, /assignment, /handover (转办), /delegation (委派) and /delegation/return. Who may claim, release or be assigned is decided by the workflow's
 * validators (the case's authority and step); the matrix (claim.*) only admits the roles.
 */
export function claimRoutes({ casePath, caseIdOf, act, prisma }: ClaimRoutesOptions): Router {
  const router = apiRouter();

  router.post(`${casePath}/claim`, requirePermission('claim.take'), async (req, res) => {
    const caseId = caseIdOf(req.params);
    const command = parseInput(claimStepSchema, req.body ?? {});
    res.json(await act(actorOf(res), caseId, claimStepUpdate, command, idempotencyKeyOf(req)));
  });

  router.post(`${casePath}/release`, requirePermission('claim.release'), async (req, res) => {
    const caseId = caseIdOf(req.params);
    const command = parseInput(releaseStepSchema, req.body ?? {});
    res.json(await act(actorOf(res), caseId, releaseStepUpdate, command, idempotencyKeyOf(req)));
  });

  router.post(`${casePath}/assignment`, requirePermission('claim.reassign'), async (req, res) => {
    const caseId = caseIdOf(req.params);
    const { assigneeId, reason } = parseInput(reassignStepSchema, req.body ?? {});
    const assignee = await assigneeOf(prisma, assigneeId);
    res.json(await act(actorOf(res), caseId, reassignStepUpdate, { assignee, reason }, idempotencyKeyOf(req)));
  });

  for (const [path, permission, update] of [
    ['handover', 'claim.hand-over', handOverStepUpdate],
    ['delegation', 'claim.delegate', delegateStepUpdate],
  ] as const) {
    router.post(`${casePath}/${path}`, requirePermission(permission), async (req, res) => {
      const caseId = caseIdOf(req.params);
      const { colleagueId, note } = parseInput(passStepSchema, req.body ?? {});
      const colleague = await assigneeOf(prisma, colleagueId, 'colleagueId');
      res.json(await act(actorOf(res), caseId, update, { colleague, note }, idempotencyKeyOf(req)));
    });
  }

  router.post(`${casePath}/delegation/return`, requirePermission('claim.return'), async (req, res) => {
    const caseId = caseIdOf(req.params);
    const command = parseInput(returnStepSchema, req.body ?? {});
    res.json(await act(actorOf(res), caseId, returnStepUpdate, command, idempotencyKeyOf(req)));
  });

  return router;
}
