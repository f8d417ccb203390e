import { randomBytes } from 'node:crypto';
import type { Client } from '@temporalio/client';
import request from 'supertest';
import type { Express } from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestApp } from '../support/api-harness.js';
import { startRealWorker } from '../support/real-worker.js';
import { createRepairWorld, FULL_MATERIALS, repairableRecord, repairServiceFor, type RepairWorld } from '../support/repair-fixtures.js';
import { getTestEnv, uniqueId } from '../support/test-env.js';

const env = await getTestEnv();
const taskQueue = uniqueId('repairs-api');
let stopWorker: () => Promise<void>;
let app: Express;
let world: RepairWorld;

beforeAll(async () => {
  ({ stop: stopWorker } = await startRealWorker(taskQueue));
  world = await createRepairWorld(env.prisma);
  app = await createTestApp({ taskQueue, publicationPolicyId: world.publicationPolicyId, rectificationPolicyId: world.rectificationPolicyId, repairPolicyId: world.repairPolicyId });
});
afterAll(async () => {
  await stopWorker?.();
});

const post = async (path: string, actor: RepairWorld['actors'][keyof RepairWorld['actors']], body: object) =>
  request(app).post(path).set('Authorization', await bearer(actor)).send(body);

describe('credit repair API', () => {
  it('runs an application from the eligibility check to approval, with the three views and the timeline', async () => {
    const record = await repairableRecord(env.prisma, env.temporalClient, taskQueue, world);
    const check = await request(app).get(`/records/${record.id}/repair-eligibility`).set('Authorization', await bearer(world.actors.applicant));
    expect(check.body).toEqual({ repairable: true, obstacles: [], earliestFrom: null });

    const filed = await post('/repairs', world.actors.applicant, { recordId: record.id, materials: FULL_MATERIALS });
    expect(filed.status).toBe(201);
    const id = filed.body.id as string;
    expect((await post(`/repairs/${id}/acceptance`, world.actors.reviewer, {})).body.status).toBe('UNDER_REVIEW');
    expect((await post(`/repairs/${id}/review`, world.actors.reviewer, { recommendation: 'APPROVE', reasons: '符合条件' })).body.status).toBe('AWAITING_APPROVAL');
    const approved = await post(`/repairs/${id}/decision`, world.actors.supervisor, { approve: true, reasons: '同意' });
    expect(approved.status).toBe(200);
    expect(approved.body.timeline.map((e: { type: string }) => e.type)).toEqual(expect.arrayContaining(['FILED', 'ACCEPTED', 'REVIEWED', 'APPROVED']));

    for (const viewer of [world.actors.applicant, world.actors.reviewer2, world.actors.admin]) {
      const view = await request(app).get(`/repairs/${id}`).set('Authorization', await bearer(viewer));
      expect(view.status).toBe(200);
      expect(view.body.status).toBe('APPROVED');
    }
    expect((await request(app).get(`/repairs/${id}`).set('Authorization', await bearer(world.actors.otherApplicant))).status).toBe(404);
    expect((await request(app).get(`/repairs/${id}`).set('Authorization', await bearer(world.actors.foreignReviewer))).status).toBe(404);
  });

  it('answers a record that cannot be repaired with 409 and the obstacles', async () => {
    const record = await repairableRecord(env.prisma, env.temporalClient, taskQueue, world, { decisionDate: new Date().toISOString().slice(0, 10) });
    const res = await post('/repairs', world.actors.applicant, { recordId: record.id, materials: FULL_MATERIALS });
    expect(res.status).toBe(409);
    expect(res.body.obstacles.map((o: { code: string }) => o.code)).toContain('MIN_PERIOD_NOT_SERVED');
  });

  it('validates input and roles', async () => {
    const record = await repairableRecord(env.prisma, env.temporalClient, taskQueue, world);
    expect((await post('/repairs', world.actors.reviewer, { recordId: record.id, materials: FULL_MATERIALS })).status).toBe(403);
    expect((await post('/repairs', world.actors.applicant, { recordId: record.id, materials: [] })).status).toBe(400);
    expect((await post('/repairs', world.actors.applicant, { recordId: record.id, materials: [{ kind: 'BRIBE', title: 'x' }] })).status).toBe(400);
    const filed = await post('/repairs', world.actors.applicant, { recordId: record.id, materials: FULL_MATERIALS });
    expect((await post(`/repairs/${filed.body.id}/decision`, world.actors.supervisor, { approve: true, reasons: 'x' })).status).toBe(409);
    expect((await post(`/repairs/${filed.body.id}/correction-request`, world.actors.reviewer, { missing: [], reason: 'x' })).status).toBe(400);
    expect((await request(app).get('/repairs/REP-NOPE').set('Authorization', await bearer(world.actors.admin))).status).toBe(404);
  });

  it('starts the workflow on a retry when the first filing was committed but its workflow never started', async () => {
    const record = await repairableRecord(env.prisma, env.temporalClient, taskQueue, world);
    // The process dies between the committed row and Temporal: here, the start fails once.
    const lost = { workflow: { start: () => Promise.reject(new Error('connection lost')) } } as unknown as Client;
    const key = uniqueId('lost-start');
    const input = { recordId: record.id, materials: FULL_MATERIALS };
    await expect(repairServiceFor(env.prisma, lost, taskQueue, world).file(world.actors.applicant, input, key)).rejects.toThrow('connection lost');
    const row = await env.prisma.repairApplication.findFirstOrThrow({ where: { recordId: record.id } });
    expect(row.status).toBe('FILED');

    const retried = await repairServiceFor(env.prisma, env.temporalClient, taskQueue, world).file(world.actors.applicant, input, key);
    expect(retried.created).toBe(false);
    expect(retried.application.id).toBe(row.id);
    const description = await env.temporalClient.workflow.getHandle(row.workflowId).describe();
    expect(description.status.name).toBe('RUNNING');
    const accepted = await post(`/repairs/${row.id}/acceptance`, world.actors.reviewer, {});
    expect(accepted.status).toBe(200);
    expect(accepted.body.status).toBe('UNDER_REVIEW');
  });

  it("refuses another subject's evidence file in the filing and in the materials action", async () => {
    const foreignFile = `evd-${randomBytes(6).toString('hex')}`;
    await env.prisma.evidenceFile.create({
      data: { id: foreignFile, caseType: 'REPAIR', caseId: 'REP-OTHER', uploadedById: world.actors.otherApplicant.id, fileName: 'x.pdf', mediaType: 'application/pdf', size: 1, sha256: '0'.repeat(64), storageKey: foreignFile },
    });
    const record = await repairableRecord(env.prisma, env.temporalClient, taskQueue, world);
    const withForeign = [{ ...FULL_MATERIALS[0]!, fileId: foreignFile }, ...FULL_MATERIALS.slice(1)];
    const refused = await post('/repairs', world.actors.applicant, { recordId: record.id, materials: withForeign });
    expect(refused.status).toBe(400);
    expect(await env.prisma.repairApplication.count({ where: { recordId: record.id } })).toBe(0);

    const filed = await post('/repairs', world.actors.applicant, { recordId: record.id, materials: FULL_MATERIALS.slice(1) });
    expect(filed.status).toBe(201);
    const id = filed.body.id as string;
    expect((await post(`/repairs/${id}/correction-request`, world.actors.reviewer, { missing: ['APPLICATION_FORM'], reason: '缺申请书' })).status).toBe(200);
    const foreign = await post(`/repairs/${id}/materials`, world.actors.applicant, { materials: [withForeign[0]] });
    expect(foreign.status).toBe(400);
    expect(foreign.body.errors[0].path).toBe('materials.0.fileId');
  });
});
