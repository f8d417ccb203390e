import type { Router } from 'express';
import { apiRouter } from '../api-router.js';
import { pipeline } from 'node:stream/promises';
import { actorOf, requirePermission } from '../auth/authenticate.js';
import { idempotencyGateOf } from '../middleware/idempotency.js';
import { parseInput } from '../validate.js';
import { caseRefParamsSchema, fileIdParamsSchema } from './evidence-schemas.js';
import type { EvidenceService } from './evidence-service.js';
import { singleFileReceiver, uploadFingerprint } from './evidence-upload.js';

/** The upload route takes multipart/form-data (every other body in the API is JSON). */
export const EVIDENCE_UPLOAD_ROUTE = { method: 'POST', path: /^\/cases\/[^/]+\/[^/]+\/evidence\/?$/ } as const;

export function evidenceRouter(service: EvidenceService, options: { maxBytes: number }): Router {
  const router = apiRouter();
  const receiveFile = singleFileReceiver(options.maxBytes);

  router.post('/cases/:caseType/:caseId/evidence', requirePermission('evidence.upload'), async (req, res) => {
    const ref = parseInput(caseRefParamsSchema, req.params);
    const actor = actorOf(res);
    // Before reading the body: nobody uploads megabytes to a case they cannot see.
    await service.requireOpenVisibleCase(actor, ref);
    const file = await receiveFile(req, res);
    const gate = idempotencyGateOf(res);
    if (gate && (await gate(uploadFingerprint(file))) === 'replayed') return;
    const created = await service.upload(actor, ref, file);
    res.status(201).location(created.contentUrl.replace(/\/content$/, '')).json(created);
  });

  router.get('/cases/:caseType/:caseId/evidence', requirePermission('evidence.read'), async (req, res) => {
    const ref = parseInput(caseRefParamsSchema, req.params);
    res.json(await service.list(actorOf(res), ref));
  });

  router.get('/evidence/:fileId', requirePermission('evidence.read'), async (req, res) => {
    const { fileId } = parseInput(fileIdParamsSchema, req.params);
    res.json(await service.get(actorOf(res), fileId));
  });

  router.get('/evidence/:fileId/content', requirePermission('evidence.read'), async (req, res) => {
    const { fileId } = parseInput(fileIdParamsSchema, req.params);
    const { file, content } = await service.open(actorOf(res), fileId);
    res.attachment(file.fileName);
    res.setHeader('Content-Type', file.mediaType);
    res.setHeader('Content-Length', String(file.size));
    res.setHeader('X-Content-Type-Options', 'nosniff');
    try {
      await pipeline(content, res);
    } catch (err) {
      // Once the answer has started there is no problem document to send: the connection is cut instead.
      if (!res.headersSent) throw err;
    }
  });

  return router;
}
