import { type Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { v7 } from 'uuid';
import { zhCN } from '../../common/i18n/zh-CN';
import { apiAs, findUnit, journey, label, orgTree, PHONE, shooter, signIn } from './support';

const ui = zhCN.campaigns;
const TITLE = '燃气安全入户宣传（走访测试）';

/** The list refreshes after each visit: wait until it shows this many households. */
const householdsShown = (page: Page, n: number) =>
  page.waitForFunction(
    (count) => document.querySelectorAll('.campaign-household').length === count,
    n,
    { timeout: 15_000 },
  );

describe('campaign visit journey (phone, 390 px)', () => {
  const run = journey();
  const shot = shooter('campaign');

  beforeAll(async () => {
    // A grid of exactly three households, given to grid.yuhe beside their own, and a campaign to it.
    const api = await apiAs(run.url, 'admin');
    const tree = await orgTree(api);
    const community = findUnit(tree, '御河九号社区');
    const street = findUnit(tree, '新旺街道');
    const grid = await api<{ id: string }>('POST', '/api/org/units', {
      parentId: community.id,
      kind: 'grid',
      name: '走访测试网格',
    });
    for (const [room, name] of [
      ['101', '杨春花'],
      ['102', '吴国庆'],
      ['201', '郑秀云'],
    ])
      await api('POST', '/api/households', {
        gridId: grid.id,
        building: '8',
        unitNo: '1',
        room,
        head: { name },
      });
    const staff = await api<{ items: { id: string; username: string }[] }>(
      'GET',
      '/api/staff?q=grid.yuhe',
    );
    const worker = await api<{ id: string; version: number; roles: { orgUnitId: string }[] }>(
      'GET',
      `/api/staff/${staff.items.find((s) => s.username === 'grid.yuhe')!.id}`,
    );
    await api('PUT', `/api/staff/${worker.id}/roles`, {
      version: worker.version,
      roles: [
        ...worker.roles.map((r) => ({ role: 'gridWorker', orgUnitId: r.orgUnitId })),
        { role: 'gridWorker', orgUnitId: grid.id },
      ],
    });
    const surveys = await api<{ items: { id: string; title: string }[] }>(
      'GET',
      `/api/surveys?q=${encodeURIComponent('文明城市创建居民评分问卷')}`,
    );
    const today = new Date().toISOString().slice(0, 10);
    await api('POST', '/api/campaigns', {
      id: v7(),
      ownerUnitId: street.id,
      title: TITLE,
      materials: ['疫情防控一封信', '燃气安全隐患整改通知书'],
      surveyId: surveys.items[0]?.id ?? null,
      targetUnitIds: [grid.id],
      startDate: today,
      endDate: today,
      status: 'active',
    });
  }, 180_000);

  /** Opens the first household under the current filter and records the outcome. */
  async function recordVisit(page: Page, outcome: 'delivered' | 'notHome', withSurvey: boolean) {
    await page.locator('.campaign-household').first().click();
    await page.waitForURL(/\/campaigns\/[0-9a-f-]{36}\/households\/[0-9a-f-]{36}$/);
    await page.getByRole('button', { name: label(ui.outcomes[outcome]) }).click();
    if (withSurvey) {
      // Every question that asks for a choice or a score: the first answer offered.
      const groups = page.locator('.survey-answer-fields [role="radiogroup"]');
      await groups.first().waitFor();
      for (const group of await groups.all()) await group.locator('[role="radio"]').first().click();
    }
    await page.getByRole('button', { name: label(ui.submit) }).click();
    await page.waitForURL(/\/campaigns\/[0-9a-f-]{36}$/);
  }

  it('records three visits with the questionnaire; coverage goes from two of three to three', async () => {
    const { page, errors } = await signIn(run.browser, run.url, 'grid.yuhe', { size: PHONE });
    const coverage = (reached: number) =>
      page
        .locator('.campaign-page')
        .getByText(
          ui.coverage.reachedOf.replace('{{reached}}', String(reached)).replace('{{target}}', '3'),
        )
        .first();

    // The grid worker's tabs: 今日 · 巡查 · 走访 · 上报 · 我的.
    const tabs = page.locator('.phone-tab');
    await tabs.first().waitFor();
    expect((await tabs.allInnerTexts()).map((text) => text.trim())).toEqual([
      '今日',
      '巡查',
      '走访',
      '上报',
      '我的',
    ]);
    await tabs.filter({ hasText: zhCN.app.tabs.campaigns }).click();
    await page.waitForURL(/\/campaigns$/);
    await page.locator('.campaign-card').filter({ hasText: TITLE }).click();
    await page.waitForURL(/\/campaigns\/[0-9a-f-]{36}$/);
    await coverage(0).waitFor();
    await householdsShown(page, 3);
    await shot(page, 'phone-round');

    // First door: delivered, with the questionnaire.
    await recordVisit(page, 'delivered', true);
    await coverage(1).waitFor();
    // Second door: nobody at home; it waits under 不在家.
    await recordVisit(page, 'notHome', false);
    await coverage(1).waitFor();
    // Third door: delivered, with the questionnaire.
    await recordVisit(page, 'delivered', true);
    await coverage(2).waitFor();
    await householdsShown(page, 0);
    await shot(page, 'phone-two-of-three');

    // The revisit: the household not at home, now delivered.
    await page.locator('.campaign-filter').getByText(ui.filters.notHome, { exact: false }).click();
    await householdsShown(page, 1);
    await page.locator('.campaign-household').first().click();
    await page.waitForURL(/\/households\/[0-9a-f-]{36}$/);
    await page.getByText(ui.revisit).waitFor();
    await shot(page, 'phone-visit');
    await page.getByRole('button', { name: label(ui.outcomes.delivered) }).click();
    const groups = page.locator('.survey-answer-fields [role="radiogroup"]');
    await groups.first().waitFor();
    for (const group of await groups.all()) await group.locator('[role="radio"]').first().click();
    await page.getByRole('button', { name: label(ui.submit) }).click();
    await page.waitForURL(/\/campaigns\/[0-9a-f-]{36}$/);
    await coverage(3).waitFor();
    await shot(page, 'phone-all-reached');

    // On a phone the coverage is a card per grid, each figure named: every household counted once
    // (three visited, three reached of three, though four visits were made), none left out.
    const byGrid = page.locator('.campaign-coverage .coverage-unit', { hasText: '走访测试网格' });
    await byGrid.waitFor();
    const names = await byGrid.locator('dt').allInnerTexts();
    const values = await byGrid.locator('dd').allInnerTexts();
    expect(Object.fromEntries(names.map((name, i) => [name.trim(), values[i]?.trim()]))).toEqual({
      [ui.coverage.target]: '3',
      [ui.coverage.visited]: '3',
      [ui.coverage.reached]: '3',
      [ui.coverage.notHome]: '0',
      [ui.coverage.refused]: '0',
    });
    // 覆盖率 is on screen and on one line (the table wrapped its header a character a line and
    // pushed the bar past the right edge).
    const share = byGrid.getByText(ui.coverage.share, { exact: true });
    await share.scrollIntoViewIfNeeded();
    const box = (await share.boundingBox())!;
    const lineHeight = await share.evaluate((el) => parseFloat(getComputedStyle(el).lineHeight));
    expect(box.height).toBeLessThanOrEqual(lineHeight * 1.2);
    expect(box.x + box.width).toBeLessThanOrEqual(390);
    await byGrid
      .getByText(ui.coverage.reachedOf.replace('{{reached}}', '3').replace('{{target}}', '3'))
      .waitFor();
    const bar = (await byGrid.locator('.ant-progress').boundingBox())!;
    expect(bar.x + bar.width).toBeLessThanOrEqual(390);
    await shot(page, 'phone-coverage-cards');
    expect(errors).toEqual([]);
    await page.context().close();
  }, 180_000);
});
