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

/**
 * Picks an option of an Ant Design Select found by its label, as a person would: open the list, click the option.
 * Each step is retried, because a step can be undone by the page: a click on an option while the list animates in
 * can be lost, and a list opened while a dialog finishes its own opening animation is closed again when the dialog
 * takes the focus (seen in CI: the list never showed). The list is the one this Select controls (`<id>_list`), not
 * whichever is on screen, so another Select's list still animating out cannot be mistaken for it.
 */
export async function choose(page: Page, selectLabel: string, option: string): Promise<void> {
  const field = page.getByLabel(selectLabel);
  const select = page.locator('.ant-select').filter({ has: field });
  const id = await field.getAttribute('id');
  if (!id) throw new Error(`the Select labelled ${selectLabel} has no id: its list cannot be told from others`);
  const list = page
    .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden):not([class*="-leave"])')
    .filter({ has: page.locator(`[id="${id}_list"]`) });
  let lastError: unknown;
  for (let attempt = 1; attempt <= 5; attempt++) {
    try {
      if ((await field.getAttribute('aria-expanded')) !== 'true') await field.click();
      await list.waitFor({ timeout: 4_000 });
      await list.getByTitle(option, { exact: true }).click({ timeout: 4_000 });
      await select.getByText(option, { exact: true }).waitFor({ timeout: 2_000 });
      return;
    } catch (error) {
      lastError = error;
      console.warn(`choose(${selectLabel}, ${option}): attempt ${attempt} failed: ${(error as Error).message.split('\n')[0]}`);
    }
  }
  throw lastError;
}
