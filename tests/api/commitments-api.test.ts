import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import type { Express } from 'express';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../domain/roles.js';
import { createLocalDiskFileStore } from '../../lib/storage/local-disk-file-store.js';
import { bearer, createTestApp } from '../support/api-harness.js';
import { commitmentRegistration, createCommitmentWorld, inDays, inMonths, today, type CommitmentWorld } from '../support/commitment-fixtures.js';
import { eventually } from '../support/eventually.js';
import { workersByTimeScale } from '../support/real-worker.js';
import { getTestEnv } from '../support/test-env.js';

const env = await getTestEnv();
const queueFor = workersByTimeScale('commitments-api');
let world: CommitmentWorld;
const apps = new Map<string, Promise<Express>>();

/** The app whose workflows run on a worker of the given compressed time (a calendar day lasts `secondsPerWorkingDay`). */
async function appOn(secondsPerWorkingDay: number): Promise<Express> {
  const taskQueue = await queueFor({ secondsPerWorkingDay, secondsPerMonth: 3_600 });
  let app = apps.get(taskQueue);
  if (!app) {
    app = createTestApp({ taskQueue, commitmentPolicyId: world.commitmentPolicyId, publicationPolicyId: world.publicationPolicyId, rectificationPolicyId: world.rectificationPolicyId,
      evidence: { store: createLocalDiskFileStore(mkdtempSync(join(tmpdir(), 'commitment-evidence-'))), maxBytes: 1024 * 1024 },
    });
    apps.set(taskQueue, app);
  }
  return app;
}

beforeAll(async () => {
  world = await createCommitmentWorld(env.prisma, { checkWorkingDays: 3, reminderWorkingDaysBefore: 1 });
});

