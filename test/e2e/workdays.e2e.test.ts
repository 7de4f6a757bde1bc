import { describe, expect, it } from 'vitest';
import { zhCN } from '../../common/i18n/zh-CN';
import { journey, shooter, signIn } from './support';

const ui = zhCN.issueUi.workdays;

describe('the working-day calendar page (desk)', () => {
  const run = journey();

  it('shows 2026’s Spring Festival and 调休 days, and a district admin corrects a day', async () => {
    const { page, errors } = await signIn(run.browser, run.url, 'admin', { path: '/workdays' });

    const year = page.getByLabel(ui.year);
    await year.fill('2026');
    await year.press('Enter');
    // 16–20 February are the weekdays of the holiday; Saturday 14 February is worked.
    await page.getByText(/02-16、02-17、02-18、02-19、02-20/).waitFor();
    await page.getByText(/02-14/).first().waitFor();
    await page.getByText(ui.overridesEmpty).waitFor();

    await page.getByLabel(ui.note).fill('区里通知延长一天');
    const day = page.getByLabel(ui.day, { exact: true });
    await day.fill('2026-02-24');
    // Enter takes the typed date and, like a keyboard user expects, submits the form (改正这一天).
    await day.press('Enter');
    const row = page.locator('.ant-table-row').filter({ hasText: '2026-02-24' });
    await row.getByText(ui.kinds.holiday).waitFor();
    await row.getByText('区里通知延长一天').waitFor();
    await shooter('workdays')(page, 'calendar');
    expect(errors).toEqual([]);
    await page.context().close();
  }, 120_000);
});
