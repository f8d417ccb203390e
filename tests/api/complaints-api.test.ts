import request from 'supertest';
import type { Express } from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../domain/roles.js';
import { bearer, createTestApp } from '../support/api-harness.js';
import { complaintRegistration, createComplaintWorld, type ComplaintWorld } from '../support/complaint-fixtures.js';
import { eventually } from '../support/eventually.js';
import { startRealWorker } from '../support/real-worker.js';
import { getTestEnv, uniqueId } from '../support/test-env.js';

const env = await getTestEnv();
const taskQueue = uniqueId('complaints-api');
let stopWorker: () => Promise<void>;
let app: Express;
let world: ComplaintWorld;

beforeAll(async () => {
  ({ stop: stopWorker } = await startRealWorker(taskQueue));
  world = await createComplaintWorld(env.prisma);
  app = await createTestApp({ taskQueue, complaintPolicyId: world.complaintPolicyId, publicationPolicyId: world.publicationPolicyId, rectificationPolicyId: world.rectificationPolicyId });
});
afterAll(async () => {
  await stopWorker?.();
});

const post = async (path: string, as: Actor, body: object = {}) => request(app).post(path).set('Authorization', await bearer(as)).send(body);
const get = async (path: string, as: Actor) => request(app).get(path).set('Authorization', await bearer(as));
const lookup = (caseNumber: string, secret: string) => request(app).post('/public/complaints/lookup').send({ caseNumber, secret });
const stepOpened = (id: string, step: string) =>
  eventually(async () => ((await env.prisma.complaint.findUnique({ where: { id } }))?.currentStep === step ? true : undefined));

async function registered(overrides: Record<string, unknown> = {}) {
  const res = await post('/complaints', world.creditOffice, complaintRegistration(world, overrides));
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  await stepOpened(res.body.id, 'INTAKE');
  return { id: res.body.id as string, secret: res.body.lookup.secret as string, body: res.body };
}

async function forwarded(overrides: Record<string, unknown> = {}) {
  const c = await registered(overrides);
  const res = await post(`/complaints/${c.id}/forwarding`, world.creditOffice, { competentAuthorityId: world.authorityId, note: '属于政务失信投诉，转主管部门核查' });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  await stepOpened(c.id, 'VERIFICATION');
  return c;
}

