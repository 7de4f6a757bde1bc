import { describe, expect, it } from 'vitest';
import { zhCN } from '../../common/i18n/zh-CN';
import { issueTabs, type IssueCounts } from '../../common/schemas/issues';
import { journey, label, signIn } from './support';

/** Issue 12, defect 10: the small things a user notices, each as the user meets it (desk). */
describe('small things a user notices', () => {
  const run = journey();

  const logIn = async (username: string) => (await signIn(run.browser, run.url, username)).page;

  it("opens an officer's issue board on the first tab that has issues", async () => {
    const page = await logIn('officer.zfd');
    const counts = await page.evaluate(async () => {
      const res = await fetch('/api/issues/counts', { credentials: 'same-origin' });
      return (await res.json()) as IssueCounts;
    });
    const first = issueTabs.find((k) => counts[k] > 0);
    expect(first).toBeDefined();
    expect(first).not.toBe('reported');
    await page.goto(`${run.url}/issues`);
    await page.waitForURL(new RegExp(`tab=${first}`));
    await page.context().close();
  });

  it('names a support station officer 部门工作人员, not 部门执法人员', async () => {
    const page = await logIn('support.jungong');
    await page.getByText(`市军供站 · ${zhCN.roleVariants.departmentStaff}`).first().waitFor();
    await expect(page.getByText(zhCN.roles.departmentOfficer).count()).resolves.toBe(0);
    await page.context().close();
  });

  it("labels a case's risk and a care tier apart on the 今日 card", async () => {
    const page = await logIn('social.zhenhua');
    const card = page.locator('.todo-tags').filter({ hasText: '关爱分级：' }).first();
    await card.waitFor();
    await expect(card.innerText()).resolves.toMatch(/个案风险：[低中高]/);
    await page.context().close();
  });

  it('preselects the only community and names the number steppers in Chinese', async () => {
    const page = await logIn('staff.xiangyang');
    await page.goto(`${run.url}/activities`);
    await page.getByRole('button', { name: label(zhCN.activities.ui.create) }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('向阳东街社区').first().waitFor();
    await expect(dialog.locator('[aria-label="Increase Value"]').count()).resolves.toBe(0);
    await expect(
      dialog.locator(`[aria-label="${zhCN.common.increaseValue}"]`).count(),
    ).resolves.toBeGreaterThan(0);
    await page.context().close();
  });
});
