import { type Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { zhCN } from '../../common/i18n/zh-CN';
import { journey, label, PHONE, shooter, signIn } from './support';

const tips = zhCN.tips;

/** Picks an option of a plain select by its label (the public form is plain HTML, light on a phone). */
async function pick(page: Page, fieldLabel: string, option: string) {
  await page.getByLabel(fieldLabel, { exact: true }).selectOption({ label: option });
}

describe('tip journey (resident on a phone, street admin at the desk)', () => {
  const run = journey();
  const shot = shooter('tip');

  it('a resident submits a tip, staff convert it to an issue, the resident sees status and reply', async () => {
    const phone = await run.browser.newContext(PHONE);
    phone.setDefaultTimeout(20_000);
    const resident = await phone.newPage();
    const errors: string[] = [];
    resident.on('pageerror', (e) => errors.push(e.message));
    const description = '御河九号小区3号楼楼道里堆满纸箱和旧家具，晚上还有人给电动车充电';

    // No log-in: the public form opens as it is.
    await resident.goto(`${run.url}/tip`);
    await resident.getByRole('heading', { name: tips.public.title }).waitFor();
    expect(resident.url()).toMatch(/\/tip$/);
    await pick(resident, tips.public.street, '新旺街道');
    await pick(resident, tips.public.community, '御河九号社区');
    await resident.getByLabel(tips.public.address).fill('御河九号小区3号楼');
    await resident.getByLabel(tips.public.description).fill(description);
    await resident.getByLabel(tips.public.contactPhone).fill('13912345678');
    await shot(resident, 'phone-form');
    await resident.getByRole('button', { name: label(tips.public.submit) }).click();
    const codeBox = resident.getByTestId('tracking-code');
    await codeBox.waitFor({ timeout: 30_000 });
    const code = (await codeBox.innerText()).trim();
    expect(code).toMatch(/^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{2}$/);
    await resident.getByRole('button', { name: label(tips.public.copy) }).waitFor();
    await shot(resident, 'phone-code');

    // Not yet looked at.
    await resident.getByRole('link', { name: tips.public.checkStatus }).click();
    const status = resident.getByTestId('tip-status');
    await status.waitFor();
    await expect(status.innerText()).resolves.toContain(tips.phases.submitted);

    // The street admin, at the desk.
    const desk = await signIn(run.browser, run.url, 'street.xinwang', {
      path: '/tips',
      timeout: 20_000,
    });
    const staff = desk.page;
    await staff.getByRole('link', { name: code }).click();
    await staff.waitForURL(/\/tips\/[0-9a-f-]{36}$/);
    await staff.getByText(description).waitFor();
    await shot(staff, 'desk-received');

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
    await shot(staff, 'desk-converted');
    await staff.getByRole('link', { name: tips.ui.openIssue }).click();
    await staff.waitForURL(/\/issues\/[0-9a-f-]{36}$/);
    await staff.getByText(description).first().waitFor();

    // The resident looks the tip up again by its code.
    await resident.goto(`${run.url}/tip/status`);
    await resident.getByLabel(tips.public.codeInput).fill(code.replaceAll('-', '').toLowerCase());
    await resident.getByRole('button', { name: label(tips.public.lookup) }).click();
    await status.waitFor();
    await resident.getByText(reply).waitFor();
    const text = await status.innerText();
    expect(text).toContain(tips.phases.received);
    expect(text).not.toContain('王丽君');
    expect(text).not.toContain('已电话联系物业');
    expect(text).not.toContain('13912345678');
    await shot(resident, 'phone-status');
    expect([...errors, ...desk.errors]).toEqual([]);
    await phone.close();
    await staff.context().close();
  }, 120_000);
});
