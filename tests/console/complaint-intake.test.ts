/** The credit office registers a complaint in the console and hands the reporter a case number and a secret. */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../api/session/password-hashing.js';
import { createTestApp } from '../support/api-harness.js';
import { choose, launchBrowser, newPage, screenshot, signIn } from '../support/browser.js';
import { createComplaintWorld, type ComplaintWorld } from '../support/complaint-fixtures.js';
import { startRealWorker } from '../support/real-worker.js';
import { getTestEnv, uniqueId } from '../support/test-env.js';

const env = await getTestEnv();
const taskQueue = uniqueId('console-complaints');
const PASSWORD = 'console-test-password';

let world: ComplaintWorld;
let server: Server;
let baseUrl: string;
let browser: Browser;
let stopWorker: () => Promise<void>;

beforeAll(async () => {
  ({ stop: stopWorker } = await startRealWorker(taskQueue));
  world = await createComplaintWorld(env.prisma);
  const passwordHash = await hashPassword(PASSWORD);
  await env.prisma.localAccount.create({ data: { userId: world.creditOffice.id, passwordHash } });
  const app = await createTestApp({ taskQueue, complaintPolicyId: world.complaintPolicyId });
  server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
  await stopWorker?.();
});

describe('complaint intake in the console', () => {
  it('a credit office reviewer registers a complaint and gets the case number and secret for the reporter', { timeout: 120_000 }, async () => {
    const page = await newPage(browser);
    await signIn(page, baseUrl, world.creditOffice.id, PASSWORD);
    await page.getByRole('link', { name: '登记投诉举报' }).click();
    await page.getByLabel('被投诉主体编号').fill(world.subjectId);
    await choose(page, '重点领域', '招商引资');
    await choose(page, '投诉事项类别', '政策承诺未兑现');
    await page.getByLabel('投诉内容').fill('承诺的招商奖励资金三年未兑现');
    await page.getByLabel('投诉人姓名').fill('王五');
    await page.getByLabel('联系电话').fill('13900000000');
    await page.getByRole('button', { name: '登记' }).click();
    await page.getByText('查询密码', { exact: true }).waitFor();
    await screenshot(page, 'complaint-registered');
    const caseNumber = (await page.getByRole('row').filter({ hasText: '案件编号' }).locator('td').innerText()).trim();
    const secret = (await page.locator('code').first().innerText()).trim();
    const row = await env.prisma.complaint.findUniqueOrThrow({ where: { id: caseNumber } });
    expect(row).toMatchObject({ intakeAuthorityId: world.creditOfficeId, policyArea: 'INVESTMENT_PROMOTION', anonymous: false });
    expect(await env.prisma.complaintReporter.findUnique({ where: { complaintId: caseNumber } })).toMatchObject({ name: '王五' });
    const app = `${baseUrl}`;
    const progress = await request(app).post('/public/complaints/lookup').send({ caseNumber, secret });
    expect(progress.status).toBe(200);
    expect(progress.body).toMatchObject({ caseNumber, status: 'FILED' });
  });
});
