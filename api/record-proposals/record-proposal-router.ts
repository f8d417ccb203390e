import type { Router } from 'express';
import { apiRouter } from '../api-router.js';
import { actorOf, requirePermission } from '../auth/authenticate.js';
import { parseInput } from '../validate.js';
import { confirmRecordProposalSchema, listRecordProposalsQuerySchema, recordProposalParamsSchema, rejectRecordProposalSchema } from './record-proposal-schemas.js';
import type { RecordProposalService } from './record-proposal-service.js';

export function recordProposalRouter(service: RecordProposalService): Router {
  const router = apiRouter();

  router.get('/record-proposals', requirePermission('record-proposal.read'), async (req, res) => {
    res.json(await service.list(actorOf(res), parseInput(listRecordProposalsQuerySchema, req.query)));
  });

  router.get('/record-proposals/:proposalId', requirePermission('record-proposal.read'), async (req, res) => {
    const { proposalId } = parseInput(recordProposalParamsSchema, req.params);
    res.json(await service.get(actorOf(res), proposalId));
  });

  router.post('/record-proposals/:proposalId/confirm', requirePermission('record-proposal.confirm'), async (req, res) => {
    const { proposalId } = parseInput(recordProposalParamsSchema, req.params);
    const input = parseInput(confirmRecordProposalSchema, req.body ?? {});
    res.json(await service.confirm(actorOf(res), proposalId, input));
  });

  router.post('/record-proposals/:proposalId/reject', requirePermission('record-proposal.reject'), async (req, res) => {
    const { proposalId } = parseInput(recordProposalParamsSchema, req.params);
    const { reasons } = parseInput(rejectRecordProposalSchema, req.body ?? {});
    res.json(await service.reject(actorOf(res), proposalId, reasons));
  });

  return router;
}
