import { describe, expect, it } from 'vitest';
import { zhCN } from '../../common/i18n/zh-CN';
import { journey, label, PHONE, shooter, signIn } from './support';

const ui = zhCN.surveys;
/** How long to wait for what the user should see (the server seeds and answers on a busy machine). */
const wait = { timeout: 10_000 };

describe('survey journey: build and publish at the desk, answer on the phone, read the results', () => {
  const run = journey();
  const shot = shooter('survey');

  it('builds a two-question survey, publishes it, records an answer at 390 px, and charts it', async () => {
    const desk = await signIn(run.browser, run.url, 'staff.yuhe', { path: '/surveys/new' });
    const page = desk.page;

    await page.getByLabel(ui.builder.name).fill('楼道消防安全问卷');
    await page.getByPlaceholder(ui.builder.sectionTitlePlaceholder).fill('消防安全');
    await page.getByPlaceholder(ui.builder.questionPlaceholder).first().fill('楼道是否堆放杂物？');
    await page.getByPlaceholder(ui.builder.option.replace('{{n}}', '1')).fill('没有');
    await page.getByPlaceholder(ui.builder.option.replace('{{n}}', '2')).fill('有');
    await page.getByRole('button', { name: label(ui.builder.addQuestion) }).click();
    await page
      .getByPlaceholder(ui.builder.questionPlaceholder)
      .nth(1)
      .fill('您对消防安全的满意程度');
    // The new question's type: pick 评分题 in its select.
    await page.locator('.survey-question-card').nth(1).locator('.ant-select').click();
    await page.locator('.ant-select-item-option', { hasText: ui.types.rating }).click();
    await page
      .locator('.survey-question-card')
      .nth(1)
      .locator('.ant-select', { hasText: ui.types.rating })
      .waitFor();
    await page.getByRole('button', { name: label(ui.builder.publish) }).click();
    await page
      .getByRole('dialog')
      .getByRole('button', { name: label(ui.builder.publish) })
      .click();
    await expect
      .poll(() => page.getByText(ui.builder.published.replace('{{n}}', '1')).count(), wait)
      .toBeGreaterThan(0);
    await page.waitForURL(/\/surveys\/[0-9a-f-]{36}$/);
    const surveyUrl = page.url();
    await shot(page, 'builder');

    // A grid worker answers it on the phone.
    const phone = await signIn(run.browser, run.url, 'grid.yuhe', {
      size: PHONE,
      path: `${new URL(surveyUrl).pathname}/answer`,
    });
    const mobile = phone.page;
    await mobile.getByRole('radio', { name: '有', exact: true }).click();
    // Submitting without the required rating shows the error at the question and keeps the choice.
    await mobile.getByRole('button', { name: label(ui.answer.submit) }).click();
    await expect.poll(() => mobile.getByText(ui.answer.required).count(), wait).toBe(1);
    await mobile.getByRole('radio', { name: ui.results.score.replace('{{n}}', '4') }).click();
    await mobile.getByRole('button', { name: label(ui.answer.submit) }).click();
    await expect.poll(() => mobile.getByText(ui.answer.submitted).count(), wait).toBeGreaterThan(0);
    await shot(mobile, 'answered-phone');

    // The results show the answer, with a chart per question.
    await page.goto(`${surveyUrl}/results`);
    await expect
      .poll(() => page.getByText(ui.results.average.replace('{{value}}', '4')).count(), wait)
      .toBe(1);
    await expect.poll(() => page.locator('.survey-chart svg').count(), wait).toBe(2);
    await shot(page, 'results');
    expect([...desk.errors, ...phone.errors]).toEqual([]);
    await page.context().close();
    await mobile.context().close();
  }, 120_000);
});
