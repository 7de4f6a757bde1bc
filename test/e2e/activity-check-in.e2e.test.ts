import path from 'node:path';
import { type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { zhCN } from '../../common/i18n/zh-CN';
import { startTestServer } from '../support/server';
import { demoPassword, ensureWebBuilt, label, launchChromium, shots } from './chromium';

const ui = zhCN.activities.ui;

describe('activity check-in journey (phone, 390 px)', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Browser;

  beforeAll(async () => {
    ensureWebBuilt();
    server = await startTestServer();
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('checks in a walk-in and a registered resident at the fire-safety day, gives a leaflet', async () => {
    const errors: string[] = [];
    const context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
    });
    context.setDefaultTimeout(15_000);
    const page = await context.newPage();
    page.on('pageerror', (error) => errors.push(error.message));
    const shot = (name: string) =>
      page.screenshot({ path: path.join(shots, `activity-${name}.png`), animations: 'disabled' });

    await page.goto(`${server.url}/today`);
    await page.getByLabel(zhCN.login.username).fill('staff.yuhe');
    await page.getByLabel(zhCN.login.password).fill(demoPassword);
    await page.getByRole('button', { name: label(zhCN.login.submit) }).click();
    await page.waitForURL(/\/today/);

    await page.goto(`${server.url}/activities`);
    await page.getByText('清理楼道杂物 消除火灾隐患').first().click();
    await page.waitForURL(/\/activities\/[0-9a-f-]{36}$/);
    await page.getByText('新泉村').first().waitFor();
    await page.getByRole('button', { name: /已签到 2 \/ 50/ }).click();
    await page.waitForURL(/\/check-in$/);
    const count = page.locator('.check-in-count');
    await expect(count.innerText()).resolves.toBe('已签到 2 / 50');
    await shot('check-in');

    await page.getByText(zhCN.activities.attendanceKinds.walkIn).first().click();
    await page.getByLabel(ui.walkInName).fill('冯建军');
    await page.getByLabel(ui.walkInPhone).fill('13912345678');
    await page.getByRole('button', { name: label(ui.checkInWalkIn) }).click();
    const give = page.locator('.check-in-quick-give');
    await give.getByText('消防安全宣传资料 ×1').waitFor();
    await shot('quick-give');
    await give.getByRole('button', { name: /消防安全宣传资料/ }).click();
    await give.waitFor({ state: 'hidden' });
    await expect(count.innerText()).resolves.toBe('已签到 3 / 50');
    // The list shows the new participant with the phone masked, never whole.
    await page.getByText('139****5678').waitFor();
    await expect(page.getByText('13912345678').count()).resolves.toBe(0);
    await shot('after');

    // A resident of the register is found by name and checked in as a resident, not a walk-in.
    await page
      .locator('.ant-segmented')
      .getByText(zhCN.activities.attendanceKinds.resident)
      .click();
    await page.getByLabel(ui.searchResident).fill('王桂芳');
    const row = page.locator('.ant-list-item').filter({ hasText: '王桂芳' }).first();
    await row.getByRole('button', { name: label(ui.checkInButton) }).click();
    await give.getByRole('button', { name: label(ui.skip) }).click();
    await give.waitFor({ state: 'hidden' });
    await expect(count.innerText()).resolves.toBe('已签到 4 / 50');
    const attended = page.locator('.ant-list-item').filter({ hasText: '王桂芳' }).first();
    await attended.getByText(zhCN.activities.attendanceKinds.resident, { exact: true }).waitFor();
    await expect(
      attended.getByText(zhCN.activities.attendanceKinds.walkIn, { exact: true }).count(),
    ).resolves.toBe(0);
    await shot('resident');

    await page.goto(page.url().replace(/\/check-in$/, ''));
    await page
      .getByText(zhCN.activities.ui.stockLeft.replace('{{left}}', '299').split(' /')[0])
      .waitFor();
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);
});
