import path from 'node:path';
import { type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { zhCN } from '../../common/i18n/zh-CN';
import { startTestServer } from '../support/server';
import { demoPassword, ensureWebBuilt, label, launchChromium, shots } from './chromium';

const tips = zhCN.tips;

/** Picks an option of a plain select by its label (the public form is plain HTML, light on a phone). */
async function pick(page: Page, fieldLabel: string, option: string) {
  await page.getByLabel(fieldLabel, { exact: true }).selectOption({ label: option });
}

describe('tip journey (resident on a phone, street admin at the desk)', () => {
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

  it('a resident submits a tip, staff convert it to an issue, the resident sees status and reply', async () => {
    const errors: string[] = [];
    const phone = await browser.newContext({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
    });
    phone.setDefaultTimeout(20_000);
    const resident = await phone.newPage();
    resident.on('pageerror', (e) => errors.push(e.message));
    const description = '御河九号小区3号楼楼道里堆满纸箱和旧家具，晚上还有人给电动车充电';

    // No log-in: the public form opens as it is.
    await resident.goto(`${server.url}/tip`);
    await resident.getByRole('heading', { name: tips.public.title }).waitFor();
    expect(resident.url()).toMatch(/\/tip$/);
    await pick(resident, tips.public.street, '新旺街道');
    await pick(resident, tips.public.community, '御河九号社区');
    await resident.getByLabel(tips.public.address).fill('御河九号小区3号楼');
    await resident.getByLabel(tips.public.description).fill(description);
    await resident.getByLabel(tips.public.contactPhone).fill('13912345678');
    await resident.screenshot({ path: path.join(shots, 'tip-phone-form.png') });
    await resident.getByRole('button', { name: label(tips.public.submit) }).click();
    const codeBox = resident.getByTestId('tracking-code');
    await codeBox.waitFor({ timeout: 30_000 });
    const code = (await codeBox.innerText()).trim();
    expect(code).toMatch(/^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{2}$/);
    await resident.getByRole('button', { name: label(tips.public.copy) }).waitFor();
    await resident.screenshot({ path: path.join(shots, 'tip-phone-code.png') });

    // Not yet looked at.
    await resident.getByRole('link', { name: tips.public.checkStatus }).click();
    const status = resident.getByTestId('tip-status');
    await status.waitFor();
    await expect(status.innerText()).resolves.toContain(tips.phases.submitted);

    // The street admin, at the desk.
    const desk = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    desk.setDefaultTimeout(20_000);
    const staff = await desk.newPage();
    staff.on('pageerror', (e) => errors.push(e.message));
    await staff.goto(`${server.url}/tips`);
    await staff.getByLabel(zhCN.login.username).fill('street.xinwang');
    await staff.getByLabel(zhCN.login.password).fill(demoPassword);
    await staff.getByRole('button', { name: label(zhCN.login.submit) }).click();
    await staff.waitForURL(/\/tips/);
    await staff.getByRole('link', { name: code }).click();
    await staff.waitForURL(/\/tips\/[0-9a-f-]{36}$/);
    await staff.getByText(description).waitFor();
    await staff.screenshot({ path: path.join(shots, 'tip-desk-received.png') });

    await staff.getByRole('button', { name: label(tips.actions.triage) }).click();
    let dialog = staff.getByRole('dialog');
    await dialog.getByLabel(tips.ui.internalNote).fill('已电话联系物业');
    await dialog.getByRole('button', { name: label(tips.actions.triage) }).click();
    await dialog.waitFor({ state: 'hidden' });

    const reply = '已转御河九号社区网格员上门清理楼道杂物，并提醒住户不要在楼道充电';
    await staff.getByRole('button', { name: label(tips.actions.convertIssue) }).click();
    dialog = staff.getByRole('dialog');
    await dialog.getByLabel(tips.ui.grid).click();
    await dialog.getByLabel(tips.ui.grid).fill('第一网格');
    await staff
      .locator('.ant-select-tree-treenode:not(.ant-select-tree-treenode-disabled)')
      .filter({ hasText: '第一网格' })
      .first()
      .click();
    await dialog.getByLabel(tips.ui.publicReply).fill(reply);
    await dialog.getByRole('button', { name: label(tips.actions.convertIssue) }).click();
    await dialog.waitFor({ state: 'hidden' });
    await staff.getByRole('link', { name: tips.ui.openIssue }).waitFor();
    await staff.screenshot({ path: path.join(shots, 'tip-desk-converted.png') });
    await staff.getByRole('link', { name: tips.ui.openIssue }).click();
    await staff.waitForURL(/\/issues\/[0-9a-f-]{36}$/);
    await staff.getByText(description).first().waitFor();

    // The resident looks the tip up again by its code.
    await resident.goto(`${server.url}/tip/status`);
    await resident.getByLabel(tips.public.codeInput).fill(code.replaceAll('-', '').toLowerCase());
    await resident.getByRole('button', { name: label(tips.public.lookup) }).click();
    await status.waitFor();
    await resident.getByText(reply).waitFor();
    const text = await status.innerText();
    expect(text).toContain(tips.phases.received);
    expect(text).not.toContain('王丽君');
    expect(text).not.toContain('已电话联系物业');
    expect(text).not.toContain('13912345678');
    await resident.screenshot({ path: path.join(shots, 'tip-phone-status.png') });
    expect(errors).toEqual([]);
    await phone.close();
    await desk.close();
  }, 120_000);
});
