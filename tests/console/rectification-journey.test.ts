/**
 * The console in a real browser against the real API, Temporal worker and PostgreSQL: a government body rectifies a
 * record (explanation and plan, completion with a PDF) and a reviewer claims and accepts the rectification.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newPage, screenshot, signIn } from '../support/browser.js';
import { createObjectionWorld, type ObjectionWorld } from '../support/objection-fixtures.js';
import { startRectification } from '../support/rectification-fixtures.js';
import { getTestEnv } from '../support/test-env.js';
import { CONSOLE_PASSWORD as PASSWORD, PDF, startConsoleHarness, type ConsoleHarness } from '../support/console-harness.js';

const env = await getTestEnv();

let world: ObjectionWorld;
let baseUrl: string;
let browser: Browser;
let taskQueue: string;
let harness: ConsoleHarness<ObjectionWorld>;

beforeAll(async () => {
  harness = await startConsoleHarness({
    name: 'console-rectification',
    world: () => createObjectionWorld(env.prisma),
    app: (w) => ({ objectionPolicyId: w.policyId }),
  });
  ({ world, baseUrl, browser, taskQueue } = harness);
});
afterAll(async () => {
  await harness?.stop();
});

describe('a rectification in the console', () => {
  it('a body explains and completes its rectification with a PDF, and a reviewer claims and accepts it', { timeout: 180_000 }, async () => {
    // The test worker's minute-long working days: no deadline passes during the test.
    const { rectificationId } = await startRectification(env.prisma, env.temporalClient, taskQueue, world);

    const body = await newPage(browser);
    await signIn(body, baseUrl, world.actors.applicant.id, PASSWORD);
    await body.goto(`${baseUrl}/console/inbox`);
    await body.getByRole('button', { name: `办理 ${rectificationId}` }).click();
    await body.waitForURL(/\/console\/rectifications\//);
    await body.getByText('待提交说明').first().waitFor();
    await body.getByRole('textbox', { name: '原因说明' }).fill('合同结算延误导致欠款');
    await body.getByRole('textbox', { name: '整改计划' }).fill('本月底前全部清偿');
    await body.getByRole('button', { name: '提交说明和计划' }).click();
    await body.getByText('整改中').first().waitFor();
    await body.getByRole('textbox', { name: '整改完成情况' }).fill('欠款已全部清偿');
    await body.getByRole('textbox', { name: '完成证明材料名称' }).fill('清偿凭证');
    await body.getByLabel('完成证明材料（PDF 或图片）').setInputFiles({ name: '清偿凭证.pdf', mimeType: 'application/pdf', buffer: PDF });
    await body.getByRole('button', { name: '报告完成并提交审核' }).click();
    await body.getByText('审核中').first().waitFor();
    await body.getByText('清偿凭证').first().waitFor();

    const reviewer = await newPage(browser);
    await signIn(reviewer, baseUrl, world.actors.reviewer.id, PASSWORD);
    await reviewer.getByRole('button', { name: `认领 ${rectificationId}` }).click();
    await reviewer.getByRole('button', { name: `办理 ${rectificationId}` }).click();
    await reviewer.waitForURL(/\/console\/rectifications\//);
    await reviewer.getByRole('radio', { name: '整改通过' }).check();
    await reviewer.getByRole('textbox', { name: '审核理由' }).fill('整改到位');
    await screenshot(reviewer, 'reviewer-rectification-review');
    await reviewer.getByRole('button', { name: '提交审核结果' }).click();
    await reviewer.getByText('已整改').first().waitFor();
    const row = await env.prisma.rectification.findUniqueOrThrow({ where: { id: rectificationId } });
    expect(row.status).toBe('RECTIFIED');
  });
});
