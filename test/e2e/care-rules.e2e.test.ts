import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { zhCN } from '../../common/i18n/zh-CN';
import { DESK, journey, label, PHONE, shots, signIn } from './support';

const ui = zhCN.caseUi.careRules;

/** Issue 12, defect 7: the care tiers' visit frequencies and the station's visit rate per tier. */
describe('care rules page', () => {
  const run = journey();

  it.each([
    ['desk', 'supervisor.zhenhua', 10],
    ['phone', 'street.zhenhua', 14],
  ] as const)(
    'on the %s, %s sees the tiers with their visit rate and sets one',
    async (where, user, days) => {
      const { page, errors } = await signIn(run.browser, run.url, user, {
        size: where === 'phone' ? PHONE : DESK,
      });
      if (where === 'desk') {
        // Reached from the menu under 社工服务.
        await page.getByRole('menuitem', { name: zhCN.app.menu.careRules }).click();
        await page.waitForURL(/\/care-rules$/);
      } else {
        await page.goto(`${run.url}/care-rules`);
      }
      const cards = page.locator('.care-rule-card');
      await cards.first().waitFor();
      await expect.poll(() => page.title()).toContain(zhCN.app.menu.careRules);
      await expect(cards.count()).resolves.toBe(3);
      const high = page.locator('.care-rule-card[data-tier="high"]');
      await high.getByText(/按期探访 \d+ \/ \d+ 人/).waitFor();
      await expect(high.innerText()).resolves.toMatch(/\d+%|—/);

      const input = high.getByLabel(ui.interval);
      await input.fill(String(days));
      await page.getByRole('button', { name: label(zhCN.common.save) }).click();
      await page.getByText(ui.saved).waitFor();
      await page.reload();
      await expect(
        page.locator('.care-rule-card[data-tier="high"]').getByLabel(ui.interval).inputValue(),
      ).resolves.toBe(String(days));
      await page.locator('.care-rule-card[data-tier="high"]').getByText(ui.own).waitFor();
      // The tiers left alone keep following the default.
      await page.locator('.care-rule-card[data-tier="other"]').getByText(ui.default).waitFor();
      if (where === 'phone') {
        // One column at 390 px: nothing runs off the side.
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        expect(width).toBeLessThanOrEqual(390);
      }
      await page.screenshot({ path: path.join(shots, `care-rules-${where}.png`), fullPage: true });
      expect(errors).toEqual([]);
      await page.context().close();
    },
  );
});