describe('complaints (投诉举报)', () => {
  it('a confirmed complaint proposes a record that, once confirmed, is published, orders rectification and suspends eligibility', async () => {
    const c = await forwarded();
    const found = await post(`/complaints/${c.id}/finding`, world.actors.reviewer2, {
      finding: 'CONFIRMED',
      reasons: '经核查，奖励资金确未按协议兑现',
      evidence: [{ title: '财政拨付记录' }],
      proposal: { severity: 'GENERAL', facts: { title: '招商引资承诺未兑现', summary: '奖励资金三年未兑现' }, rectificationRequired: true },
    });
    expect(found.status, JSON.stringify(found.body)).toBe(200);
    await stepOpened(c.id, 'REPLY');
    const proposalId = (await env.prisma.complaint.findUniqueOrThrow({ where: { id: c.id } })).proposalId!;
    expect(proposalId).toBeTruthy();

    // The reporter follows progress without an account: a finding is shown once the reply is given.
    const before = await lookup(c.id, c.secret);
    expect(before.body).toMatchObject({ caseNumber: c.id, status: 'AWAITING_REPLY', finding: null, reply: null });
    const replied = await post(`/complaints/${c.id}/reply`, world.creditOffice, { reply: '您反映的问题经核查属实，已提请认定失信记录并督促整改。' });
    expect(replied.body).toMatchObject({ status: 'REPLIED', finding: 'CONFIRMED' });
    expect((await lookup(c.id, c.secret)).body).toMatchObject({ status: 'REPLIED', finding: 'CONFIRMED', reply: expect.stringContaining('属实') });

    // The competent authority's other reviewer confirms the proposal into a record.
    const proposal = await get(`/record-proposals/${proposalId}`, world.actors.reviewer);
    expect(proposal.body).toMatchObject({ source: 'COMPLAINT', sourceCaseId: c.id, status: 'PROPOSED', policyArea: 'INVESTMENT_PROMOTION', proposedById: world.actors.reviewer2.id });
    expect((await post(`/record-proposals/${proposalId}/confirm`, world.actors.reviewer2)).status).toBe(403);
    const confirmed = await post(`/record-proposals/${proposalId}/confirm`, world.actors.reviewer);
    expect(confirmed.status, JSON.stringify(confirmed.body)).toBe(200);
    const recordId = confirmed.body.recordId as string;

    const record = await get(`/records/${recordId}`, world.actors.reviewer);
    expect(record.body).toMatchObject({ source: 'COMPLAINT', origin: `COMPLAINT:${c.id}`, policyArea: 'INVESTMENT_PROMOTION', publicationStatus: 'PUBLISHED' });
    await eventually(async () => ((await request(app).get('/public/records?pageSize=100')).body.items.some((i: { id: string }) => i.id === recordId) ? true : undefined));
    await eventually(async () => {
      const res = await get(`/subjects/${world.subjectId}/eligibility`, world.actors.reviewer);
      return res.body.blockers?.some((b: { recordId: string }) => b.recordId === recordId) ? true : undefined;
    });
    await eventually(async () => (await get(`/rectifications?recordId=${recordId}`, world.actors.reviewer)).body.items?.[0]);

    const types = (await env.prisma.caseEvent.findMany({ where: { caseId: c.id }, orderBy: { id: 'asc' } })).map((e) => e.type);
    expect(types).toEqual(expect.arrayContaining(['FILED', 'STEP_OPENED', 'FORWARDED', 'FINDING_RECORDED', 'RECORD_PROPOSED', 'REPLIED']));
  });

  it('an unfounded complaint leaves no record, and the reporter is told why', async () => {
    const c = await forwarded({ anonymous: true, reporter: undefined });
    const found = await post(`/complaints/${c.id}/finding`, world.actors.reviewer, { finding: 'UNFOUNDED', reasons: '款项已于合同约定日期前支付', evidence: [{ title: '银行回单' }] });
    expect(found.status, JSON.stringify(found.body)).toBe(200);
    await stepOpened(c.id, 'REPLY');
    await post(`/complaints/${c.id}/reply`, world.creditOffice, { reply: '经核查，所涉款项已按合同约定支付，投诉事项不属实。' });
    const answer = await lookup(c.id, c.secret);
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ status: 'REPLIED', finding: 'UNFOUNDED', reply: expect.stringContaining('已按合同约定支付') });
    expect(await env.prisma.recordProposal.count({ where: { sourceCaseId: c.id } })).toBe(0);
    expect(await env.prisma.dishonestyRecord.count({ where: { sourceCaseId: c.id } })).toBe(0);
  });

  it('a complaint out of scope is closed at intake with the reason the reporter reads', async () => {
    const c = await registered();
    const refused = await post(`/complaints/${c.id}/refusal`, world.creditOffice, { reason: '所反映事项为民事纠纷，不属于政务失信投诉受理范围，请通过诉讼解决。' });
    expect(refused.body).toMatchObject({ status: 'NOT_ACCEPTED' });
    expect((await lookup(c.id, c.secret)).body).toMatchObject({ status: 'NOT_ACCEPTED', reply: expect.stringContaining('不属于') });
  });

  it('the reporter’s identity is shown only to the credit office staff handling the intake', async () => {
    const c = await forwarded();
    expect(c.body.reporter).toMatchObject({ name: '李四', phone: '13800000000' });
    const intake = await get(`/complaints/${c.id}`, world.creditOffice);
    expect(intake.body.reporter).toMatchObject({ name: '李四' });
    for (const other of [world.actors.reviewer, world.actors.supervisor, world.actors.admin]) {
      const res = await get(`/complaints/${c.id}`, other);
      expect(res.status).toBe(200);
      expect(res.body.reporter, other.id).toEqual({ redacted: true });
      expect(JSON.stringify(res.body), other.id).not.toContain('李四');
    }
    expect((await get(`/complaints/${c.id}`, world.actors.applicant)).status).toBe(403);
    const list = await get('/complaints?pageSize=100', world.actors.reviewer);
    expect(JSON.stringify(list.body)).not.toContain('李四');
    // Nor does the audit trail or the lookup name the reporter.
    const events = await env.prisma.caseEvent.findMany({ where: { caseId: c.id }, select: { type: true, reason: true, data: true } });
    expect(JSON.stringify(events)).not.toContain('李四');
    expect(JSON.stringify((await lookup(c.id, c.secret)).body)).not.toContain('李四');
  });

  it('a lookup with a wrong secret or an unknown case number answers 404 alike, and the secret is stored hashed', async () => {
    const c = await registered({ anonymous: true, reporter: undefined });
    const wrong = await lookup(c.id, `${c.secret}x`);
    const unknown = await lookup('CMP-20260101-0000000000', c.secret);
    expect(wrong.status).toBe(404);
    expect(unknown.status).toBe(404);
    expect(wrong.body.detail).toBe(unknown.body.detail);
    const row = await env.prisma.complaint.findUniqueOrThrow({ where: { id: c.id } });
    expect(row.lookupSecretHash).not.toContain(c.secret);
    expect(JSON.stringify(row)).not.toContain(c.secret);
  });

  it('only the credit office forwards and replies; only the competent authority finds; a report needs a reporter unless anonymous', async () => {
    const c = await registered();
    // Before forwarding the competent authority does not see the complaint.
    expect((await get(`/complaints/${c.id}`, world.actors.reviewer)).status).toBe(404);
    await post(`/complaints/${c.id}/forwarding`, world.creditOffice, { competentAuthorityId: world.authorityId });
    await stepOpened(c.id, 'VERIFICATION');
    const officeFinds = await post(`/complaints/${c.id}/finding`, world.creditOffice, { finding: 'UNFOUNDED', reasons: '无' });
    expect(officeFinds.status).toBe(403);
    const noProposal = await post(`/complaints/${c.id}/finding`, world.actors.reviewer, { finding: 'CONFIRMED', reasons: '属实' });
    expect(noProposal.status).toBe(400);
    const bad = await post('/complaints', world.creditOffice, complaintRegistration(world, { reporter: undefined }));
    expect(bad.status).toBe(400);
    const filtered = await get('/complaints?policyArea=INVESTMENT_PROMOTION&pageSize=100', world.creditOffice);
    expect(filtered.body.items.map((i: { id: string }) => i.id)).toContain(c.id);
    const otherArea = await get('/complaints?policyArea=BIDDING&pageSize=100', world.creditOffice);
    expect(otherArea.body.items.map((i: { id: string }) => i.id)).not.toContain(c.id);
  });
});

