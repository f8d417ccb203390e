import request from 'supertest';
import type { Express } from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { proposeRecord } from '../../lib/record-proposals/propose-record.js';
import { bearer, createTestApp } from '../support/api-harness.js';
import { eventually } from '../support/eventually.js';
import { createRecordWorld, type RecordWorld } from '../support/record-fixtures.js';
import { recordProposal } from '../support/record-proposal-fixtures.js';
import { startRealWorker } from '../support/real-worker.js';
import { getTestEnv, uniqueId } from '../support/test-env.js';

const env = await getTestEnv();
const taskQueue = uniqueId('record-proposals');
let stopWorker: () => Promise<void>;
let app: Express;
let world: RecordWorld;

beforeAll(async () => {
  ({ stop: stopWorker } = await startRealWorker(taskQueue));
  world = await createRecordWorld(env.prisma);
  app = await createTestApp({ taskQueue, publicationPolicyId: world.publicationPolicyId, rectificationPolicyId: world.rectificationPolicyId });
});
afterAll(async () => {
  await stopWorker?.();
});

const post = async (path: string, as: RecordWorld['actors'][keyof RecordWorld['actors']], body: object = {}) =>
  request(app).post(path).set('Authorization', await bearer(as)).send(body);
const get = async (path: string, as: RecordWorld['actors'][keyof RecordWorld['actors']]) => request(app).get(path).set('Authorization', await bearer(as));

describe('record proposals', () => {
  it('proposing twice for one source case keeps the first proposal and writes one PROPOSED event', async () => {
    const input = recordProposal(world, world.actors.reviewer2);
    const first = await proposeRecord(env.prisma, input);
    const second = await proposeRecord(env.prisma, { ...input, severity: 'SERIOUS' });
    expect(first.created).toBe(true);
    expect(second).toEqual({ id: first.id, created: false });
    const row = await env.prisma.recordProposal.findUniqueOrThrow({ where: { id: first.id } });
    expect(row.severity).toBe('GENERAL');
    expect(await env.prisma.caseEvent.count({ where: { caseId: first.id, type: 'PROPOSED' } })).toBe(1);
  });

  it('a confirmed proposal becomes a record that says it came from the complaint, with publication, rectification and eligibility effects', async () => {
    const input = recordProposal(world, world.actors.reviewer2, { rectificationRequired: true });
    const { id } = await proposeRecord(env.prisma, input);

    const confirmed = await post(`/record-proposals/${id}/confirm`, world.actors.reviewer, { documentNumber: `投诉认定-${id}` });
    expect(confirmed.status, JSON.stringify(confirmed.body)).toBe(200);
    expect(confirmed.body).toMatchObject({ status: 'CONFIRMED', decidedById: world.actors.reviewer.id, recordId: expect.any(String), origin: `COMPLAINT:${input.sourceCaseId}` });
    const recordId = confirmed.body.recordId as string;

    const record = await get(`/records/${recordId}`, world.actors.reviewer);
    expect(record.body).toMatchObject({
      source: 'COMPLAINT',
      sourceCaseId: input.sourceCaseId,
      origin: `COMPLAINT:${input.sourceCaseId}`,
      policyArea: 'INVESTMENT_PROMOTION',
      status: 'ACTIVE',
      publicationStatus: 'PUBLISHED',
      authorityId: world.authorityId,
    });
    // Publication: listed without a token.
    const published = await eventually(async () => {
      const res = await request(app).get('/public/records?pageSize=100');
      return res.body.items.find((i: { id: string }) => i.id === recordId);
    });
    expect(published).toMatchObject({ title: '招商引资承诺未兑现' });
    // Eligibility: the body's honour eligibility is suspended by this record.
    const eligibility = await eventually(async () => {
      const res = await get(`/subjects/${world.subjectId}/eligibility`, world.actors.reviewer);
      return res.body.blockers?.some((b: { recordId: string }) => b.recordId === recordId) ? res.body : undefined;
    });
    expect(eligibility.eligible).toBe(false);
    // Rectification: a 限期整改 order runs for the government body.
    const rectification = await eventually(async () => {
      const res = await get(`/rectifications?recordId=${recordId}`, world.actors.reviewer);
      return res.body.items?.[0];
    });
    expect(rectification).toMatchObject({ recordId });

    // Confirming again answers the same; the trail has the REGISTERED event naming the proposal.
    const again = await post(`/record-proposals/${id}/confirm`, world.actors.supervisor);
    expect(again.status).toBe(200);
    expect(again.body.recordId).toBe(recordId);
    expect(await env.prisma.dishonestyRecord.count({ where: { sourceCaseId: input.sourceCaseId } })).toBe(1);
    const registered = await env.prisma.caseEvent.findFirstOrThrow({ where: { caseId: recordId, type: 'REGISTERED' } });
    expect(registered.data).toMatchObject({ source: 'COMPLAINT', sourceCaseId: input.sourceCaseId, proposalId: id });
  });

  it('the person who made the finding may not confirm it, and a rejected proposal leaves no record', async () => {
    const input = recordProposal(world, world.actors.reviewer2);
    const { id } = await proposeRecord(env.prisma, input);
    const own = await post(`/record-proposals/${id}/confirm`, world.actors.reviewer2);
    expect(own.status).toBe(403);
    const foreign = await post(`/record-proposals/${id}/reject`, world.actors.foreignReviewer, { reasons: '不予认定' });
    expect(foreign.status).toBe(404);

    const rejected = await post(`/record-proposals/${id}/reject`, world.actors.reviewer, { reasons: '证据不足以认定失信' });
    expect(rejected.body).toMatchObject({ status: 'REJECTED', decisionReasons: '证据不足以认定失信', recordId: null });
    const late = await post(`/record-proposals/${id}/confirm`, world.actors.supervisor);
    expect(late.status).toBe(409);
    expect(await env.prisma.dishonestyRecord.count({ where: { sourceCaseId: input.sourceCaseId } })).toBe(0);
    expect((await env.prisma.caseEvent.findMany({ where: { caseId: id }, orderBy: { id: 'asc' } })).map((e) => e.type)).toEqual(['PROPOSED', 'REJECTED']);
  });

  it('lists proposals of the authority, filtered by policy area and status; applicants have no access', async () => {
    const debt = await proposeRecord(env.prisma, recordProposal(world, world.actors.reviewer2, { policyArea: 'LOCAL_GOVERNMENT_DEBT' }));
    const ppp = await proposeRecord(env.prisma, recordProposal(world, world.actors.reviewer2, { policyArea: 'PUBLIC_PRIVATE_PARTNERSHIP' }));
    const list = await get('/record-proposals?policyArea=LOCAL_GOVERNMENT_DEBT&status=PROPOSED&pageSize=100', world.actors.reviewer);
    expect(list.status).toBe(200);
    const ids = list.body.items.map((p: { id: string }) => p.id);
    expect(ids).toContain(debt.id);
    expect(ids).not.toContain(ppp.id);
    const foreign = await get('/record-proposals?pageSize=100', world.actors.foreignReviewer);
    expect(foreign.body.items.map((p: { id: string }) => p.id)).not.toContain(debt.id);
    expect((await get('/record-proposals', world.actors.applicant)).status).toBe(403);
  });
});
