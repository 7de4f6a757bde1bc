import { AxeBuilder } from '@axe-core/playwright';
import { describe, expect, it } from 'vitest';
import { type BrowserContextOptions, type Page } from 'playwright-core';
import { zhCN } from '../../common/i18n/zh-CN';
import { DESK, journey, PHONE, shooter, signIn } from './support';

/** What axe-core finds serious or critical on the page as it stands, one line per node. */
async function seriousViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) =>
      v.nodes.map((node) => `${v.id}: ${node.target.join(' ')} ${node.failureSummary ?? ''}`),
    );
}

/** A page a screen reader can find its way around: named in the tab, one level-one heading, a main landmark. */
async function expectLandmarks(page: Page, title: string) {
  await expect.poll(() => page.title()).toBe(`${title} · ${zhCN.app.name}`);
  await expect(page.locator('h1').count()).resolves.toBe(1);
  await expect(page.getByRole('main').count()).resolves.toBe(1);
}

describe('accessibility (axe-core: no serious or critical violation)', () => {
  const run = journey();
  const shot = shooter('a11y');

  /** A window at that size, on that page; logged in first when a user is named. */
  async function open(size: BrowserContextOptions, path: string, username?: string) {
    if (username) return (await signIn(run.browser, run.url, username, { size, path })).page;
    const context = await run.browser.newContext(size);
    context.setDefaultTimeout(15_000);
    const page = await context.newPage();
    await page.goto(`${run.url}${path}`);
    return page;
  }

  it('the log-in page', async () => {
    const page = await open(PHONE, '/login');
    await page.getByLabel(zhCN.login.username).waitFor();
    await shot(page, 'login');
    await expectLandmarks(page, zhCN.login.submit);
    expect(await seriousViolations(page)).toEqual([]);
  }, 60_000);

  it('the public tip page', async () => {
    const page = await open(PHONE, '/tip');
    await page.locator('h1').waitFor();
    await shot(page, 'tip');
    await expect(page.getByRole('main').count()).resolves.toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
  }, 60_000);

  it('今日 on a phone (390 px)', async () => {
    const page = await open(PHONE, '/today', 'grid.yuhe');
    await page.locator('.phone-tab').first().waitFor();
    await page.getByRole('main').locator('.ant-skeleton').first().waitFor({ state: 'detached' });
    await shot(page, 'today-phone');
    await expectLandmarks(page, zhCN.app.menu.today);
    expect(await seriousViolations(page)).toEqual([]);
  }, 60_000);

  it('the residents register (desk)', async () => {
    const page = await open(DESK, '/residents', 'social.zhenhua');
    await page.locator('.ant-table-row').first().waitFor();
    await shot(page, 'residents');
    await expectLandmarks(page, zhCN.app.menu.residents);
    // The 社区/网格 filter has no form label: a screen reader says its placeholder.
    await page.getByRole('combobox', { name: zhCN.people.register.areaFilter }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  }, 60_000);

  it('an issue page (desk)', async () => {
    const page = await open(DESK, '/today', 'staff.yuhe');
    const board = await page.request.get(`${run.url}/api/issues?limit=1`);
    expect(board.status()).toBe(200);
    const { items } = (await board.json()) as { items: { id: string; description: string }[] };
    const issue = items[0];
    if (!issue) throw new Error('the demo gives staff.yuhe no issue');
    await page.goto(`${run.url}/issues/${issue.id}`);
    await page.getByRole('main').getByText(issue.description).first().waitFor();
    await shot(page, 'issue');
    await expectLandmarks(page, zhCN.app.pages.issue);
    expect(await seriousViolations(page)).toEqual([]);
  }, 60_000);
});
