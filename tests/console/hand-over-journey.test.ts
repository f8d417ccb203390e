/**
 * The console in a real browser against the real API, Temporal worker and PostgreSQL: a reviewer claims several
 * objections at once from the inbox (one was already a colleague's: its own result says so), hands one over to a
 * colleague with a note (转办), and the colleague accepts it.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../api/session/password-hashing.js';
import { bearer, createTestApp } from '../support/api-harness.js';
import { choose, launchBrowser, newPage, screenshot, signIn } from '../support/browser.js';
import { eventually } from '../support/eventually.js';
import { createObjectionWorld, type ObjectionWorld } from '../support/objection-fixtures.js';
import { startRealWorker } from '../support/real-worker.js';
import { getTestEnv, uniqueId } from '../support/test-env.js';

const env = await getTestEnv();
const taskQueue = uniqueId('console-hand-over');
const PASSWORD = 'console-test-password';

let world: ObjectionWorld;
let server: Server;
let baseUrl: string;
let browser: Browser;
let stopWorker: () => Promise<void>;

beforeAll(async () => {
  ({ stop: stopWorker } = await startRealWorker(taskQueue));
  world = await createObjectionWorld(env.prisma);
  const passwordHash = await hashPassword(PASSWORD);
  await env.prisma.localAccount.createMany({ data: Object.values(world.actors).map((a) => ({ userId: a.id, passwordHash })) });
  const app = await createTestApp({ taskQueue, objectionPolicyId: world.policyId });
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

async function fileObjection(): Promise<string> {
  const recordId = await world.createRecord();
  const res = await request(baseUrl)
    .post('/objections')
    .set('Authorization', await bearer(world.actors.applicant))
    .send({ recordId, grounds: 'INACCURATE_OR_INCOMPLETE', statement: '金额错误' });
  expect(res.status).toBe(201);
  const caseId = res.body.id as string;
  await eventually(async () => ((await env.prisma.objection.findUniqueOrThrow({ where: { id: caseId } })).currentStep ? true : undefined));
  return caseId;
}

describe('handing work over in the console', () => {
  it('a reviewer claims two objections at once, hands one to a colleague with a note, and the colleague accepts it', { timeout: 180_000 }, async () => {
    const mine = await fileObjection();
    const taken = await fileObjection();
    const colleagueClaim = await request(baseUrl).post(`/objections/${taken}/claim`).set('Authorization', await bearer(world.actors.reviewer2)).send({});
    expect(colleagueClaim.status).toBe(200);

    const reviewer = await newPage(browser);
    await signIn(reviewer, baseUrl, world.actors.reviewer.id, PASSWORD);
    await reviewer.goto(`${baseUrl}/console/inbox?scope=all&open=true`);
    await reviewer.getByRole('checkbox', { name: `选择 ${mine}` }).check();
    await reviewer.getByRole('checkbox', { name: `选择 ${taken}` }).check();
    await reviewer.getByRole('button', { name: '批量认领' }).click();
    const result = reviewer.getByRole('status').filter({ hasText: '批量操作结果' });
    await result.getByText('批量操作结果：成功 1 件，未成功 1 件').waitFor();
    await result.getByText('该步骤已被他人认领').waitFor();
    await screenshot(reviewer, 'reviewer-bulk-claim');
    expect((await env.prisma.objection.findUniqueOrThrow({ where: { id: mine } })).claimedById).toBe(world.actors.reviewer.id);

    await reviewer.goto(`${baseUrl}/console/cases/${mine}`);
    await reviewer.getByRole('button', { name: '转办' }).click();
    const dialog = reviewer.getByRole('dialog');
    await dialog.getByText('转办：将本环节交给同事办理').waitFor();
    await choose(reviewer, '接手同事', `${world.actors.reviewer2.id}（核查员）`);
    // The note is required: the form says so before anything is sent.
    await dialog.getByRole('button', { name: '转办' }).click();
    await dialog.getByText('请填写说明').waitFor();
    await dialog.getByRole('textbox', { name: '说明' }).fill('本人出差，请王同事办理');
    await screenshot(reviewer, 'reviewer-hand-over');
    await dialog.getByRole('button', { name: '转办' }).click();
    await reviewer.getByText('本人出差，请王同事办理').first().waitFor();
    await reviewer.getByText(`已由 ${world.actors.reviewer2.id}`).first().waitFor();
    const handed = await env.prisma.caseEvent.findFirstOrThrow({ where: { caseId: mine, type: 'STEP_HANDED_OVER' } });
    expect(handed).toMatchObject({ actorId: world.actors.reviewer.id, reason: '本人出差，请王同事办理' });

    const colleague = await newPage(browser);
    await signIn(colleague, baseUrl, world.actors.reviewer2.id, PASSWORD);
    await colleague.goto(`${baseUrl}/console/cases/${mine}`);
    await colleague.getByText('转办').first().waitFor();
    await colleague.getByRole('button', { name: '受理', exact: true }).click();
    await eventually(async () => ((await env.prisma.objection.findUniqueOrThrow({ where: { id: mine } })).status === 'UNDER_VERIFICATION' ? true : undefined));
  });
});
