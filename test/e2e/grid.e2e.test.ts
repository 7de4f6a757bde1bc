import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { zhCN } from '../../common/i18n/zh-CN';
import type { IssueDetail, IssueStep } from '../../common/schemas/issues';
import type { Inspection, Notice, Place } from '../../common/schemas/places';
import { todayInShanghai } from '../../server/lib/time';
import { apiAs, journey, label, PHONE, shooter, signIn } from './support';

const ui = zhCN.placeUi.inspect;
const issues = zhCN.issues;

/**
 * The journey's shop, made through the API in grid.yuhe's grid (御河九号社区第一网格, under 新旺街道).
 * 新旺 has no enforcement team of its own, so the issue goes to the district's 市场监督管理局, whose
 * officer.scjg handles it.
 */
const shopName = '邻里e2e便利店';

describe('grid governance journey (phone, 390 px)', () => {
  const run = journey();
  let place: Place;
  beforeAll(async () => {
    const grid = await apiAs(run.url, 'grid.yuhe');
    const me = await grid<{ roles: { orgUnitId: string; orgUnitKind: string }[] }>(
      'GET',
      '/api/auth/me',
    );
    const gridId = me.roles.find((r) => r.orgUnitKind === 'grid')!.orgUnitId;
    place = await grid<Place>('POST', '/api/places', {
      name: shopName,
      category: 'shop',
      gridId,
      address: '御河九号小区底商 12 号',
    });
  });
  const shot = shooter('grid');

  /** A phone logged in as this user, which takes the notice's PDF when it downloads. */
  const phoneAs = (username: string) =>
    signIn(run.browser, run.url, username, { size: { ...PHONE, acceptDownloads: true } });

  /** Opens the issue and takes the step named by its button, filling what the dialog asks. */
  async function takeStep(page: Page, issueId: string, action: string, fill?: () => Promise<void>) {
    await page.goto(`${run.url}/issues/${issueId}`);
    await page
      .getByRole('button', { name: label(action) })
      .first()
      .click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await fill?.();
    await dialog.locator('.ant-btn-primary').click();
    // On a loaded machine a step can take a while; if the dialog stays, say what it shows.
    await dialog.waitFor({ state: 'hidden', timeout: 30_000 }).catch(async (error: unknown) => {
      const shown = await dialog.innerText().catch(() => '');
      throw new Error(`the ${action} dialog stayed open: ${shown}`, { cause: error });
    });
  }

  it('inspects a shop, fails two items, the issue goes through to rated, the notice PDF names the shop', async () => {
    const photo = await (await run.browser.newPage()).screenshot({ type: 'png' });

    // ——— the grid worker inspects the shop on the phone ———
    const { page, errors } = await phoneAs('grid.yuhe');
    await page.goto(`${run.url}/inspections/new?placeId=${place.id}`);
    await page.getByText('楼道消防安全检查').click();
    await page.getByRole('button', { name: label(ui.start) }).click();
    await page.waitForURL(/\/inspections\/[0-9a-f-]{36}$/);
    const inspectionId = page.url().split('/').pop()!;
    const gridApi = await apiAs(run.url, 'grid.yuhe');
    await page.getByText(ui.progress.replace('{{done}}', '1').replace('{{total}}', '3')).waitFor();
    await shot(page, 'phone-inspection-item');

    const results = ['fail', 'fail', 'pass'] as const;
    for (const [index, result] of results.entries()) {
      await page.getByText(`${index + 1} / ${results.length}`, { exact: true }).waitFor();
      // The answer is kept as soon as it is tapped, not only on 下一项.
      const [kept] = await Promise.all([
        page.waitForResponse(
          (r) => r.request().method() === 'PUT' && r.url().endsWith(`/${inspectionId}/results`),
        ),
        page.locator(`.inspection-choice-${result}`).click(),
      ]);
      expect(kept.ok()).toBe(true);
      const draft = await gridApi<Inspection>('GET', `/api/inspections/${inspectionId}`);
      expect(draft.items[index].result).toBe(result);
      // A failed item that needs a photo says so at once, and stops saying so once it has one.
      const item = draft.items[index];
      const hint = page
        .getByRole('alert')
        .filter({ hasText: zhCN.errors.PHOTO_REQUIRED.replace('{{item}}', item.text) });
      if (result === 'fail') {
        expect(item.photoRequired).toBe('onFail');
        await hint.waitFor();
        if (index === 0) await shot(page, 'phone-inspection-photo-needed');
        await page.getByLabel(ui.note).fill('现场发现问题，已拍照');
        await page.getByTestId('photo-input').setInputFiles({
          name: 'photo.png',
          mimeType: 'image/png',
          buffer: photo,
        });
        await page.locator('.photo-thumb').first().waitFor();
        await hint.waitFor({ state: 'detached' });
      } else {
        expect(await hint.count()).toBe(0);
      }
      const last = index === results.length - 1;
      await page.getByRole('button', { name: label(last ? ui.toSummary : ui.next) }).click();
    }
    await page.getByText(ui.summary).waitFor();
    await shot(page, 'phone-inspection-summary');
    await page.getByRole('button', { name: label(ui.submit) }).click();
    await page.getByRole('button', { name: label(ui.viewIssue) }).waitFor();
    await shot(page, 'phone-inspection-done');

    const grid = await apiAs(run.url, 'grid.yuhe');
    const inspection = await grid<Inspection>('GET', `/api/inspections/${inspectionId}`);
    expect(inspection.result).toBe('fail');
    expect(inspection.items.filter((i) => i.result === 'fail')).toHaveLength(2);
    const issueId = inspection.issueId!;
    expect(issueId).toBeTruthy();
    expect(inspection.noticeId).toBeTruthy();

    // The notice PDF downloads from the phone and names the shop.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: label(ui.noticePdf) }).click(),
    ]);
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'linli-notice-')), 'notice.pdf');
    await download.saveAs(file);
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
    expect(text).toContain(shopName);

    // ——— the community accepts and dispatches it to the market regulator ———
    const { page: staff } = await phoneAs('staff.yuhe');
    await takeStep(staff, issueId, issues.actions.accept);
    await staff.getByText(issues.statuses.accepted).first().waitFor();
    await takeStep(staff, issueId, issues.actions.dispatch, async () => {
      // Open the select, wait for the department in its open list (visible and done animating:
      // click waits for a stable box), pick it once, and see the field show it.
      const dialog = staff.getByRole('dialog');
      await dialog.getByRole('combobox').click();
      const option = staff
        .locator('.ant-select-dropdown:visible .ant-select-item-option')
        .filter({ hasText: /^市场监督管理局$/ });
      await option.waitFor({ state: 'visible' });
      await option.click();
      await dialog
        .locator('.ant-select-content, .ant-select-selection-item')
        .filter({ hasText: /^市场监督管理局$/ })
        .first()
        .waitFor();
    });
    await staff.getByText(issues.statuses.dispatched).first().waitFor();
    await shot(staff, 'phone-issue-dispatched');

    // ——— the officer handles it ———
    const { page: officer } = await phoneAs('officer.scjg');
    const officerApi = await apiAs(run.url, 'officer.scjg');
    let seen = await officerApi<IssueDetail>('GET', `/api/issues/${issueId}`);
    expect(seen.actions).toContain('startHandling');
    await takeStep(officer, issueId, issues.actions.startHandling);
    await officer.getByText(issues.statuses.handling).first().waitFor();
    await takeStep(officer, issueId, issues.actions.handle, async () => {
      await officer
        .getByLabel(zhCN.issueUi.noteLabels.handle)
        .fill('已责令店主清理楼道杂物、更换灭火器');
    });
    await officer.getByText(issues.statuses.handled).first().waitFor();
    seen = await officerApi<IssueDetail>('GET', `/api/issues/${issueId}`);
    expect(seen.status).toBe('handled');

    // ——— the unit has rectified: the issue closes only through the notice's re-inspection ———
    // A plain verify is refused while the notice is open, and the issue page offers none.
    seen = await grid<IssueDetail>('GET', `/api/issues/${issueId}`);
    expect(seen.status).toBe('handled');
    expect(seen.actions).not.toContain('verify');
    await expect(
      grid('POST', `/api/issues/${issueId}/steps`, {
        action: 'verify',
        version: seen.version,
        fixed: true,
        note: '复查合格',
      }),
    ).rejects.toThrow(/: 409 .*REINSPECT_NOTICE/);

    // ——— the grid worker re-inspects the notice's items before its deadline: all fixed ———
    await page.goto(`${run.url}/inspections/${inspectionId}`);
    const items = page.locator('.inspection-reinspect-item');
    await items.first().waitFor();
    expect(await items.count()).toBe(2);
    await shot(page, 'phone-reinspect');
    for (const item of await items.all()) {
      // 合格 is the first choice of each item
      await item.locator('.inspection-choice-pass').click();
    }
    await page.getByRole('button', { name: label(ui.reinspectSubmit) }).click();
    await page.getByText(ui.reinspected).waitFor();
    await shot(page, 'phone-reinspected');

    // ——— the re-inspection verified and closed the issue with its notice; the reporter rates ———
    const notice = await grid<Notice>('GET', `/api/notices/${inspection.noticeId}`);
    expect(notice.status).toBe('rectified');
    expect(notice.deadline >= todayInShanghai()).toBe(true);
    seen = await grid<IssueDetail>('GET', `/api/issues/${issueId}`);
    expect(seen.status).toBe('closed');
    const { items: timeline } = await grid<{ items: IssueStep[] }>(
      'GET',
      `/api/issues/${issueId}/steps`,
    );
    expect(timeline.map((s) => s.action).slice(-2)).toEqual(['verify', 'close']);
    expect(seen.actions).toContain('rate');
    await takeStep(page, issueId, issues.actions.rate);
    await page.getByText(issues.statuses.rated).first().waitFor();
    await shot(page, 'phone-issue-rated');
    seen = await grid<IssueDetail>('GET', `/api/issues/${issueId}`);
    expect(seen.status).toBe('rated');
    expect(seen.rating).toBe(5);

    expect(errors).toEqual([]);
    await Promise.all([page, staff, officer].map((p) => p.context().close()));
  }, 180_000);
});
