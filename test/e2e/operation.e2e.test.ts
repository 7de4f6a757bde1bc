import { describe, expect, it } from 'vitest';
import { zhCN } from '../../common/i18n/zh-CN';
import { shanghaiDay } from '../../common/time';
import { journey, label, PHONE, shooter, signIn } from './support';

const ops = zhCN.operations;

describe('support operation journey (phone, 390 px)', () => {
  const run = journey();

  it('a duty officer moves batches on from the phone, logs an event and sees the uncovered hour', async () => {
    const { page, errors } = await signIn(run.browser, run.url, 'support.jungong', {
      size: PHONE,
    });
    const shot = shooter('operation');

    // 保障 is one of the officer's phone tabs.
    await page.locator('a.phone-tab', { hasText: zhCN.app.tabs.operations }).click();
    // The demo's transport under way (the spring one of the source page is done and closed).
    await page.getByText('驻训部队返营铁路输送保障').first().click();
    await page.waitForURL(/\/operations\/[0-9a-f-]{36}$/);

    const z316 = page.locator('.operation-batch').filter({ hasText: 'Z316' });
    await z316.getByText(ops.batchStatuses.served).waitFor();
    await z316.getByRole('button', { name: label(ops.next.departed) }).click();
    await z316.getByText(ops.batchStatuses.departed).waitFor();
    await expect(z316.getByRole('button').count()).resolves.toBe(0);

    const k618 = page.locator('.operation-batch').filter({ hasText: 'K618' });
    await k618.getByRole('button', { name: label(ops.next.arrived) }).click();
    await k618.getByText(ops.batchStatuses.arrived).waitFor();
    await k618.getByRole('button', { name: label(ops.next.served) }).waitFor();
    await shot(page, 'phone-batches');

    await page.getByRole('tab', { name: ops.tabs.log }).click();
    await page.getByPlaceholder(ops.logPlaceholder).fill('K618 次到站，240 人就餐');
    await page.getByRole('button', { name: label(ops.actions.addLog) }).click();
    await page.getByText('K618 次到站，240 人就餐').waitFor();

    await page.getByRole('tab', { name: new RegExp(ops.tabs.roster) }).click();
    // Its first day, yesterday, leaves 03:00–04:00 uncovered.
    const firstDay = shanghaiDay(new Date(Date.now() - 86_400_000).toISOString());
    await page.getByText(`${firstDay} 无人值守：03:00–04:00`).waitFor();
    await expect(page.locator('.roster-gap').count()).resolves.toBe(1);
    await shot(page, 'phone-roster');

    // A reload shows what the server kept.
    await page.reload();
    await page
      .locator('.operation-batch')
      .filter({ hasText: 'Z316' })
      .getByText(ops.batchStatuses.departed)
      .waitFor();
    expect(errors).toEqual([]);
    await page.context().close();
  }, 120_000);
});
