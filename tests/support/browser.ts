import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
/** Screenshots of the browser tests (gitignored). */
export const ARTIFACTS_DIR = join(repoRoot, 'test-artifacts', 'console');

/** Debian's chromium (scripts/ensure-chromium.sh installs it; `npx playwright install` cannot work offline). */
function chromiumPath(): string {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  return execFileSync('bash', [join(repoRoot, 'scripts/ensure-chromium.sh')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).trim().split('\n').pop()!;
}

export async function launchBrowser(): Promise<Browser> {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  return chromium.launch({
    executablePath: chromiumPath(),
    args: ['--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking', '--disable-dev-shm-usage'],
  });
}

/** A page in a context of its own (its own cookies: one signed-in person), in Beijing time and Chinese. */
export async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 1366, height: 900 } });
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  return page;
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(ARTIFACTS_DIR, `${name}.png`), fullPage: true });
}

export async function signIn(page: Page, baseUrl: string, userId: string, password: string): Promise<void> {
  await page.goto(`${baseUrl}/console/login`);
  await page.getByLabel('用户名').fill(userId);
  await page.getByLabel('密码').fill(password);
  // From the keyboard: Enter in the password field submits the form.
  await page.getByLabel('密码').press('Enter');
  await page.getByRole('button', { name: '退出登录' }).waitFor();
}

/** Picks an option of an Ant Design Select found by its label. */
export async function choose(page: Page, selectLabel: string, option: string): Promise<void> {
  const field = page.getByLabel(selectLabel);
  const select = page.locator('.ant-select').filter({ has: field });
  // A click on an option while the list is still opening can be lost (the list animates in): check that it took.
  for (let attempt = 1; ; attempt++) {
    await field.click();
    // The list that is opening, not one of an earlier Select still animating out.
    const list = page.locator('.ant-select-dropdown:not([class*="-leave"]):visible').last();
    await list.waitFor();
    await list.getByTitle(option, { exact: true }).click();
    try {
      await select.getByText(option, { exact: true }).waitFor({ timeout: 2_000 });
      return;
    } catch (error) {
      if (attempt === 3) throw error;
    }
  }
}
