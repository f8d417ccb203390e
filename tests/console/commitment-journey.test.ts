/**
 * A commitment (守信践诺) in the console, in a real browser against the real API, Temporal worker and PostgreSQL: the
 * body's applicant registers it on 我的承诺, reports progress and reports it fulfilled with a file; the supervising
 * authority's reviewer claims the check and finds it broken; the page shows the record proposal it led to.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { choose, newPage, screenshot, signIn } from '../support/browser.js';
import { createCommitmentWorld, inDays, type CommitmentWorld } from '../support/commitment-fixtures.js';
import { CONSOLE_PASSWORD, pdf, startConsoleHarness, type ConsoleHarness } from '../support/console-harness.js';
import { eventually } from '../support/eventually.js';
import { getTestEnv } from '../support/test-env.js';

const env = await getTestEnv();

let harness: ConsoleHarness<CommitmentWorld>;
let world: CommitmentWorld;
let baseUrl: string;
let browser: Browser;

beforeAll(async () => {
  harness = await startConsoleHarness({
    name: 'console-commitment',
    world: () => createCommitmentWorld(env.prisma),
    app: (w) => ({ commitmentPolicyId: w.commitmentPolicyId }),
  });
  ({ world, baseUrl, browser } = harness);
});
afterAll(async () => {
  await harness?.stop();
});

describe('a commitment in the console', () => {
  it('the body registers and fulfils a commitment, the supervising authority finds it broken, the proposal shows', { timeout: 180_000 }, async () => {
    const body = await newPage(browser);
    await signIn(body, baseUrl, world.actors.applicant.id, CONSOLE_PASSWORD);
    await body.getByRole('link', { name: '我的承诺' }).click();
    await body.getByRole('button', { name: '登记承诺' }).click();
    const form = body.getByRole('dialog');
    await choose(body, '承诺类型', '期限承诺');
    await form.getByLabel('承诺内容').fill('企业开办全流程1个工作日内办结');
    await form.getByLabel('承诺对象（涉及的公众或企业）').fill('本县新开办企业');
    await choose(body, '重点领域', '招商引资');
    await form.getByLabel('监督机关编号').fill(world.authorityId);
    // The authority typed is named under the field (GET /authorities).
    const authority = await env.prisma.authority.findUniqueOrThrow({ where: { id: world.authorityId } });
    await form.getByText(authority.name, { exact: true }).waitFor();
    const due = inDays(30);
    await form.getByLabel('到期日').fill(due);
    await form.getByLabel('到期日').press('Enter');
    await form.getByRole('button', { name: '登记' }).click();
    await body.getByText('承诺已登记').waitFor();
    const row = await eventually(async () => (await env.prisma.commitment.findFirst({ where: { subjectId: world.subjectId, status: 'ACTIVE' } })) ?? undefined);
    expect(row).toMatchObject({ kind: 'TIME_LIMIT', policyArea: 'INVESTMENT_PROMOTION', authorityId: world.authorityId });
    expect(row.dueDate.toISOString().slice(0, 10)).toBe(due);

    await body.getByRole('link', { name: row.id }).click();
    await body.getByRole('heading', { name: `公开承诺 ${row.id}` }).waitFor();
    await body.getByText(`${authority.name}（${world.authorityId}）`).waitFor();
    const progress = body.getByRole('form', { name: '报告履约进展' });
    await progress.getByLabel('进展情况').fill('已完成流程再造，试运行中');
    await progress.getByRole('button', { name: '报告进展' }).click();
    await body.getByText('履约进展已报告').waitFor();
    const fulfilment = body.getByRole('form', { name: '报告履约完成' });
    await fulfilment.getByLabel('履约情况').fill('全流程已压缩至1个工作日');
    await fulfilment.getByLabel('证明材料名称').fill('办结时限统计表');
    await fulfilment.getByLabel('证明材料（PDF 或图片）').setInputFiles(pdf('statistics.pdf'));
    await fulfilment.getByRole('button', { name: '报告完成并提请核查' }).click();
    await body.getByText('已报告履约完成，等待核查').waitFor();
    await eventually(async () => ((await env.prisma.commitment.findUniqueOrThrow({ where: { id: row.id } })).status === 'CHECK_DUE' ? true : undefined));

    const reviewer = await newPage(browser);
    await signIn(reviewer, baseUrl, world.actors.reviewer.id, CONSOLE_PASSWORD);
    await reviewer.goto(`${baseUrl}/console/inbox?scope=all&open=true`);
    await reviewer.getByRole('link', { name: row.id, exact: true }).click();
    await reviewer.waitForURL(`**/console/commitments/${row.id}`);
    await reviewer.getByText('待核查', { exact: true }).waitFor();
    await reviewer.getByRole('button', { name: '认领' }).click();
    await reviewer.getByRole('button', { name: '释放' }).waitFor();
    const check = reviewer.getByRole('form', { name: '履约核查' });
    await check.getByRole('radio', { name: '失诺（未履行）' }).check();
    await check.getByLabel('核查理由').fill('抽查发现多数企业开办超过3个工作日');
    await check.getByLabel('核查依据（每行一项材料名称，至少一项）').fill('抽查记录');
    await check.getByRole('button', { name: '提交核查结论' }).click();
    await reviewer.getByText('核查结论已提交').waitFor();
    const broken = await eventually(async () => {
      const c = await env.prisma.commitment.findUniqueOrThrow({ where: { id: row.id } });
      return c.status === 'BROKEN' && c.recordProposalId ? c : undefined;
    });
    await reviewer.reload();
    await reviewer.getByText(`由此提出的失信记录建议 ${broken.recordProposalId}`).waitFor();
    await reviewer.getByText('待确认', { exact: true }).waitFor();
    await screenshot(reviewer, 'commitment-broken-proposal');
  });
});
