import request from 'supertest';
import type { Express } from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestApp } from '../support/api-harness.js';
import { eventually } from '../support/eventually.js';
import { createRecordWorld, registration, type RecordWorld } from '../support/record-fixtures.js';
import { startRealWorker } from '../support/real-worker.js';
import { getTestEnv, uniqueId } from '../support/test-env.js';

const env = await getTestEnv();
const taskQueue = uniqueId('records-api');
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

async function register(overrides: Record<string, unknown> = {}) {
  return request(app).post('/records').set('Authorization', await bearer(world.actors.reviewer)).send(registration(world, overrides));
}

describe('records, eligibility and publication API', () => {
  it('registers a record, which suspends the subject and is published without a token', async () => {
    const res = await register();
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: 'ACTIVE', publicationStatus: 'PUBLISHED', publishedUntil: '2027-03-02', minPublishedUntil: '2026-06-02' });

    const answer = await eventually(async () => {
      const r = await request(app).get(`/subjects/${world.subjectId}/eligibility`).set('Authorization', await bearer(world.actors.reviewer2));
      return r.body.eligible === false ? r.body : undefined;
    });
    expect(answer).toMatchObject({ restriction: 'HONOR_EVALUATION', blockers: [expect.objectContaining({ recordId: res.body.id })] });

    const published = await request(app).get('/public/records?pageSize=100');
    expect(published.status).toBe(200);
    const item = published.body.items.find((i: { id: string }) => i.id === res.body.id);
    expect(item).toMatchObject({ subject: { kind: 'GOVERNMENT_BODY', name: expect.any(String), creditCode: expect.any(String) }, title: '拖欠民营企业账款' });

    const suspended = await request(app).get('/eligibility/suspended?pageSize=100').set('Authorization', await bearer(world.actors.admin));
    expect(suspended.body.items.map((i: { subjectId: string }) => i.subjectId)).toContain(world.subjectId);
  });

  it('publishes a civil servant’s record without naming the person', async () => {
    const res = await register({ subjectId: world.civilServantId, source: 'DISCIPLINARY_ACTION', sanctionKind: 'DEMERIT', policyArea: 'OTHER' });
    expect(res.status).toBe(201);
    const published = await request(app).get('/public/records?pageSize=100');
    const item = published.body.items.find((i: { id: string }) => i.id === res.body.id);
    expect(item.subject).toEqual({ kind: 'CIVIL_SERVANT', organization: expect.any(String) });
    expect(JSON.stringify(item)).not.toContain('张某某');
  });

  it('refuses a duplicate document number of the same authority with 409', async () => {
    const first = registration(world);
    const token = await bearer(world.actors.reviewer);
    expect((await request(app).post('/records').set('Authorization', token).send(first)).status).toBe(201);
    const again = await request(app).post('/records').set('Authorization', token).send(first);
    expect(again.status).toBe(409);
    expect(again.body.detail).toMatch(/document number/);
  });

  it('validates registrations and roles', async () => {
    const applicant = await request(app).post('/records').set('Authorization', await bearer(world.actors.applicant)).send(registration(world));
    expect(applicant.status).toBe(403);
    const badDate = await register({ decisionDate: '2026-02-30' });
    expect(badDate.status).toBe(400);
    const future = await register({ decisionDate: '2999-01-01' });
    expect(future.status).toBe(400);
    const unknownSubject = await register({ subjectId: 'nobody-here' });
    expect(unknownSubject.status).toBe(404);
    const sanctionOnBody = await register({ sanctionKind: 'WARNING' });
    expect(sanctionOnBody.status).toBe(400);
    const badEnum = await register({ severity: 'CATASTROPHIC' });
    expect(badEnum.status).toBe(400);
    expect(badEnum.headers['content-type']).toMatch(/problem\+json/);
  });

  it('a revocation needs a second person: a supervisor other than its proposer; it is revoked once', async () => {
    const a = (await register()).body.id as string;
    const reviewer = await bearer(world.actors.reviewer);
    const supervisor = await bearer(world.actors.supervisor);
    const proposed = await request(app).post(`/records/${a}/revocation`).set('Authorization', reviewer).send({ reason: '原处罚决定被撤销' });
    expect(proposed.status).toBe(200);
    expect(proposed.body).toMatchObject({ status: 'ACTIVE', sanctionsActive: true });
    expect(proposed.body.timeline.map((e: { type: string }) => e.type)).toContain('REVOCATION_PROPOSED');
    expect((await request(app).post(`/records/${a}/revocation`).set('Authorization', reviewer).send({ reason: '再次' })).status).toBe(409);
    expect((await request(app).post(`/records/${a}/revocation`).set('Authorization', reviewer).send({})).status).toBe(400);
    expect((await request(app).post(`/records/${a}/revocation/decision`).set('Authorization', reviewer).send({ approve: true, reasons: '同意' })).status).toBe(403);
    const revoked = await request(app).post(`/records/${a}/revocation/decision`).set('Authorization', supervisor).send({ approve: true, reasons: '同意撤销' });
    expect(revoked.status).toBe(200);
    expect(revoked.body).toMatchObject({ status: 'REVOKED', sanctionsActive: false });
    expect((await request(app).post(`/records/${a}/revocation`).set('Authorization', reviewer).send({ reason: '再次' })).status).toBe(409);

    const c = (await register()).body.id as string;
    expect((await request(app).post(`/records/${c}/revocation`).set('Authorization', supervisor).send({ reason: '原决定撤销' })).status).toBe(200);
    expect((await request(app).post(`/records/${c}/revocation/decision`).set('Authorization', supervisor).send({ approve: true, reasons: '同意' })).status).toBe(403);
    const rejected = await request(app).post(`/records/${c}/revocation/decision`).set('Authorization', await bearer(world.actors.supervisor2)).send({ approve: false, reasons: '依据不足' });
    expect(rejected.status).toBe(200);
    expect(rejected.body).toMatchObject({ status: 'ACTIVE', sanctionsActive: true });
  });

  it('leniency needs a supervisor who did not propose it', async () => {
    const reviewer = await bearer(world.actors.reviewer);

    const b = (await register()).body.id as string;
    const proposed = await request(app)
      .post(`/records/${b}/leniency`)
      .set('Authorization', reviewer)
      .send({ kind: 'LIGHTER', acts: ['RECOVERED_LOSSES'], reasons: '主动纠错' });
    expect(proposed.status).toBe(200);
    expect((await request(app).post(`/records/${b}/leniency/decision`).set('Authorization', reviewer).send({ approve: true, reasons: 'x' })).status).toBe(403);
    const foreignSupervisor = { ...world.actors.supervisor, id: `${world.actors.supervisor.id}-foreign`, authorityId: world.otherAuthorityId };
    await env.prisma.user.create({ data: { id: foreignSupervisor.id, name: '外单位复核负责人', role: 'SUPERVISOR', authorityId: world.otherAuthorityId } });
    const foreign = await request(app)
      .post(`/records/${b}/leniency/decision`)
      .set('Authorization', await bearer(foreignSupervisor))
      .send({ approve: true, reasons: 'x' });
    expect(foreign.status).toBe(404);
    const approved = await request(app).post(`/records/${b}/leniency/decision`).set('Authorization', await bearer(world.actors.supervisor)).send({ approve: true, reasons: '同意' });
    expect(approved.status).toBe(200);
    expect(approved.body.leniency).toBe('LIGHTER');
  });

  it('a leniency proposal names its qualifying act (挽回损失/消除影响/阻止危害), recorded in the timeline', async () => {
    const reviewer = await bearer(world.actors.reviewer);
    const id = (await register()).body.id as string;
    const propose = (body: Record<string, unknown>) => request(app).post(`/records/${id}/leniency`).set('Authorization', reviewer).send(body);

    const missing = await propose({ kind: 'LIGHTER', reasons: '主动纠错' });
    expect(missing.status).toBe(400);
    expect(JSON.stringify(missing.body)).toContain('acts');
    expect((await propose({ kind: 'LIGHTER', acts: [], reasons: '主动纠错' })).status).toBe(400);
    expect((await propose({ kind: 'LIGHTER', acts: ['SAID_SORRY'], reasons: '主动纠错' })).status).toBe(400);
    expect((await propose({ kind: 'LIGHTER', acts: ['PREVENTED_HARM', 'PREVENTED_HARM'], reasons: '主动纠错' })).status).toBe(400);

    const proposed = await propose({ kind: 'EXEMPTED', acts: ['RECOVERED_LOSSES', 'ELIMINATED_EFFECTS'], reasons: '追回全部款项并公开说明' });
    expect(proposed.status).toBe(200);
    const event = proposed.body.timeline.find((e: { type: string }) => e.type === 'LENIENCY_PROPOSED');
    expect(event.data).toMatchObject({ kind: 'EXEMPTED', acts: ['RECOVERED_LOSSES', 'ELIMINATED_EFFECTS'] });
  });

  it('refuses leniency on a government body’s record when the policy grants it to civil servants only', async () => {
    const civilServantsOnly = uniqueId('publication-cs-only');
    const pinned = await env.prisma.policy.findUniqueOrThrow({ where: { id: world.publicationPolicyId } });
    await env.prisma.policy.create({
      data: {
        id: civilServantsOnly,
        name: civilServantsOnly,
        processType: 'PUBLICATION',
        version: 1,
        active: false,
        params: { ...(pinned.params as Record<string, unknown>), leniencySubjects: 'CIVIL_SERVANTS_ONLY' },
      },
    });
    const reviewer = await bearer(world.actors.reviewer);
    const body = (await register()).body.id as string;
    const person = (await register({ subjectId: world.civilServantId, source: 'DISCIPLINARY_ACTION', sanctionKind: 'DEMERIT', policyArea: 'OTHER' })).body
      .id as string;
    await env.prisma.dishonestyRecord.updateMany({ where: { id: { in: [body, person] } }, data: { publicationPolicyId: civilServantsOnly } });
    const proposal = { kind: 'LIGHTER', acts: ['PREVENTED_HARM'], reasons: '及时阻止危害' };

    const refused = await request(app).post(`/records/${body}/leniency`).set('Authorization', reviewer).send(proposal);
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toContain('civil servants only');
    expect((await request(app).post(`/records/${person}/leniency`).set('Authorization', reviewer).send(proposal)).status).toBe(200);
  });

  it('answers eligibility questions only for subjects the caller may see', async () => {
    expect((await request(app).get('/subjects/nobody-here/eligibility').set('Authorization', await bearer(world.actors.admin))).status).toBe(404);
    expect((await request(app).get(`/subjects/${world.subjectId}/eligibility`).set('Authorization', await bearer(world.actors.otherApplicant))).status).toBe(404);
    expect((await request(app).get('/eligibility/suspended').set('Authorization', await bearer(world.actors.applicant))).status).toBe(403);
  });

  it('a record decided long before it was registered suspends its subject from its decision date', async () => {
    const res = await register({ decisionDate: '2025-03-12', subjectId: world.civilServantId, source: 'DISCIPLINARY_ACTION', sanctionKind: 'REMOVAL', policyArea: 'OTHER' });
    expect(res.status).toBe(201);
    const answer = await eventually(async () => {
      const r = await request(app).get(`/subjects/${world.civilServantId}/eligibility`).set('Authorization', await bearer(world.actors.reviewer));
      const blocker = r.body.blockers?.find((b: { recordId: string }) => b.recordId === res.body.id);
      return blocker as { since: string } | undefined;
    });
    // 2025-03-12 00:00 in Beijing, not the moment the lifecycle started.
    expect(answer.since).toBe('2025-03-11T16:00:00.000Z');
  });

  it('registers a minor record (轻微): published for 3 months and repairable from the day after its decision', async () => {
    const res = await register({ severity: 'MINOR', decisionDate: '2026-01-31' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ severity: 'MINOR', publishedUntil: '2026-04-30', minPublishedUntil: '2026-01-31' });
  });

  it('stores the eligibility answer an honor evaluation used, with who asked and the records it cited', async () => {
    const record = (await register({ subjectId: world.civilServantId, source: 'DISCIPLINARY_ACTION', sanctionKind: 'DEMERIT', policyArea: 'OTHER' })).body.id as string;
    await eventually(async () => {
      const r = await request(app).get(`/subjects/${world.civilServantId}/eligibility`).set('Authorization', await bearer(world.actors.reviewer));
      return r.body.blockers?.some((b: { recordId: string }) => b.recordId === record) ? true : undefined;
    });
    const asked = await request(app)
      .post('/eligibility/evaluations')
      .set('Authorization', await bearer(world.actors.reviewer2))
      .send({ subjectId: world.civilServantId, evaluation: '2026年度优秀公务员评选' });
    expect(asked.status).toBe(201);
    expect(asked.body).toMatchObject({ subjectId: world.civilServantId, evaluation: '2026年度优秀公务员评选', askedById: world.actors.reviewer2.id, answer: { eligible: false } });
    expect(asked.body.recordIds).toContain(record);
    const stored = await request(app).get(`/eligibility/evaluations/${asked.body.id}`).set('Authorization', await bearer(world.actors.admin));
    expect(stored.body).toEqual(asked.body);
    const audit = await env.prisma.caseEvent.findFirst({ where: { caseId: world.civilServantId, type: 'ELIGIBILITY_EVALUATED' } });
    expect(audit?.data).toMatchObject({ evaluationId: asked.body.id, eligible: false });
    expect((await request(app).post('/eligibility/evaluations').set('Authorization', await bearer(world.actors.applicant)).send({ subjectId: world.subjectId, evaluation: 'x' })).status).toBe(403);
    expect((await request(app).get(`/eligibility/evaluations/${asked.body.id}`).set('Authorization', await bearer(world.actors.applicant))).status).toBe(404);
  });
});
