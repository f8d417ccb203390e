/**
 * A complaint in the console, in a real browser against the real API, Temporal worker and PostgreSQL: the credit
 * office's reviewer opens it from the inbox (its own page, not the objection page), sees the reporter, claims the
 * intake and forwards it to the competent authority; that authority's reviewer sees the reporter as 已隐去; the
 * reporter, without an account, looks up the progress with the case number and the secret.
 */
import type { Browser } from 'playwright-core';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer } from '../support/api-harness.js';
import { newPage, screenshot, signIn } from '../support/browser.js';
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
  it('the credit office forwards a complaint from the inbox and the reporter follows its progress without an account', { timeout: 180_000 }, async () => {
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
    await authority.getByRole('form', { name: '核查结论' }).waitFor();

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
    const progress = reporter.getByRole('row').filter({ hasText: '办理状态' });
    await progress.getByText('核查中').waitFor();
    await reporter.getByRole('row').filter({ hasText: '当前环节' }).getByText('核查与决定').waitFor();
    expect(await reporter.getByText('李四').count()).toBe(0);
    await screenshot(reporter, 'complaint-lookup');
  });
});
