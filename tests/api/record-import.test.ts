/** POST /records/batch: validated as a whole, idempotent per record, every lifecycle started (real Temporal and PostgreSQL). */
import request from 'supertest';
import type { Express } from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyCaseChain } from '../../lib/audit/verify-audit.js';
import { recordWorkflowId } from '../../workflows/record/record-contract.js';
import { bearer, createTestApp } from '../support/api-harness.js';
import { randomCreditCode } from '../support/credit-codes.js';
import { createRecordWorld, registration, type RecordWorld } from '../support/record-fixtures.js';
import { startRealWorker } from '../support/real-worker.js';
import { getTestEnv, uniqueId } from '../support/test-env.js';

const env = await getTestEnv();
const taskQueue = uniqueId('record-import');
let stopWorker: () => Promise<void>;
let app: Express;
let world: RecordWorld;
let subjectIds: string[];

beforeAll(async () => {
  ({ stop: stopWorker } = await startRealWorker(taskQueue));
  world = await createRecordWorld(env.prisma);
  app = await createTestApp({ taskQueue, publicationPolicyId: world.publicationPolicyId, rectificationPolicyId: world.rectificationPolicyId });
  // Many subjects with a few records each, as a national platform's file has them.
  subjectIds = Array.from({ length: 5 }, () => uniqueId('import-body'));
  await env.prisma.subject.createMany({ data: subjectIds.map((id) => ({ id, kind: 'GOVERNMENT_BODY' as const, name: `导入单位 ${id}`, creditCode: randomCreditCode() })) });
});
afterAll(async () => {
  await stopWorker?.();
});

const importBatch = async (records: unknown[], query = '') =>
  request(app).post(`/records/batch${query}`).set('Authorization', await bearer(world.actors.reviewer)).send({ records });

describe('POST /records/batch', () => {
  it('refuses a batch with bad rows as a whole: a 422 naming every bad row, and nothing is written', async () => {
    const good = [registration(world), registration(world)];
    const rows = [
      good[0],
      registration(world, { decisionDate: '2999-01-01' }),
      good[1],
      registration(world, { subjectId: 'no-such-subject' }),
      { ...registration(world), facts: undefined },
      { ...registration(world), documentNumber: good[0]!.documentNumber },
    ];
    const res = await importBatch(rows);
    expect(res.status).toBe(422);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body.badRows).toEqual([1, 3, 4, 5]);
    expect(res.body.errors.map((e: { path: string }) => e.path)).toEqual(
      expect.arrayContaining(['records[1].decisionDate', 'records[3].subjectId', 'records[4].facts', 'records[5].documentNumber']),
    );
    const written = await env.prisma.dishonestyRecord.count({ where: { documentNumber: { in: good.map((g) => g!.documentNumber) } } });
    expect(written).toBe(0);
  });

  it('a dry run validates without writing', async () => {
    const rows = [registration(world), registration(world)];
    const res = await importBatch(rows, '?dryRun=true');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ valid: 2 });
    expect(await env.prisma.dishonestyRecord.count({ where: { documentNumber: { in: rows.map((r) => r.documentNumber) } } })).toBe(0);
  });

  it('imports every record with its lifecycle running, and a retry imports nothing twice', async () => {
    const rows = Array.from({ length: 15 }, (_, i) => registration(world, { subjectId: subjectIds[i % subjectIds.length] }));
    const first = await importBatch(rows);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ imported: 15, existing: 0 });
    const ids = first.body.records.map((r: { id: string }) => r.id as string);
    expect(first.body.records.map((r: { index: number }) => r.index)).toEqual([...Array(15).keys()]);

    const retry = await importBatch(rows);
    expect(retry.status).toBe(200);
    expect(retry.body).toMatchObject({ imported: 0, existing: 15 });
    expect(retry.body.records.map((r: { id: string }) => r.id)).toEqual(ids);

    const records = await env.prisma.dishonestyRecord.findMany({ where: { id: { in: ids } } });
    expect(records).toHaveLength(15);
    expect(new Set(records.map((r) => r.authorityId))).toEqual(new Set([world.authorityId]));
    const registered = await env.prisma.caseEvent.groupBy({ by: ['caseId'], where: { caseId: { in: ids }, type: 'REGISTERED' }, _count: true });
    expect(registered.map((g) => g._count)).toEqual(Array(15).fill(1));
    // The REGISTERED events are written in one statement per chunk: each starts a chain that verifies.
    for (const id of ids) expect(await verifyCaseChain(env.prisma, id), id).toMatchObject({ ok: true });
    for (const id of ids) {
      const description = await env.temporalClient.workflow.getHandle(recordWorkflowId(id)).describe();
      expect(description.status.name).toBe('RUNNING');
    }
  });

  it('refuses applicants and administrators, like registering one record', async () => {
    for (const actor of [world.actors.applicant, world.actors.admin]) {
      const res = await request(app).post('/records/batch').set('Authorization', await bearer(actor)).send({ records: [registration(world)] });
      expect(res.status).toBe(403);
    }
  });
});
