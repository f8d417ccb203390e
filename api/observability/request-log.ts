import type { RequestHandler } from 'express';
import type { Logger } from '../../lib/logger.js';
import { objectionWorkflowId } from '../../workflows/objection/objection-contract.js';
import { recordWorkflowId } from '../../workflows/record/record-contract.js';
import { repairWorkflowId } from '../../workflows/repair/repair-contract.js';

/** The case a request is about, from its route parameters, and its workflow id where the id alone names it. */
export function caseOfRequest(params: Record<string, string | undefined>): { caseId?: string; workflowId?: string } {
  if (params.caseId) return { caseId: params.caseId, workflowId: params.caseType && params.caseType !== 'objection' ? undefined : objectionWorkflowId(params.caseId) };
  if (params.applicationId) return { caseId: params.applicationId, workflowId: repairWorkflowId(params.applicationId) };
  if (params.recordId) return { caseId: params.recordId, workflowId: recordWorkflowId(params.recordId) };
  if (params.rectificationId) return { caseId: params.rectificationId };
  return {};
}

/**
 * The route's parameters, read again from the path (Express resets req.params when an error reaches the error
 * middleware, so at 'finish' they may be gone).
 */
export function paramsOf(template: string, path: string): Record<string, string | undefined> {
  const names = template.split('/');
  const values = path.split('/');
  const params: Record<string, string | undefined> = {};
  names.forEach((name, i) => {
    if (name.startsWith(':') && values[i] !== undefined) params[name.slice(1)] = values[i];
  });
  return params;
}

/**
 * One log line per request when it finishes: request id, route template, status, duration, and the case id and
 * workflow id it concerns, so a case can be followed from the API into the worker's logs (which carry workflowId).
 */
export function requestLog(logger: Logger): RequestHandler {
  return (req, res, next) => {
    const started = process.hrtime.bigint();
    res.once('finish', () => {
      const route = req.route ? `${req.baseUrl}${String((req.route as { path: unknown }).path)}` : undefined;
      const actor = res.locals.actor as { id: string } | undefined;
      logger.info(
        {
          requestId: res.locals.requestId,
          method: req.method,
          route,
          status: res.statusCode,
          durationMs: Number(process.hrtime.bigint() - started) / 1e6,
          actorId: actor?.id,
          ...(route ? caseOfRequest(paramsOf(route, req.path)) : {}),
        },
        'request',
      );
    });
    next();
  };
}
