import { describe, expect, it } from 'vitest';
import { zhCN } from '../../common/i18n/zh-CN';
import type { Issue } from '../../common/schemas/issues';
import { journey, PHONE, shooter, signIn } from './support';

describe('the follow-up of a joint inspection: notice, place and re-inspection (phone, 390 px)', () => {
  const run = journey();

  it('officer.zfd opens the notice and the place from the issue dispatched to it', async () => {
    const { page, errors } = await signIn(run.browser, run.url, 'officer.zfd', { size: PHONE });
    const shot = shooter('enforcement');

    // The issue of the flower market, dispatched to the team by the street after the joint check.
    const issues = await page.evaluate(async () => {
      const res = await fetch('/api/issues?pageSize=50', { credentials: 'same-origin' });
      return ((await res.json()) as { items: Issue[] }).items;
    });
    const issue = issues.find((i) => i.placeName === '水泊寺花卉市场');
    expect(issue).toBeDefined();
    await page.goto(`${run.url}/issues/${issue!.id}`);
    await page.getByText(zhCN.issueUi.rectification.title).waitFor();

    await page.getByRole('link', { name: zhCN.issueUi.rectification.openNotice }).click();
    await page.waitForURL(/\/inspections\/[0-9a-f-]{36}$/);
    await page
      .getByText(/水泊寺〔\d{4}〕第\d{4}号/)
      .first()
      .waitFor();
    await shot(page, 'notice');

    await page.goBack();
    await page.waitForURL(/\/issues\/[0-9a-f-]{36}$/);
    await page.getByRole('link', { name: '水泊寺花卉市场' }).click();
    await page.waitForURL(/\/places\/[0-9a-f-]{36}$/);
    await page.locator('.ant-card-head').getByText('水泊寺花卉市场').waitFor();
    // What was found there shows too: the inspection behind the issue and its notice.
    await page
      .getByText(/水泊寺〔\d{4}〕第\d{4}号/)
      .first()
      .waitFor();
    await shot(page, 'place');
    expect(errors).toEqual([]);
    await page.context().close();
  }, 120_000);

  it('a re-inspection before the deadline closes the notice and its issue together', async () => {
    // The enforcement team re-checks what it follows up.
    const { page, errors } = await signIn(run.browser, run.url, 'officer.zfd', { size: PHONE });
    const shot = shooter('reinspect');

    // The pharmacy told the team it has fixed its ledger; the team is still handling the issue and
    // the notice's deadline has not come.
    const issues = await page.evaluate(async () => {
      const res = await fetch('/api/issues?pageSize=50', { credentials: 'same-origin' });
      return ((await res.json()) as { items: Issue[] }).items;
    });
    const issue = issues.find((i) => i.placeName === '康宁大药房水泊寺店');
    expect(issue?.status).toBe('handling');
    await page.goto(`${run.url}/issues/${issue!.id}`);
    const status = page.locator('.issue-tag').first();
    await expect(status.innerText()).resolves.toBe(zhCN.issues.statuses.handling);

    await page.getByRole('link', { name: zhCN.issueUi.rectification.openNotice }).click();
    await page.waitForURL(/\/inspections\/[0-9a-f-]{36}$/);
    await page.getByText(zhCN.places.noticeStatuses.issued).first().waitFor();
    const reinspection = page.locator('.inspection-section').filter({
      has: page.locator('.inspection-reinspect-submit'),
    });
    const items = reinspection.locator('.inspection-reinspect-item');
    const n = await items.count();
    expect(n).toBeGreaterThan(0);
    for (let i = 0; i < n; i++) await items.nth(i).locator('.inspection-choice-pass').click();
    await shot(page, 'form');
    await reinspection.locator('.inspection-reinspect-submit').click();
    await page.getByText(zhCN.places.noticeStatuses.rectified).first().waitFor();
    await shot(page, 'notice-rectified');

    await page.goto(`${run.url}/issues/${issue!.id}`);
    await page.locator('.issue-tag').getByText(zhCN.issues.statuses.closed).first().waitFor();
    await shot(page, 'issue-closed');
    expect(errors).toEqual([]);
    await page.context().close();
  }, 120_000);
});
