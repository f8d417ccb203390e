/**
 * The console in a real browser (Debian's chromium via playwright-core) against the real API, Temporal worker and
 * PostgreSQL: a credit repair from the eligibility check through 补正, review and approval to restored eligibility,
 * across the unified inbox; and an administrator publishing a year of the working-day calendar.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { choose, newPage, screenshot, signIn } from '../support/browser.js';
import { createRepairWorld, repairableRecord, type RepairWorld } from '../support/repair-fixtures.js';
import { getTestEnv } from '../support/test-env.js';
import { CONSOLE_PASSWORD as PASSWORD, pdf, startConsoleHarness, type ConsoleHarness } from '../support/console-harness.js';

const env = await getTestEnv();

let world: RepairWorld;
let baseUrl: string;
let browser: Browser;
let taskQueue: string;
let harness: ConsoleHarness<RepairWorld>;

beforeAll(async () => {
  harness = await startConsoleHarness({
    name: 'console-repair',
    world: async () => {
      const w = await createRepairWorld(env.prisma);
      await env.prisma.user.update({ where: { id: w.actors.reviewer.id }, data: { name: '王敏' } });
      await env.prisma.user.update({ where: { id: w.actors.supervisor.id }, data: { name: '李强' } });
      return w;
    },
    app: (w) => ({ publicationPolicyId: w.publicationPolicyId, rectificationPolicyId: w.rectificationPolicyId, repairPolicyId: w.repairPolicyId }),
  });
  ({ world, baseUrl, browser, taskQueue } = harness);
});
afterAll(async () => {
  await harness?.stop();
});

/** Opens a case from the unified inbox (its row's 办理 button). */
async function openFromInbox(page: Page, caseId: string) {
  await page.goto(`${baseUrl}/console/inbox`);
  await page.getByRole('heading', { name: '待办任务' }).waitFor();
  await page.getByRole('button', { name: `办理 ${caseId}` }).click();
  await page.waitForURL(/\/console\/repairs\//);
}

describe('credit repair and the calendar in the console', () => {
  it('an applicant applies for repair with materials, answers a 补正 request, and staff accept, review and approve it until the body is eligible again', { timeout: 240_000 }, async () => {
    const record = await repairableRecord(env.prisma, env.temporalClient, taskQueue, world);

    // The applicant checks eligibility and applies with three of the four required materials.
    const applicant = await newPage(browser);
    await signIn(applicant, baseUrl, world.actors.applicant.id, PASSWORD);
    await applicant.getByRole('heading', { name: '可以参加荣誉评选吗？' }).waitFor();
    await applicant.getByRole('button', { name: `申请信用修复 ${record.id}` }).click();
    await applicant.getByText('符合申请条件').waitFor();
    await applicant.getByLabel('信用修复申请书（文件）').setInputFiles(pdf('申请书.pdf'));
    await applicant.getByLabel('履行完毕证明（文件）').setInputFiles(pdf('履行证明.pdf'));
    await applicant.getByLabel('身份证明或授权委托书（文件）').setInputFiles(pdf('授权书.pdf'));
    await applicant.getByLabel('申请说明').fill('判决确定的义务已全部履行');
    await screenshot(applicant, 'applicant-repair-apply');
    await applicant.getByRole('button', { name: '提交修复申请' }).click();
    await applicant.waitForURL(/\/console\/repairs\//);
    const applicationId = decodeURIComponent(applicant.url().split('/repairs/')[1]!);
    await applicant.getByText('待受理').first().waitFor();

    // The reviewer finds it in the unified inbox, claims it and asks once for the missing commitment (补正).
    const reviewer = await newPage(browser);
    await signIn(reviewer, baseUrl, world.actors.reviewer.id, PASSWORD);
    await reviewer.getByRole('heading', { name: '待办任务' }).waitFor();
    const row = reviewer.getByRole('row').filter({ hasText: applicationId });
    await row.getByText('信用修复').waitFor();
    await reviewer.getByRole('button', { name: `认领 ${applicationId}` }).click();
    await row.getByText('我已认领').waitFor();
    await screenshot(reviewer, 'reviewer-unified-inbox');
    await openFromInbox(reviewer, applicationId);
    await reviewer.getByText('王敏（核查员').first().waitFor();

    // A colleague is refused while the step is claimed, with the reason in Chinese.
    const colleague = await newPage(browser);
    await signIn(colleague, baseUrl, world.actors.reviewer2.id, PASSWORD);
    await colleague.goto(`${baseUrl}/console/repairs/${applicationId}`);
    await colleague.getByRole('button', { name: '受理', exact: true }).click();
    await expect.poll(() => colleague.getByRole('alert').first().innerText(), { timeout: 20_000 }).toContain('该步骤已被其他核查员认领');

    await choose(reviewer, '缺少的材料', '信用承诺书');
    await reviewer.keyboard.press('Escape');
    await reviewer.getByLabel('补正说明').fill('请补充信用承诺书');
    await reviewer.getByRole('button', { name: '告知补正' }).click();
    await reviewer.getByText('待补正').first().waitFor();
    await reviewer.getByText('补正期间，办理期限暂停计算').waitFor();

    // The applicant has it in their inbox and submits the missing material.
    await applicant.goto(`${baseUrl}/console/inbox`);
    await applicant.getByRole('button', { name: `办理 ${applicationId}` }).click();
    await applicant.getByText('信用承诺书', { exact: true }).first().waitFor();
    await applicant.getByLabel('信用承诺书（文件）').setInputFiles(pdf('承诺书.pdf'));
    await applicant.getByRole('button', { name: '提交材料' }).click();
    await applicant.getByText('待受理').first().waitFor();
    const resubmitted = await env.prisma.repairApplication.findUniqueOrThrow({ where: { id: applicationId } });
    expect(resubmitted.status).toBe('FILED');

    // The reviewer accepts and recommends approval; the materials can be previewed in the page.
    await reviewer.reload();
    await reviewer.getByRole('button', { name: '受理', exact: true }).click();
    await reviewer.getByText('审核中').first().waitFor();
    await reviewer.getByRole('button', { name: /^预览 信用承诺书/ }).click();
    await reviewer.getByTitle('预览').waitFor();
    await reviewer.keyboard.press('Escape');
    await reviewer.getByRole('radio', { name: '建议准予修复' }).check();
    await reviewer.getByLabel('审核理由').fill('材料齐全，义务已履行');
    await screenshot(reviewer, 'reviewer-repair-review');
    await reviewer.getByRole('button', { name: '提交审核意见' }).click();
    await reviewer.getByText('待审批').first().waitFor();

    // The supervisor approves (someone other than the reviewer: four-eyes).
    const supervisor = await newPage(browser);
    await signIn(supervisor, baseUrl, world.actors.supervisor.id, PASSWORD);
    await openFromInbox(supervisor, applicationId);
    await supervisor.getByRole('radio', { name: '准予修复' }).check();
    await supervisor.getByLabel('决定理由').fill('同意修复');
    await supervisor.getByRole('button', { name: '提交审批决定' }).click();
    await supervisor.getByText('李强（复核负责人').first().waitFor();
    const approved = await env.prisma.repairApplication.findUniqueOrThrow({ where: { id: applicationId } });
    expect(approved).toMatchObject({ status: 'APPROVED', reviewedById: world.actors.reviewer.id, decidedById: world.actors.supervisor.id });

    // The applicant sees the decision and, once the record is repaired, that the body is eligible again.
    await applicant.goto(`${baseUrl}/console/repairs/${applicationId}`);
    await applicant.getByText('准予修复').first().waitFor();
    await screenshot(applicant, 'applicant-repair-approved');
    await expect
      .poll(async () => (await env.prisma.dishonestyRecord.findUniqueOrThrow({ where: { id: record.id } })).status, { timeout: 30_000 })
      .toBe('REPAIRED');
    await expect
      .poll(
        async () => {
          await applicant.goto(`${baseUrl}/console/records`);
          await applicant.getByRole('heading', { name: '可以参加荣誉评选吗？' }).waitFor();
          await applicant.getByText(/^(可以参加|暂不可以参加)$/).waitFor();
          return applicant.getByText('可以参加', { exact: true }).count();
        },
        { timeout: 30_000, interval: 1000 },
      )
      .toBe(1);
  });

  it('an administrator publishes a year of holidays and make-up days and sees how many open cases were recomputed', { timeout: 120_000 }, async () => {
    const year = 2180 + Math.floor(Math.random() * 15);
    // A Saturday of the year for the make-up working day.
    const saturday = new Date(Date.UTC(year, 8, 20));
    while (saturday.getUTCDay() !== 6) saturday.setUTCDate(saturday.getUTCDate() + 1);
    const makeUp = saturday.toISOString().slice(0, 10);

    const admin = await newPage(browser);
    await signIn(admin, baseUrl, world.actors.admin.id, PASSWORD);
    await admin.getByRole('link', { name: '工作日历' }).click();
    await admin.getByRole('heading', { name: '工作日历' }).waitFor();
    await admin.getByLabel('年度（输入）').fill(String(year));
    await admin.getByLabel('年度（输入）').press('Tab');
    await admin.getByText('尚未发布（按周一至周五暂定计算）').waitFor();

    await admin.getByLabel('日期', { exact: true }).fill(`${year}-10-01`);
    await admin.getByLabel('日期', { exact: true }).press('Enter');
    await admin.getByLabel('名称', { exact: true }).fill('国庆节');
    await admin.getByRole('button', { name: '添加' }).click();
    await admin.getByRole('cell', { name: new RegExp(`^${year}-10-01`) }).waitFor();
    await choose(admin, '类型', '调休上班');
    await admin.getByLabel('日期', { exact: true }).fill(makeUp);
    await admin.getByLabel('日期', { exact: true }).press('Enter');
    await admin.getByLabel('名称', { exact: true }).fill('国庆节调休');
    await admin.getByRole('button', { name: '添加' }).click();
    await admin.getByRole('cell', { name: new RegExp(`^${makeUp}`) }).waitFor();
    await admin.getByLabel('依据（通知名称）').fill(`国务院办公厅关于${year}年部分节假日安排的通知`);

    const answer = admin.waitForResponse((res) => res.url().endsWith(`/calendar/years/${year}`) && res.request().method() === 'PUT');
    await admin.getByRole('button', { name: `发布 ${year} 年安排` }).click();
    const published = (await (await answer).json()) as { calendarVersion: string; recomputedCases: number };
    await expect
      .poll(() => admin.getByRole('status').first().innerText(), { timeout: 20_000 })
      .toContain(`已发布 ${year} 年安排（日历版本 ${published.calendarVersion}），${published.recomputedCases} 个在办案件已重新计算办理期限。`);
    await screenshot(admin, 'admin-calendar');
    const days = await env.prisma.calendarDay.findMany({ where: { year }, orderBy: { date: 'asc' } });
    expect(days.map((d) => [d.date.toISOString().slice(0, 10), d.kind, d.name])).toEqual(
      [[makeUp, 'WORKDAY', '国庆节调休'], [`${year}-10-01`, 'HOLIDAY', '国庆节']].sort((a, b) => a[0]!.localeCompare(b[0]!)),
    );

    // The dashboard's trends and the audit log render for the same administrator.
    await admin.getByRole('link', { name: '监控看板' }).click();
    await admin.getByRole('img', { name: '图表：在办案件账龄（已用工作日）' }).waitFor();
    await admin.waitForTimeout(800); // the charts' entry animation, for the screenshot
    await screenshot(admin, 'admin-dashboard-trends');
    await admin.getByRole('link', { name: '审计日志' }).click();
    await admin.getByRole('heading', { name: '审计日志' }).waitFor();
    await expect.poll(() => admin.getByRole('row').count(), { timeout: 20_000 }).toBeGreaterThan(1);
  });
});
