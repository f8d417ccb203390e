/**
 * A complaint in the console, in a real browser against the real API, Temporal worker and PostgreSQL: the credit
 * office's reviewer opens it from the inbox (its own page, not the objection page), sees the reporter, claims the
 * intake and forwards it to the competent authority; that authority's reviewer sees the reporter as 已隐去 and finds
 * the complaint confirmed, with a proposed record; the same reviewer cannot confirm the proposal (four-eyes, said in
 * Chinese), a colleague does; the credit office replies; the reporter, without an account, looks up the progress
 * with the case number and the secret and reads the finding and the reply.
 */
import type { Browser } from 'playwright-core';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer } from '../support/api-harness.js';
import { choose, newPage, screenshot, signIn } from '../support/browser.js';
import { startConsoleHarness, CONSOLE_PASSWORD, type ConsoleHarness } from '../support/console-harness.js';
import { complaintRegistration, createComplaintWorld, type ComplaintWorld } from '../support/complaint-fixtures.js';
import { eventually } from '../support/eventually.js';
import { getTestEnv } from '../support/test-env.js';

const env = await getTestEnv();

let harness: ConsoleHarness<ComplaintWorld>;
let world: ComplaintWorld;
let baseUrl: string;
let browser: Browser;

beforeAll(async () => {
  harness = await startConsoleHarness({
    name: 'console-complaint',
    world: () => createComplaintWorld(env.prisma),
    app: (w) => ({ complaintPolicyId: w.complaintPolicyId }),
  });
  ({ world, baseUrl, browser } = harness);
});
afterAll(async () => {
  await harness?.stop();
});

