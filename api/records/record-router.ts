import type { Router } from 'express';
import { apiRouter } from '../api-router.js';
import { decideLeniencyUpdate, decideRevocationUpdate, revokeRecordUpdate } from '../../workflows/record/record-contract.js';
import { actorOf, requirePermission } from '../auth/authenticate.js';
import { idempotencyKeyOf } from '../idempotency-key.js';
import { parseInput } from '../validate.js';
import {
  decideLeniencySchema,
  decideRevocationSchema,
  importRecordsQuerySchema,
  importRecordsSchema,
  listRecordsQuerySchema,
  proposeLeniencySchema,
  recordParamsSchema,
  registerRecordSchema,
  revokeRecordSchema,
} from './record-schemas.js';
import type { RecordImporter } from './record-import.js';
import type { RecordService } from './record-service.js';

export function recordRouter(service: RecordService, importer: RecordImporter): Router {
  const router = apiRouter();

  router.post('/records', requirePermission('record.register'), async (req, res) => {
    const input = parseInput(registerRecordSchema, req.body);
    const record = await service.register(actorOf(res), input);
    res.status(201).location(`/records/${record.id}`).json(record);
  });

  router.post('/records/batch', requirePermission('record.import'), async (req, res) => {
    const { records } = parseInput(importRecordsSchema, req.body);
    const { dryRun } = parseInput(importRecordsQuerySchema, req.query);
    if (dryRun) {
      res.json({ valid: await importer.validate(actorOf(res), records) });
      return;
    }
    res.json(await importer.import(actorOf(res), records));
  });

  router.get('/records', requirePermission('record.read'), async (req, res) => {
    const query = parseInput(listRecordsQuerySchema, req.query);
    res.json(await service.list(actorOf(res), query));
  });

  router.get('/records/:recordId', requirePermission('record.read'), async (req, res) => {
    const { recordId } = parseInput(recordParamsSchema, req.params);
    res.json(await service.get(actorOf(res), recordId));
  });

  router.post('/records/:recordId/revocation', requirePermission('record.revoke'), async (req, res) => {
    const { recordId } = parseInput(recordParamsSchema, req.params);
    const command = parseInput(revokeRecordSchema, req.body ?? {});
    res.json(await service.act(actorOf(res), recordId, revokeRecordUpdate, command, idempotencyKeyOf(req)));
  });

  router.post('/records/:recordId/revocation/decision', requirePermission('record.decide-revocation'), async (req, res) => {
    const { recordId } = parseInput(recordParamsSchema, req.params);
    const command = parseInput(decideRevocationSchema, req.body ?? {});
    res.json(await service.act(actorOf(res), recordId, decideRevocationUpdate, command, idempotencyKeyOf(req)));
  });

  router.post('/records/:recordId/leniency', requirePermission('record.propose-leniency'), async (req, res) => {
    const { recordId } = parseInput(recordParamsSchema, req.params);
    const command = parseInput(proposeLeniencySchema, req.body ?? {});
    res.json(await service.proposeLeniency(actorOf(res), recordId, command, idempotencyKeyOf(req)));
  });

  router.post('/records/:recordId/leniency/decision', requirePermission('record.decide-leniency'), async (req, res) => {
    const { recordId } = parseInput(recordParamsSchema, req.params);
    const command = parseInput(decideLeniencySchema, req.body ?? {});
    res.json(await service.act(actorOf(res), recordId, decideLeniencyUpdate, command, idempotencyKeyOf(req)));
  });

  return router;
}
