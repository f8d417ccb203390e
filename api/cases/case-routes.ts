import type { Router } from 'express';
import type { UpdateDefinition } from '@temporalio/common';
import type { z } from 'zod';
import type { PrismaClient } from '../../generated/prisma/client.js';
import type { Actor } from '../../domain/roles.js';
import type { Permission } from '../access/permissions.js';
import { apiRouter } from '../api-router.js';
import { actorOf, requirePermission } from '../auth/authenticate.js';
import { claimRoutes } from '../claims/claim-routes.js';
import { idempotencyKeyOf } from '../idempotency-key.js';
import { parseInput } from '../validate.js';
import type { CaseAction } from './case-action.js';

export interface CaseRoutesOptions<P extends string> {
  /** '/objections' */
  basePath: string;
  /** The route parameter of the case id ('caseId'), and the schema that validates it (a 400 problem when malformed). */
  idParam: P;
  paramsSchema: z.ZodType<Record<P, string>>;
  readPermission: Permission;
  actions: readonly CaseAction[];
  service: {
    get(actor: Actor, id: string): Promise<unknown>;
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    act(actor: Actor, id: string, update: UpdateDefinition<any, [any]>, command: object, idempotencyKey?: string): Promise<unknown>;
  };
  prisma: PrismaClient;
}

/**
 * The routes every case type has: GET {basePath}/:id, one POST per human action (each behind its permission, its body
 * validated, run as the workflow update), and the claim routes of the current step.
 */
export function caseRoutes<P extends string>({ basePath, idParam, paramsSchema, readPermission, actions, service, prisma }: CaseRoutesOptions<P>): Router {
  const router = apiRouter();
  const casePath = `${basePath}/:${idParam}`;
  const idOf = (params: unknown) => parseInput(paramsSchema, params)[idParam];

  router.get(casePath, requirePermission(readPermission), async (req, res) => {
    res.json(await service.get(actorOf(res), idOf(req.params)));
  });

  for (const action of actions) {
    router.post(`${casePath}/${action.path}`, requirePermission(action.permission), async (req, res) => {
      const id = idOf(req.params);
      const command = parseInput(action.body, req.body ?? {}) as object;
      res.json(await service.act(actorOf(res), id, action.update, command, idempotencyKeyOf(req)));
    });
  }

  router.use(claimRoutes({ casePath, caseIdOf: idOf, act: (actor, id, update, command, key) => service.act(actor, id, update, command, key), prisma }));
  return router;
}
