import { describe, expect, it } from 'vitest';
import { enUS } from '../../common/i18n/en-US';
import { zhCN } from '../../common/i18n/zh-CN';
import { DESK, journey, label, PHONE, shooter, signIn } from './support';

const viewports = [
  { name: 'desk', size: DESK, phone: false },
  { name: 'phone', size: PHONE, phone: true },
] as const;

describe('foundation journey in Chromium', () => {
  const run = journey();
  const shot = shooter('foundation');

  it.each(viewports)(
    'logs in, finds 振华街道, adds a grid and switches to English at $name size',
    async (viewport) => {
      // An unauthenticated visit to a page lands on the log-in and comes back after it.
      const { page, errors } = await signIn(run.browser, run.url, 'admin', {
        size: viewport.size,
        path: '/org',
      });
      try {
        const tree = page.locator('.org-tree');
        await tree.getByText('振华街道', { exact: true }).waitFor();
        expect(new URL(page.url()).pathname).toBe('/org');
        await shot(page, `${viewport.name}-org`);

        // Add a grid under a community: a community may only hold grids, so the kind is preset.
        const gridName = viewport.phone ? '第十网格' : '第九网格';
        await tree.getByText('御河九号社区', { exact: true }).click();
        await page.getByRole('button', { name: label(zhCN.org.addChild) }).click();
        const dialog = page.getByRole('dialog', {
          name: zhCN.org.addChildTitle.replace('{{name}}', '御河九号社区'),
        });
        await dialog.getByLabel(zhCN.org.name).fill(gridName);
        await shot(page, `${viewport.name}-add-grid`);
        await dialog.getByRole('button', { name: label(zhCN.common.save) }).click();
        await dialog.waitFor({ state: 'hidden' });
        await page.getByText(zhCN.org.created.replace('{{name}}', gridName)).waitFor();
        if (viewport.phone) {
          // The details of the new grid open in a drawer over the tree; close it to see the tree.
          await page.locator('.ant-drawer-close').click();
          await page.locator('.ant-drawer-open').waitFor({ state: 'detached' });
        }
        const newNode = tree.getByText(gridName, { exact: true });
        await newNode.waitFor();
        await newNode.scrollIntoViewIfNeeded();
        await shot(page, `${viewport.name}-grid-added`);

        // English: on the desk the switch is in the top bar, on the phone under 我的.
        if (viewport.phone) {
          await page.getByRole('link', { name: zhCN.app.tabs.me }).click();
        }
        await page.getByText(enUS.app.languages['en-US'], { exact: true }).click();
        if (viewport.phone) {
          await page.getByRole('heading', { name: enUS.app.menu.me, exact: true }).waitFor();
          await page.getByText(enUS.app.language, { exact: true }).waitFor();
          await page.getByRole('link', { name: enUS.app.tabs.org }).click();
          await page.getByRole('heading', { name: enUS.app.menu.org, exact: true }).waitFor();
        } else {
          await page.getByRole('menuitem', { name: enUS.app.menu.staff }).waitFor();
          await page.getByText(enUS.app.modules.system, { exact: true }).first().waitFor();
        }
        await tree.getByText(enUS.orgKinds.street).first().waitFor();
        await shot(page, `${viewport.name}-english`);

        // The choice outlives a reload.
        await page.reload();
        await page.getByText(enUS.org.includeRetired).waitFor();
        expect(errors).toEqual([]);
      } finally {
        await page.context().close();
      }
    },
    90_000,
  );
});