describe('a complaint in the console', () => {
  it('a complaint from the inbox to the reply, its record proposal confirmed by a second reviewer, and the reporter\'s lookup', { timeout: 180_000 }, async () => {
    const registered = await request(baseUrl).post('/complaints').set('Authorization', await bearer(world.creditOffice)).send(complaintRegistration(world));
    expect(registered.status).toBe(201);
    const { caseNumber, secret } = registered.body.lookup as { caseNumber: string; secret: string };
    await eventually(async () => ((await env.prisma.complaint.findUniqueOrThrow({ where: { id: caseNumber } })).currentStep === 'INTAKE' ? true : undefined));

    // The credit office's reviewer: inbox → the complaint's own page.
    const office = await newPage(browser);
    await signIn(office, baseUrl, world.creditOffice.id, CONSOLE_PASSWORD);
    await office.goto(`${baseUrl}/console/inbox?scope=all&open=true`);
    await office.getByRole('link', { name: caseNumber, exact: true }).click();
    await office.waitForURL(`**/console/complaints/${caseNumber}`);
    await office.getByRole('heading', { name: `投诉举报 ${caseNumber}` }).waitFor();
    await office.getByText('待受理', { exact: true }).waitFor();
    await office.getByText('李四', { exact: true }).waitFor();

    await office.getByRole('button', { name: '认领' }).click();
    await office.getByRole('button', { name: '释放' }).waitFor();
    await eventually(async () => ((await env.prisma.complaint.findUniqueOrThrow({ where: { id: caseNumber } })).claimedById === world.creditOffice.id ? true : undefined));

    const forward = office.getByRole('form', { name: '转交核查' });
    await forward.getByLabel('核查机关编号（被投诉主体的上级部门或主管部门）').fill(world.authorityId);
    await forward.getByLabel('转交说明（选填）').fill('请主管部门核查招商奖励资金兑现情况');
    await forward.getByRole('button', { name: '转交核查' }).click();
    await office.getByText('已转交核查机关').waitFor();
    await office.getByText('核查中', { exact: true }).waitFor();
    await screenshot(office, 'complaint-forwarded');
    const row = await env.prisma.complaint.findUniqueOrThrow({ where: { id: caseNumber } });
    expect(row).toMatchObject({ status: 'UNDER_VERIFICATION', currentStep: 'VERIFICATION', authorityId: world.authorityId });

    // The competent authority's reviewer sees the case but not who reported it.
    const authority = await newPage(browser);
    await signIn(authority, baseUrl, world.actors.reviewer.id, CONSOLE_PASSWORD);
    await authority.goto(`${baseUrl}/console/complaints/${caseNumber}`);
    await authority.getByRole('heading', { name: `投诉举报 ${caseNumber}` }).waitFor();
    await authority.getByText(/^已隐去/).waitFor();
    expect(await authority.getByText('李四', { exact: true }).count()).toBe(0);
    await authority.getByRole('button', { name: '认领' }).click();
    await authority.getByRole('button', { name: '释放' }).waitFor();
    const finding = authority.getByRole('form', { name: '核查结论' });
    await finding.getByRole('radio', { name: '属实', exact: true }).check();
    await finding.getByLabel('结论理由').fill('经核查，奖励资金确未按协议兑现');
    await finding.getByLabel('核查证据（每行一项材料名称）').fill('招商引资协议\n财政拨付记录');
    await choose(authority, '失信严重程度', '一般');
    await finding.getByLabel('失信事项', { exact: true }).fill('招商引资承诺未兑现');
    await finding.getByLabel('失信事实').fill('承诺的奖励资金三年未兑现');
    await finding.getByRole('button', { name: '提交核查结论' }).click();
    await authority.getByText('核查结论已提交').waitFor();
    const found = await eventually(async () => {
      const c = await env.prisma.complaint.findUniqueOrThrow({ where: { id: caseNumber } });
      return c.status === 'AWAITING_REPLY' && c.proposalId ? c : undefined;
    });
    expect(found.finding).toBe('CONFIRMED');
    const proposalId = found.proposalId!;

    // Whoever made the finding cannot confirm its record proposal: the refusal in Chinese; a colleague confirms.
    await authority.getByRole('link', { name: '失信记录建议' }).click();
    await authority.getByRole('button', { name: `确认 ${proposalId}` }).click();
    const dialog = authority.getByRole('dialog');
    await dialog.getByRole('button', { name: '确认' }).click();
    await dialog.getByRole('alert').getByText(/^四眼原则：作出核查结论的人不能确认/).waitFor();
    await screenshot(authority, 'record-proposal-four-eyes');
    await dialog.getByRole('button', { name: '取消' }).click();

    const colleague = await newPage(browser);
    await signIn(colleague, baseUrl, world.actors.reviewer2.id, CONSOLE_PASSWORD);
    await colleague.goto(`${baseUrl}/console/record-proposals`);
    await colleague.getByRole('button', { name: `确认 ${proposalId}` }).click();
    await colleague.getByRole('dialog').getByLabel('确认意见（选填）').fill('核查结论属实，予以确认');
    await colleague.getByRole('dialog').getByRole('button', { name: '确认' }).click();
    await colleague.getByText('已确认，失信记录已形成').waitFor();
    const proposal = await eventually(async () => {
      const p = await env.prisma.recordProposal.findUniqueOrThrow({ where: { id: proposalId } });
      return p.recordId ? p : undefined;
    });
    expect(proposal).toMatchObject({ status: 'CONFIRMED', decidedById: world.actors.reviewer2.id });

    // The credit office replies, which closes the case.
    await office.reload();
    await office.getByRole('button', { name: '认领' }).click();
    await office.getByRole('button', { name: '释放' }).waitFor();
    const reply = office.getByRole('form', { name: '答复投诉人' });
    await reply.getByLabel('答复内容').fill('经主管部门核查，您反映的情况属实，已依法认定并记入政务失信记录。');
    await reply.getByRole('button', { name: '答复并办结' }).click();
    await office.getByText('已答复投诉人，案件办结').waitFor();
    await eventually(async () => ((await env.prisma.complaint.findUniqueOrThrow({ where: { id: caseNumber } })).status === 'REPLIED' ? true : undefined));

    // The reporter, without signing in: 信用公示 → 投诉举报进度查询.
    const reporter = await newPage(browser);
    await reporter.goto(`${baseUrl}/console/public`);
    await reporter.getByRole('link', { name: '投诉举报进度查询' }).click();
    await reporter.getByLabel('案件编号').fill(caseNumber);
    await reporter.getByLabel('查询密码').fill('wrong-secret');
    await reporter.getByRole('button', { name: '查询' }).click();
    await reporter.getByRole('alert').getByText('案件编号或查询密码不正确。').waitFor();
    await reporter.getByLabel('查询密码').fill(secret);
    await reporter.getByRole('button', { name: '查询' }).click();
    await reporter.getByRole('row').filter({ hasText: '办理状态' }).getByText('已答复').waitFor();
    await reporter.getByRole('row').filter({ hasText: '核查结论' }).getByText('属实', { exact: true }).waitFor();
    await reporter.getByText('经主管部门核查，您反映的情况属实').waitFor();
    expect(await reporter.getByText('李四').count()).toBe(0);
    await screenshot(reporter, 'complaint-lookup');
  });
});
