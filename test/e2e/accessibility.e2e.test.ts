import { demoPassword, ensureWebBuilt, label, launchChromium, shots } from './chromium';
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { zhCN } from '../../common/i18n/zh-CN';
import { startTestServer } from '../support/server';

const phone = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };
const desk = { viewport: { width: 1280, height: 800 } };

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

async function logIn(page: Page, url: string, username: string) {
  await page.goto(`${url}/login`);
  await page.getByLabel(zhCN.login.username).fill(username);
  await page.getByLabel(zhCN.login.password).fill(demoPassword);
  await page.getByRole('button', { name: label(zhCN.login.submit) }).click();
  await page.waitForURL(/\/today/);
}

describe('accessibility (axe-core: no serious or critical violation)', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  async function open(options: typeof phone | typeof desk, name: string) {
    const context = await browser.newContext(options);
    context.setDefaultTimeout(15_000);
    contexts.push(context);
    const page = await context.newPage();
    const shot = () =>
      page.screenshot({ path: path.join(shots, `a11y-${name}.png`), animations: 'disabled' });
    return { page, shot };
  }

  beforeAll(async () => {
    ensureWebBuilt();
    server = await startTestServer();
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await server?.close();
  });

  it('the log-in page', async () => {
    const { page, shot } = await open(phone, 'login');
    await page.goto(`${server.url}/login`);
    await page.getByLabel(zhCN.login.username).waitFor();
    await shot();
    await expectLandmarks(page, zhCN.login.submit);
    expect(await seriousViolations(page)).toEqual([]);
  }, 60_000);

  it('the public tip page', async () => {
    const { page, shot } = await open(phone, 'tip');
    await page.goto(`${server.url}/tip`);
    await page.locator('h1').waitFor();
    await shot();
    await expect(page.getByRole('main').count()).resolves.toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
  }, 60_000);

  it('今日 on a phone (390 px)', async () => {
    const { page, shot } = await open(phone, 'today-phone');
    await logIn(page, server.url, 'grid.yuhe');
    await page.locator('.phone-tab').first().waitFor();
    await page.getByRole('main').locator('.ant-skeleton').first().waitFor({ state: 'detached' });
    await shot();
    await expectLandmarks(page, zhCN.app.menu.today);
    expect(await seriousViolations(page)).toEqual([]);
  }, 60_000);

  it('the residents register (desk)', async () => {
    const { page, shot } = await open(desk, 'residents');
    await logIn(page, server.url, 'social.zhenhua');
    await page.goto(`${server.url}/residents`);
    await page.locator('.ant-table-row').first().waitFor();
    await shot();
    await expectLandmarks(page, zhCN.app.menu.residents);
    // The 社区/网格 filter has no form label: a screen reader says its placeholder.
    await page.getByRole('combobox', { name: zhCN.people.register.areaFilter }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  }, 60_000);

  it('an issue page (desk)', async () => {
    const { page, shot } = await open(desk, 'issue');
    await logIn(page, server.url, 'staff.yuhe');
    const board = await page.request.get(`${server.url}/api/issues?limit=1`);
    expect(board.status()).toBe(200);
    const { items } = (await board.json()) as { items: { id: string; description: string }[] };
    const issue = items[0];
    if (!issue) throw new Error('the demo gives staff.yuhe no issue');
    await page.goto(`${server.url}/issues/${issue.id}`);
    await page.getByRole('main').getByText(issue.description).first().waitFor();
    await shot();
    await expectLandmarks(page, zhCN.app.pages.issue);
    expect(await seriousViolations(page)).toEqual([]);
  }, 60_000);
});
