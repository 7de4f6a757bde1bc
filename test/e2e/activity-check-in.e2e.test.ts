import { describe, expect, it } from 'vitest';
import { zhCN } from '../../common/i18n/zh-CN';
import { journey, label, PHONE, shooter, signIn } from './support';

const ui = zhCN.activities.ui;

describe('activity check-in journey (phone, 390 px)', () => {
  const run = journey();

  it('checks in a walk-in and a registered resident at the fire-safety day, gives a leaflet', async () => {
    const { page, errors } = await signIn(run.browser, run.url, 'staff.yuhe', { size: PHONE });
    const shot = shooter('activity');

    await page.goto(`${run.url}/activities`);
    await page.getByText('清理楼道杂物 消除火灾隐患').first().click();
    await page.waitForURL(/\/activities\/[0-9a-f-]{36}$/);
    await page.getByText('新泉村').first().waitFor();
    await page.getByRole('button', { name: /已签到 2 \/ 50/ }).click();
    await page.waitForURL(/\/check-in$/);
    const count = page.locator('.check-in-count');
    await expect(count.innerText()).resolves.toBe('已签到 2 / 50');
    await shot(page, 'check-in');

    await page.getByText(zhCN.activities.attendanceKinds.walkIn).first().click();
    await page.getByLabel(ui.walkInName).fill('冯建军');
    await page.getByLabel(ui.walkInPhone).fill('13912345678');
    await page.getByRole('button', { name: label(ui.checkInWalkIn) }).click();
    const give = page.locator('.check-in-quick-give');
    await give.getByText('消防安全宣传资料 ×1').waitFor();
    await shot(page, 'quick-give');
    await give.getByRole('button', { name: /消防安全宣传资料/ }).click();
    await give.waitFor({ state: 'hidden' });
    await expect(count.innerText()).resolves.toBe('已签到 3 / 50');
    // The list shows the new participant with the phone masked, never whole.
    await page.getByText('139****5678').waitFor();
    await expect(page.getByText('13912345678').count()).resolves.toBe(0);
    await shot(page, 'after');

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
    await shot(page, 'resident');

    await page.goto(page.url().replace(/\/check-in$/, ''));
    await page
      .getByText(zhCN.activities.ui.stockLeft.replace('{{left}}', '299').split(' /')[0])
      .waitFor();
    expect(errors).toEqual([]);
    await page.context().close();
  }, 120_000);
});
