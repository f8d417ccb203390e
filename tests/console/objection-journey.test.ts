/**
 * The console in a real browser (Debian's chromium via playwright-core) against the real API, Temporal worker and
 * PostgreSQL: each role's main path through an objection, and the pages an administrator and the public see.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer } from '../support/api-harness.js';
import { choose, newPage, screenshot, signIn } from '../support/browser.js';
import { createObjectionWorld, type ObjectionWorld } from '../support/objection-fixtures.js';
import { getTestEnv } from '../support/test-env.js';
import { CONSOLE_PASSWORD as PASSWORD, PDF, startConsoleHarness, type ConsoleHarness } from '../support/console-harness.js';

const env = await getTestEnv();

let world: ObjectionWorld;
let baseUrl: string;
let browser: Browser;
let harness: ConsoleHarness<ObjectionWorld>;

beforeAll(async () => {
  harness = await startConsoleHarness({
    name: 'console-browser',
    world: () => createObjectionWorld(env.prisma),
    app: (w) => ({ objectionPolicyId: w.policyId }),
  });
  ({ world, baseUrl, browser } = harness);
});
afterAll(async () => {
  await harness?.stop();
});

describe('the web console in a browser', () => {
  it('an applicant files an objection with a PDF, a reviewer claims, accepts and decides it, and the applicant sees the outcome', { timeout: 180_000 }, async () => {
    const recordId = await world.createRecord();

    // The applicant files the objection with a PDF as evidence.
    const applicant = await newPage(browser);
    await signIn(applicant, baseUrl, world.actors.applicant.id, PASSWORD);
    await applicant.getByRole('heading', { name: '可以参加荣誉评选吗？' }).waitFor();
    const recordRow = applicant.getByRole('row').filter({ hasText: recordId });
    await expect.poll(() => recordRow.count(), { timeout: 20_000 }).toBe(1);
    await screenshot(applicant, 'applicant-records');
    await recordRow.getByRole('button', { name: '提出异议' }).click();
    await choose(applicant, '异议理由', '记录有误或不完整');
    await applicant.getByLabel('异议说明').fill('欠款已于2025年8月全部清偿，记录金额有误');
    await applicant.getByLabel('证据名称').fill('清偿证明');
    await applicant.getByLabel('证据文件（PDF）').setInputFiles({ name: '清偿证明.pdf', mimeType: 'application/pdf', buffer: PDF });
    await applicant.getByRole('button', { name: '提交异议' }).click();
    await applicant.waitForURL(/\/console\/cases\//);
    const caseId = decodeURIComponent(applicant.url().split('/cases/')[1]!);
    await applicant.getByText('待受理').first().waitFor();
    await applicant.getByText('清偿证明').first().waitFor();
    const filed = await env.prisma.objection.findUniqueOrThrow({ where: { id: caseId } });
    expect(filed.status).toBe('FILED');
    expect(filed.evidence).toEqual([expect.objectContaining({ title: '清偿证明', fileId: expect.any(String) })]);

    // The reviewer claims the step in the inbox.
    const reviewer = await newPage(browser);
    await signIn(reviewer, baseUrl, world.actors.reviewer.id, PASSWORD);
    await reviewer.getByRole('heading', { name: '待办任务' }).waitFor();
    await reviewer.getByRole('button', { name: `认领 ${caseId}` }).click();
    await reviewer.getByRole('row').filter({ hasText: caseId }).getByText('我已认领').waitFor();
    await screenshot(reviewer, 'reviewer-inbox');

    // Another reviewer of the authority is refused, with the reason in Chinese.
    const colleague = await newPage(browser);
    await signIn(colleague, baseUrl, world.actors.reviewer2.id, PASSWORD);
    await colleague.goto(`${baseUrl}/console/cases/${caseId}`);
    // A claimed step offers only 释放 (not 认领); acting on it is refused.
    await colleague.getByRole('button', { name: '释放', exact: true }).waitFor();
    expect(await colleague.getByRole('button', { name: '认领', exact: true }).count()).toBe(0);
    await colleague.getByRole('button', { name: '受理', exact: true }).click();
    await expect.poll(() => colleague.getByRole('alert').first().innerText()).toContain('该步骤已被其他核查员认领');

    // The reviewer accepts and decides.
    await reviewer.getByRole('button', { name: `办理 ${caseId}` }).click();
    await reviewer.getByRole('button', { name: '受理', exact: true }).click();
    await reviewer.getByText('核查中').first().waitFor();
    await choose(reviewer, '处理结果', '更正');
    await reviewer.getByLabel('决定理由').fill('经核查，欠款金额应为20万元');
    await choose(reviewer, '更正字段', '欠款金额（元）');
    await reviewer.getByLabel('更正后的内容').fill('200000');
    await screenshot(reviewer, 'reviewer-decision');
    await reviewer.getByRole('button', { name: '提交决定' }).click();
    await reviewer.getByText('已办结').first().waitFor();

    // The applicant sees the outcome and the corrected record.
    await applicant.reload();
    await applicant.getByText('已办结').first().waitFor();
    await applicant.getByText('经核查，欠款金额应为20万元').first().waitFor();
    await expect.poll(() => applicant.getByText('¥200,000.00', { exact: true }).count()).toBeGreaterThan(0);
    await screenshot(applicant, 'applicant-case-decided');
    const decided = await env.prisma.objection.findUniqueOrThrow({ where: { id: caseId } });
    expect(decided).toMatchObject({ status: 'DECIDED', outcome: 'CORRECT', decidedById: world.actors.reviewer.id });
  });

  it('an administrator sees the dashboard counts from the API, and anyone sees the public records without signing in', { timeout: 120_000 }, async () => {
    const recordId = await world.createRecord();
    const filed = await fetch(`${baseUrl}/objections`, {
      method: 'POST',
      headers: { Authorization: await bearer(world.actors.applicant), 'Content-Type': 'application/json' },
      body: JSON.stringify({ recordId, grounds: 'INACCURATE_OR_INCOMPLETE', statement: '金额有误' }),
    });
    expect(filed.status).toBe(201);
    const { id: caseId, workflowId } = (await filed.json()) as { id: string; workflowId: string };

    const admin = await newPage(browser);
    const statsAnswer = admin.waitForResponse((res) => res.url().endsWith('/stats/cases'));
    await signIn(admin, baseUrl, world.actors.admin.id, PASSWORD);
    await admin.getByRole('heading', { name: '监控看板' }).waitFor();
    const stats = (await (await statsAnswer).json()) as { openByStatus: { count: number }[]; overdue: { count: number }[] };
    const openTotal = stats.openByStatus.reduce((sum, r) => sum + r.count, 0);
    expect(openTotal).toBeGreaterThanOrEqual(1);
    // The page shows the API's numbers (the API's against the database's: tests/api/stats-api.test.ts).
    const openCard = admin.getByRole('group', { name: '在办案件' });
    await expect.poll(() => openCard.innerText()).toContain(openTotal.toLocaleString('en-US'));
    await admin.getByRole('img', { name: '图表：在办案件（按类型和状态）' }).waitFor();
    await admin.waitForTimeout(800); // the charts' entry animation, for the screenshot
    await screenshot(admin, 'admin-dashboard');

    // A case links to its workflow in the Temporal Web UI.
    await admin.goto(`${baseUrl}/console/cases/${caseId}`);
    const link = admin.getByRole('link', { name: '在 Temporal Web UI 中查看流程' });
    expect(await link.getAttribute('href')).toBe(`http://127.0.0.1:8233/namespaces/default/workflows/${workflowId}`);

    const visitor = await newPage(browser);
    // The world's record is past its period (fixture): published again, so that the search below has one to find.
    await env.prisma.dishonestyRecord.update({ where: { id: recordId }, data: { publishedUntil: null } });
    await visitor.goto(`${baseUrl}/console/public`);
    await visitor.getByRole('heading', { name: '政务失信记录公示' }).waitFor();
    await expect.poll(() => visitor.getByRole('row').count()).toBeGreaterThan(1);
    await screenshot(visitor, 'public-records');
    // The search box finds the body by its 统一社会信用代码: only its records are left.
    const code = (await env.prisma.subject.findUniqueOrThrow({ where: { id: world.subjectId } })).creditCode;
    const answer = visitor.waitForResponse((res) => res.url().includes('/public/records') && res.url().includes(`q=${code!}`));
    await visitor.getByLabel('按单位名称或统一社会信用代码查询').fill(code!);
    await visitor.getByLabel('按单位名称或统一社会信用代码查询').press('Enter');
    const found = (await (await answer).json()) as { items: { subject: { creditCode?: string } }[]; total: number };
    expect(found.total).toBeGreaterThanOrEqual(1);
    expect(found.items.every((i) => i.subject.creditCode === code)).toBe(true);
    await expect.poll(() => visitor.getByRole('cell', { name: code! }).count()).toBe(Math.min(found.total, 20));
  });
});
