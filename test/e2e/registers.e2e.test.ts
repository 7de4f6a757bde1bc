import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { zhCN } from '../../common/i18n/zh-CN';
import { DESK, journey, label, PHONE, shooter, signIn } from './support';

const p = zhCN.people;

/** Picks an option of the filter bar's select with this name. */
async function pick(page: Page, filter: string, option: string) {
  await page.getByRole('combobox', { name: filter }).click();
  await page
    .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option })
    .click();
}

const param = (page: Page, key: string) => new URL(page.url()).searchParams.get(key);

/** The register page shared by every 台账: rows by cursor, filters kept in the address, phone cards. */
describe('registers', () => {
  const run = journey();
  const shot = shooter('register');

  it('residents at the desk: 加载更多 adds the next rows; a filter survives a visit to a household and back', async () => {
    const { page, errors } = await signIn(run.browser, run.url, 'street.zhenhua', {
      path: '/residents',
    });
    const rows = page.locator('.resident-table .ant-table-row');
    await expect.poll(() => rows.count()).toBe(20);
    const total = Number(/共 (\d+) 条/.exec(await page.locator('.list-more').innerText())?.[1]);
    expect(total).toBeGreaterThan(40);
    await shot(page, 'residents-1280');
    const more = page.getByRole('button', { name: label(zhCN.common.loadMore) });
    await more.click();
    await expect.poll(() => rows.count()).toBe(40);
    await more.scrollIntoViewIfNeeded();
    await shot(page, 'residents-1280-more');

    await pick(page, p.register.careTagFilter, '独居老人');
    await expect.poll(() => param(page, 'careTag')).toBe('livingAlone');
    const first = rows.first();
    await first.getByText('独居老人').waitFor();
    const name = (await first.locator('.resident-name').innerText()).trim();
    await first.locator('.resident-name').click();
    await page.waitForURL(/\/households\/[0-9a-f-]{36}$/);
    await page.locator(`[data-member="${name}"]`).waitFor();
    await page.goBack();
    await expect.poll(() => param(page, 'careTag')).toBe('livingAlone');
    // The select shows the filter again, and the rows are the filtered ones.
    await page.locator('.filter-bar .ant-select').filter({ hasText: '独居老人' }).waitFor();
    await rows.first().getByText('独居老人').waitFor();
    expect(errors).toEqual([]);
    await page.context().close();
  }, 90_000);

  it('residents on a phone: one card a resident, 加载更多 under them, 新建户 at the thumb', async () => {
    const { page, errors } = await signIn(run.browser, run.url, 'street.zhenhua', {
      size: PHONE,
      path: '/residents',
    });
    const cards = page.locator('.resident-card-link');
    await expect.poll(() => cards.count()).toBe(20);
    await page
      .locator('.phone-action-bar')
      .getByRole('button', { name: label(p.register.newHousehold) })
      .waitFor();
    await shot(page, 'residents-390');
    const more = page.getByRole('button', { name: label(zhCN.common.loadMore) });
    await more.scrollIntoViewIfNeeded();
    await shot(page, 'residents-390-more');
    await more.click();
    await expect.poll(() => cards.count()).toBe(40);
    expect(errors).toEqual([]);
    await page.context().close();
  }, 90_000);

  it.each([
    ['1280', DESK],
    ['390', PHONE],
  ] as const)(
    'activities at %s px: a status filter is kept in the address; one that matches nothing says so',
    async (width, size) => {
      const a = zhCN.activities;
      const { page, errors } = await signIn(run.browser, run.url, 'staff.yuhe', {
        size,
        path: '/activities',
      });
      const activity = page.getByRole('main').getByText('清理楼道杂物 消除火灾隐患').first();
      await activity.waitFor();
      await pick(page, a.ui.allStatuses, a.statuses.ongoing);
      await expect.poll(() => param(page, 'status')).toBe('ongoing');
      await page.reload();
      await activity.waitFor();
      await expect.poll(() => param(page, 'status')).toBe('ongoing');
      await shot(page, `activities-${width}`);

      // None is cancelled: the empty list says the filter found nothing, and clears it.
      await pick(page, a.ui.allStatuses, a.statuses.cancelled);
      await page.getByText(zhCN.common.noMatch).waitFor();
      await shot(page, `activities-${width}-no-match`);
      await page.getByRole('button', { name: label(zhCN.common.clearFilters) }).click();
      await activity.waitFor();
      expect(param(page, 'status')).toBeNull();
      expect(errors).toEqual([]);
      await page.context().close();
    },
    90_000,
  );
});
