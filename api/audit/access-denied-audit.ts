import { randomUUID } from 'node:crypto';
import type { Request, Response } from 'express';
import type { PrismaClient } from '../../generated/prisma/client.js';
import type { Actor } from '../../domain/roles.js';
import { appendAuditEvent } from '../../lib/audit/append-audit-event.js';
import type { Logger } from '../../lib/logger.js';

/** Case type of the audit chains of refused requests, one chain per actor (`access:<actorId>`, `access:anonymous`). */
export const ACCESS_CASE_TYPE = 'ACCESS';

export interface DeniedAttempt {
  req: Request;
  res: Response;
  status: number;
  code: string;
}

/** Writes one ACCESS_DENIED audit event for a refused request (401/403); the error middleware calls it. */
export type DeniedAttemptRecorder = (attempt: DeniedAttempt) => Promise<void>;

const MAX_PATH = 1_000;

/**
 * Records refused requests in the hash-chained audit trail. Best effort: a failed write is logged and the caller
 * still gets its 401/403, never a 500.
 */
export function accessDeniedRecorder(prisma: PrismaClient, logger: Logger): DeniedAttemptRecorder {
  return async ({ req, res, status, code }) => {
    const actor = res.locals.actor as Actor | undefined;
    const actorId = actor?.id ?? 'anonymous';
    const requestId = String(res.locals.requestId ?? '');
    try {
      await prisma.$transaction((tx) =>
        appendAuditEvent(tx, {
          // Random, not the request id: a caller who picks its X-Request-Id must not be able to collide with an event.
          eventKey: `access-denied/${randomUUID()}`,
          caseId: `access:${actorId}`,
          caseType: ACCESS_CASE_TYPE,
          type: 'ACCESS_DENIED',
          actorId,
          actorRole: actor?.role ?? 'ANONYMOUS',
          data: { method: req.method, path: (req.originalUrl.split('?')[0] ?? '').slice(0, MAX_PATH), status, code, requestId },
          occurredAt: new Date(),
        }),
      );
    } catch (err) {
      logger.error({ err, requestId, status }, 'could not write the ACCESS_DENIED audit event');
    }
  };
}