describe('policy areas (76号 key areas) on records, complaints, proposals, work items and counts', () => {
  it('lists records of one policy area', async () => {
    const register = (policyArea: string) =>
      post('/records', world.actors.reviewer, {
        subjectId: world.subjectId,
        source: 'COURT_JUDGMENT',
        documentNumber: `（2026）领域${uniqueId('doc')}号`,
        severity: 'GENERAL',
        policyArea,
        decisionDate: '2026-03-02',
        facts: { title: '合同未履行', summary: '未按约定履行合同' },
        rectificationRequired: false,
      });
    const bidding = await register('BIDDING');
    const procurement = await register('GOVERNMENT_PROCUREMENT');
    expect(bidding.status).toBe(201);
    expect((await register('NOT_AN_AREA')).status).toBe(400);
    const list = await get(`/records?subjectId=${world.subjectId}&policyArea=BIDDING&pageSize=100`, world.actors.reviewer);
    const ids = list.body.items.map((r: { id: string }) => r.id);
    expect(ids).toContain(bidding.body.id);
    expect(ids).not.toContain(procurement.body.id);
    expect(list.body.items.every((r: { policyArea: string }) => r.policyArea === 'BIDDING')).toBe(true);
  });

  it('work items and counts of one policy area include complaints of that area, and only for the office working their step', async () => {
    const c = await registered({ policyArea: 'PUBLIC_PRIVATE_PARTNERSHIP', anonymous: true, reporter: undefined });
    const items = async (as: Actor, query: string) => (await get(`/work-items?${query}&pageSize=100`, as)).body.items.map((i: { id: string }) => i.id);
    expect(await items(world.creditOffice, 'scope=actionable&policyArea=PUBLIC_PRIVATE_PARTNERSHIP')).toContain(c.id);
    expect(await items(world.creditOffice, 'scope=actionable&policyArea=BIDDING')).not.toContain(c.id);
    expect(await items(world.actors.reviewer, 'scope=all&policyArea=PUBLIC_PRIVATE_PARTNERSHIP')).not.toContain(c.id);
    expect(await items(world.actors.applicant, 'scope=all')).not.toContain(c.id);
    // Forwarded: the competent authority works the verification step; the credit office still sees the case.
    await post(`/complaints/${c.id}/forwarding`, world.creditOffice, { competentAuthorityId: world.authorityId });
    await stepOpened(c.id, 'VERIFICATION');
    expect(await items(world.actors.reviewer, 'scope=actionable&policyArea=PUBLIC_PRIVATE_PARTNERSHIP')).toContain(c.id);
    expect(await items(world.creditOffice, 'scope=actionable')).not.toContain(c.id);
    expect(await items(world.creditOffice, 'scope=all&caseType=COMPLAINT')).toContain(c.id);

    const stats = await get('/stats/cases?policyArea=PUBLIC_PRIVATE_PARTNERSHIP', world.actors.admin);
    expect(stats.status).toBe(200);
    const open = await env.prisma.complaint.count({ where: { policyArea: 'PUBLIC_PRIVATE_PARTNERSHIP', status: 'UNDER_VERIFICATION', closedAt: null } });
    expect(stats.body.openByStatus).toContainEqual({ caseType: 'COMPLAINT', status: 'UNDER_VERIFICATION', count: open });
    const bidding = await get('/stats/cases?policyArea=BIDDING', world.actors.admin);
    expect(bidding.body.openByStatus.filter((r: { caseType: string; count: number }) => r.caseType === 'COMPLAINT' && r.count > 0)).toEqual([]);
    const trends = await get('/stats/trends?weeks=1&policyArea=PUBLIC_PRIVATE_PARTNERSHIP', world.actors.admin);
    expect(trends.status).toBe(200);
    expect(trends.body.throughput[0].filed).toContainEqual(expect.objectContaining({ caseType: 'COMPLAINT' }));
  });
});