const post = async (app: Express, path: string, actor: Actor, body: object) => request(app).post(path).set('Authorization', await bearer(actor)).send(body);
const get = async (app: Express, path: string, actor: Actor) => request(app).get(path).set('Authorization', await bearer(actor));
const types = (body: { timeline: { type: string }[] }) => body.timeline.map((e) => e.type);
/** A 1×1 PNG. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
const rowOf = (id: string) => env.prisma.commitment.findUniqueOrThrow({ where: { id } });

describe('commitments (守信践诺) API', () => {
  it('runs a commitment from registration through progress and an early fulfilment report to a KEPT check, counted for the body', async () => {
    const app = await appOn(60);
    const { applicant, reviewer, reviewer2, otherApplicant, foreignReviewer } = world.actors;
    const registered = await post(app, '/commitments', applicant, commitmentRegistration(world, { policyArea: 'GOVERNMENT_PROCUREMENT' }));
    expect(registered.status, JSON.stringify(registered.body)).toBe(201);
    const id = registered.body.id as string;
    expect(registered.headers.location).toBe(`/commitments/${id}`);
    await eventually(async () => ((await rowOf(id)).status === 'ACTIVE' ? true : undefined));

    const progress = await post(app, `/commitments/${id}/progress`, applicant, { note: '已完成流程再造', evidence: [{ title: '流程图' }] });
    expect(progress.status).toBe(200);
    expect(types(progress.body)).toContain('PROGRESS_REPORTED');
    // Nothing to check yet: the commitment is not due.
    expect((await post(app, `/commitments/${id}/check`, reviewer, { outcome: 'KEPT', reasons: '按时', evidence: [{ title: '抽查' }] })).status).toBe(409);

    const fulfilled = await post(app, `/commitments/${id}/fulfilment`, applicant, { summary: '全年办结时限均未超过1个工作日', evidence: [{ title: '办件统计' }] });
    expect(fulfilled.status).toBe(200);
    expect(fulfilled.body.status).toBe('CHECK_DUE');
    expect(fulfilled.body.currentStep).toBe('CHECK');
    expect(fulfilled.body.assigneeRole).toBe('REVIEWER');
    expect(fulfilled.body.dueAt).not.toBeNull();

    // The body never checks its own commitment; another authority's reviewer does not see it.
    expect((await post(app, `/commitments/${id}/check`, applicant, { outcome: 'KEPT', reasons: 'x', evidence: [{ title: 'x' }] })).status).toBe(403);
    expect((await post(app, `/commitments/${id}/check`, foreignReviewer, { outcome: 'KEPT', reasons: 'x', evidence: [{ title: 'x' }] })).status).toBe(404);
    expect((await post(app, `/commitments/${id}/claim`, reviewer2, {})).status).toBe(200);
    // Claimed by reviewer2: only they (or a supervisor) may check.
    expect((await post(app, `/commitments/${id}/check`, reviewer, { outcome: 'KEPT', reasons: 'x', evidence: [{ title: 'x' }] })).status).toBe(403);
    const checked = await post(app, `/commitments/${id}/check`, reviewer2, { outcome: 'KEPT', reasons: '抽查20件均按时办结', evidence: [{ title: '抽查记录' }] });
    expect(checked.status, JSON.stringify(checked.body)).toBe(200);
    expect(checked.body.status).toBe('KEPT');
    expect(checked.body.closedAt).not.toBeNull();
    expect(types(checked.body)).toEqual(['REGISTERED', 'PERIOD_STARTED', 'PROGRESS_REPORTED', 'FULFILMENT_REPORTED', 'STEP_OPENED', 'STEP_CLAIMED', 'CHECKED']);
    const check = await env.prisma.commitmentCheck.findUniqueOrThrow({ where: { commitmentId_period: { commitmentId: id, period: 0 } } });
    expect(check).toMatchObject({ outcome: 'KEPT', checkedById: reviewer2.id, subjectId: world.subjectId, authorityId: world.authorityId, policyArea: 'GOVERNMENT_PROCUREMENT' });
    expect((await post(app, `/commitments/${id}/progress`, applicant, { note: '还有' })).status).toBe(409);

    const summary = await get(app, `/subjects/${world.subjectId}/commitments/summary?policyArea=GOVERNMENT_PROCUREMENT`, applicant);
    expect(summary.status).toBe(200);
    expect(summary.body).toEqual({ subjectId: world.subjectId, policyArea: 'GOVERNMENT_PROCUREMENT', checks: { kept: 1, late: 0, broken: 0 }, commitments: { open: 0, kept: 1, late: 0, broken: 0 } });
    expect((await get(app, `/subjects/${world.subjectId}/commitments/summary`, otherApplicant)).status).toBe(404);
    expect((await get(app, `/subjects/${world.subjectId}/commitments/summary`, foreignReviewer)).body.checks).toEqual({ kept: 0, late: 0, broken: 0 });

    const listed = await get(app, `/commitments?subjectId=${world.subjectId}&policyArea=GOVERNMENT_PROCUREMENT`, reviewer);
    expect(listed.body.items.map((c: { id: string }) => c.id)).toContain(id);
    const otherArea = await get(app, `/commitments?subjectId=${world.subjectId}&policyArea=BIDDING`, reviewer);
    expect(otherArea.body.items.map((c: { id: string }) => c.id)).not.toContain(id);
    expect((await get(app, `/commitments/${id}`, foreignReviewer)).status).toBe(404);
  });

  it('opens the check when the due date passes, reminds and escalates it, and a supervisor finds the commitment LATE', async () => {
    const app = await appOn(1);
    const registered = await post(app, '/commitments', world.actors.applicant, commitmentRegistration(world, { dueDate: today(), kind: 'SERVICE_QUALITY' }));
    expect(registered.status).toBe(201);
    const id = registered.body.id as string;
    const escalated = await eventually(async () => {
      const row = await rowOf(id);
      return row.escalated ? row : undefined;
    });
    expect(escalated).toMatchObject({ status: 'CHECK_DUE', currentStep: 'CHECK', assigneeRole: 'SUPERVISOR' });
    const late = await post(app, `/commitments/${id}/check`, world.actors.supervisor, { outcome: 'LATE', reasons: '逾期2日办结', evidence: [{ title: '办件记录' }] });
    expect(late.status).toBe(200);
    expect(late.body.status).toBe('LATE');
    const events = types(late.body);
    expect(events.slice(0, 3)).toEqual(['REGISTERED', 'PERIOD_STARTED', 'CHECK_DUE']);
    expect(events).toEqual(expect.arrayContaining(['STEP_OPENED', 'REMINDER_SENT', 'ESCALATED', 'CHECKED']));
    expect(late.body.timeline.find((e: { type: string }) => e.type === 'CHECK_DUE').data.cause).toBe('DUE_DATE');
  });

  it('checks a recurring commitment every period, and a broken check ends it with a record proposal', async () => {
    const app = await appOn(0.05);
    const registered = await post(app, '/commitments', world.actors.applicant, commitmentRegistration(world, {
      kind: 'TOWNSHIP_PUBLIC',
      policyArea: 'STREET_TOWNSHIP_COMMITMENT',
      dueDate: today(),
      recurrence: { everyMonths: 1, endsOn: inMonths(1) },
    }));
    expect(registered.status).toBe(201);
    const id = registered.body.id as string;
    expect(registered.body.dueDates).toEqual([today(), inMonths(1)]);
    const openCheck = async (period: number) => eventually(async () => {
      const row = await rowOf(id);
      return row.status === 'CHECK_DUE' && row.period === period && row.currentStep === 'CHECK' ? row : undefined;
    });
    await openCheck(0);
    const first = await post(app, `/commitments/${id}/check`, world.actors.reviewer, { outcome: 'KEPT', reasons: '按月公开', evidence: [{ title: '公开栏照片' }] });
    expect(first.status).toBe(200);
    expect(first.body.status).toMatch(/ACTIVE|CHECK_DUE/);
    await openCheck(1);
    const broken = await post(app, `/commitments/${id}/check`, world.actors.reviewer, { outcome: 'BROKEN', reasons: '未按承诺公开', evidence: [{ title: '群众反映' }] });
    expect(broken.status).toBe(200);
    expect(broken.body.status).toBe('BROKEN');
    expect(broken.body.recordProposalId).toBeTruthy();
    expect(types(broken.body).filter((t) => t === 'CHECKED')).toHaveLength(2);
    expect(types(broken.body).at(-1)).toBe('RECORD_PROPOSED');
    const summary = await get(app, `/subjects/${world.subjectId}/commitments/summary?policyArea=STREET_TOWNSHIP_COMMITMENT`, world.actors.reviewer);
    expect(summary.body.checks).toEqual({ kept: 1, late: 0, broken: 1 });
    expect(summary.body.commitments.broken).toBe(1);
  });

  it('a broken commitment becomes a record proposal that another reviewer confirms into a record with every effect of a registered one', async () => {
    const app = await appOn(60);
    const { applicant, reviewer, reviewer2 } = world.actors;
    const registered = await post(app, '/commitments', applicant, commitmentRegistration(world, { kind: 'GUARANTEE', policyArea: 'PUBLIC_PRIVATE_PARTNERSHIP', promise: '按PPP合同按季度支付可用性付费' }));
    const id = registered.body.id as string;
    await eventually(async () => ((await rowOf(id)).status === 'ACTIVE' ? true : undefined));
    await post(app, `/commitments/${id}/fulfilment`, applicant, { summary: '已支付', evidence: [{ title: '付款凭证' }] });
    const broken = await post(app, `/commitments/${id}/check`, reviewer2, { outcome: 'BROKEN', reasons: '第三季度付费至今未支付', evidence: [{ title: '社会资本方函件' }] });
    expect(broken.status, JSON.stringify(broken.body)).toBe(200);
    expect(broken.body.status).toBe('BROKEN');
    const proposalId = broken.body.recordProposalId as string;
    expect(proposalId).toBeTruthy();
    expect(broken.body.timeline.at(-1)).toMatchObject({ type: 'RECORD_PROPOSED', data: { recordProposalId: proposalId } });

    const proposal = await get(app, `/record-proposals/${proposalId}`, reviewer);
    expect(proposal.body).toMatchObject({ status: 'PROPOSED', source: 'COMMITMENT', sourceCaseId: id, policyArea: 'PUBLIC_PRIVATE_PARTNERSHIP', severity: 'GENERAL', authorityId: world.authorityId });
    // The reviewer who found it broken does not confirm their own finding.
    expect((await post(app, `/record-proposals/${proposalId}/confirm`, reviewer2, {})).status).toBe(403);
    const confirmed = await post(app, `/record-proposals/${proposalId}/confirm`, reviewer, { documentNumber: `失诺认定-${id}` });
    expect(confirmed.status, JSON.stringify(confirmed.body)).toBe(200);
    const recordId = confirmed.body.recordId as string;

    const record = await get(app, `/records/${recordId}`, reviewer);
    expect(record.body).toMatchObject({ source: 'COMMITMENT', sourceCaseId: id, origin: `COMMITMENT:${id}`, policyArea: 'PUBLIC_PRIVATE_PARTNERSHIP', status: 'ACTIVE', subjectId: world.subjectId });
    const published = await eventually(async () => {
      const res = await request(app).get('/public/records?pageSize=100');
      return res.body.items.find((i: { id: string }) => i.id === recordId);
    });
    expect(published.title).toBe('未履行保障承诺');
    const eligibility = await eventually(async () => {
      const res = await get(app, `/subjects/${world.subjectId}/eligibility`, reviewer);
      return res.body.blockers?.some((b: { recordId: string }) => b.recordId === recordId) ? res.body : undefined;
    });
    expect(eligibility.eligible).toBe(false);
    const rectification = await eventually(async () => (await get(app, `/rectifications?recordId=${recordId}`, reviewer)).body.items?.[0]);
    expect(rectification).toMatchObject({ recordId, subjectId: world.subjectId });
    const summary = await get(app, `/subjects/${world.subjectId}/commitments/summary?policyArea=PUBLIC_PRIVATE_PARTNERSHIP`, applicant);
    expect(summary.body.checks).toEqual({ kept: 0, late: 0, broken: 1 });
  });

  it('the body and the reviewer attach evidence files to the commitment and cite them in the fulfilment report and the check', async () => {
    const app = await appOn(60);
    const { applicant, reviewer, otherApplicant } = world.actors;
    const id = (await post(app, '/commitments', applicant, commitmentRegistration(world))).body.id as string;
    await eventually(async () => ((await rowOf(id)).status === 'ACTIVE' ? true : undefined));
    const upload = async (actor: Actor) => request(app).post(`/cases/commitment/${id}/evidence`).set('Authorization', await bearer(actor)).attach('file', PNG, { filename: 'photo.png' });
    const bodyFile = await upload(applicant);
    expect(bodyFile.status, JSON.stringify(bodyFile.body)).toBe(201);
    expect((await upload(otherApplicant)).status).toBe(404);
    const fulfilled = await post(app, `/commitments/${id}/fulfilment`, applicant, { summary: '已履行', evidence: [{ title: '现场照片', fileId: bodyFile.body.id }] });
    expect(fulfilled.status).toBe(200);
    // A file is cited only by the person who uploaded it.
    const borrowed = await post(app, `/commitments/${id}/check`, reviewer, { outcome: 'KEPT', reasons: '属实', evidence: [{ title: '照片', fileId: bodyFile.body.id }] });
    expect(borrowed.status).toBe(400);
    const reviewerFile = await upload(reviewer);
    const checked = await post(app, `/commitments/${id}/check`, reviewer, { outcome: 'KEPT', reasons: '属实', evidence: [{ title: '核查照片', fileId: reviewerFile.body.id }] });
    expect(checked.status).toBe(200);
    const files = await get(app, `/cases/commitment/${id}/evidence`, applicant);
    expect(files.body.items).toHaveLength(2);
    // Closed: nothing more can be attached.
    expect((await upload(applicant)).status).toBe(409);
  });

  it('a commitment due for its check is in the inbox of its authority\'s staff and in the counts, by policy area', async () => {
    const app = await appOn(60);
    const { applicant, reviewer, foreignReviewer, admin } = world.actors;
    const id = (await post(app, '/commitments', applicant, commitmentRegistration(world, { policyArea: 'LOCAL_GOVERNMENT_DEBT' }))).body.id as string;
    await eventually(async () => ((await rowOf(id)).status === 'ACTIVE' ? true : undefined));
    const items = async (as: Actor, query: string) => (await get(app, `/work-items?${query}&pageSize=100`, as)).body.items.map((i: { id: string }) => i.id);
    // Running towards its due date: nothing to do for the staff yet, but the case is in their lists.
    expect(await items(reviewer, 'scope=actionable&caseType=COMMITMENT')).not.toContain(id);
    expect(await items(reviewer, 'scope=all&caseType=COMMITMENT&policyArea=LOCAL_GOVERNMENT_DEBT')).toContain(id);
    await post(app, `/commitments/${id}/fulfilment`, applicant, { summary: '已偿还', evidence: [{ title: '还款凭证' }] });
    expect(await items(reviewer, 'scope=actionable&policyArea=LOCAL_GOVERNMENT_DEBT')).toContain(id);
    expect(await items(reviewer, 'scope=actionable&policyArea=BIDDING')).not.toContain(id);
    expect(await items(foreignReviewer, 'scope=all')).not.toContain(id);
    expect(await items(applicant, 'scope=all&caseType=COMMITMENT')).toContain(id);

    const stats = await get(app, '/stats/cases?policyArea=LOCAL_GOVERNMENT_DEBT', admin);
    expect(stats.status).toBe(200);
    const open = await env.prisma.commitment.count({ where: { policyArea: 'LOCAL_GOVERNMENT_DEBT', status: 'CHECK_DUE', closedAt: null } });
    expect(stats.body.openByStatus).toContainEqual({ caseType: 'COMMITMENT', status: 'CHECK_DUE', count: open });
    expect((await get(app, '/stats/trends?weeks=1&policyArea=LOCAL_GOVERNMENT_DEBT', admin)).status).toBe(200);
  });

  it('validates a registration and who may register', async () => {
    const app = await appOn(60);
    const { applicant, reviewer } = world.actors;
    expect((await post(app, '/commitments', reviewer, commitmentRegistration(world))).status).toBe(403);
    const past = await post(app, '/commitments', applicant, commitmentRegistration(world, { dueDate: inDays(-1) }));
    expect(past.status).toBe(400);
    expect(past.body.errors[0].path).toBe('dueDate');
    expect((await post(app, '/commitments', applicant, commitmentRegistration(world, { authorityId: 'no-such-authority' }))).status).toBe(400);
    expect((await post(app, '/commitments', applicant, commitmentRegistration(world, { policyArea: 'ARREARS_TO_FIRMS' }))).status).toBe(400);
    expect((await post(app, '/commitments', applicant, commitmentRegistration(world, { kind: 'WISH' }))).status).toBe(400);
    const tooMany = await post(app, '/commitments', applicant, commitmentRegistration(world, { dueDate: today(), recurrence: { everyMonths: 1, endsOn: inMonths(70) } }));
    expect(tooMany.status).toBe(400);
    const key = `cmt-${Date.now()}`;
    const once = await request(app).post('/commitments').set('Authorization', await bearer(applicant)).set('Idempotency-Key', key).send(commitmentRegistration(world));
    const again = await request(app).post('/commitments').set('Authorization', await bearer(applicant)).set('Idempotency-Key', key).send(commitmentRegistration(world));
    expect(again.body.id).toBe(once.body.id);
  });
});
