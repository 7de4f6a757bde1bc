import { describe, expect, it } from 'vitest';
import { zhCN } from '../../common/i18n/zh-CN';
import { journey, label, PHONE, shooter, signIn } from './support';

const ui = zhCN.patrolUi;
const patrols = zhCN.issues.patrols;

describe('patrol journey (phone, 390 px)', () => {
  const run = journey();
  const shot = shooter('patrol');

  it('starts a patrol, records a finding with a photo, reports it, finds it on the issue board', async () => {
    const photo = await (await run.browser.newPage()).screenshot({ type: 'png' });
    const { page, errors } = await signIn(run.browser, run.url, 'grid.yuhe', { size: PHONE });

    // The phone tab bar: 今日 · 巡查 · 走访 · 上报 · 我的.
    const tabs = page.locator('.phone-tab');
    await tabs.first().waitFor();
    const tabTexts = (await tabs.allInnerTexts()).map((text) => text.trim());
    expect(tabTexts).toEqual(['今日', '巡查', '走访', '上报', '我的']);
    await tabs.filter({ hasText: zhCN.app.tabs.patrols }).click();
    await page.waitForURL(/\/patrols$/);
    await page.getByText(ui.coverageTitle).waitFor();
    await shot(page, 'phone-list');

    await page.getByRole('button', { name: label(patrols.start) }).click();
    await page.waitForURL(/\/patrols\/[0-9a-f-]{36}$/);
    const description = '楼道堆放杂物，堵塞消防通道（e2e）';
    await page.getByLabel(ui.description).fill(description);
    await page.getByTestId('photo-input').setInputFiles({
      name: 'photo.png',
      mimeType: 'image/png',
      buffer: photo,
    });
    await page.locator('.photo-thumb').first().waitFor();
    await page.getByLabel(ui.location).fill('3号楼东侧');
    await page.getByRole('button', { name: label(ui.saveFinding) }).click();
    const finding = page.locator('.patrol-finding').filter({ hasText: description });
    await finding.waitFor();
    await expect(finding.locator('img').count()).resolves.toBe(1);
    await shot(page, 'phone-running');

    await finding.getByRole('button', { name: label(patrols.report) }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await dialog.getByRole('button', { name: label(ui.reportConfirm) }).click();
    await dialog.waitFor({ state: 'hidden' });
    await finding.getByRole('link', { name: ui.openIssue }).waitFor();
    const patrolUrl = page.url();

    // Ending asks first; an ended patrol is read-only.
    await page.getByRole('button', { name: label(patrols.end) }).click();
    const confirm = page.getByRole('dialog');
    await confirm.getByText(ui.endConfirm).waitFor();
    await confirm.getByRole('button', { name: label(patrols.end) }).click();
    await page.getByText(ui.readOnly).waitFor();
    await expect(page.getByLabel(ui.description).count()).resolves.toBe(0);
    await shot(page, 'phone-ended');

    await page.goto(patrolUrl);
    await finding.getByRole('link', { name: ui.openIssue }).click();
    await page.waitForURL(/\/issues\/[0-9a-f-]{36}$/);
    await page.getByText(description).first().waitFor();
    await shot(page, 'phone-issue');

    await page.goto(`${run.url}/issues`);
    await page.getByText(description).first().waitFor();
    await shot(page, 'phone-board');
    expect(errors).toEqual([]);
    await page.context().close();
  }, 120_000);

  it('counts a place visited with nothing wrong (走访无异常) in one tap, as a visit and in the coverage', async () => {
    const { page, errors } = await signIn(run.browser, run.url, 'grid.yuhe', {
      size: PHONE,
      path: '/patrols',
    });

    // The coverage before: "已走访 v / n", and a place not yet visited this month.
    const coverage = page.locator('.patrol-coverage');
    const count = coverage.getByText(/^已走访 \d+ \/ \d+$/);
    await count.waitFor();
    const [, before, total] = /(\d+) \/ (\d+)/.exec(await count.innerText())!.map(Number);
    const unvisited = coverage.locator('.ant-list-item').first();
    await unvisited.waitFor();
    const placeName = (await unvisited.locator('.ant-typography').first().innerText()).trim();

    await page.getByRole('button', { name: label(patrols.start) }).click();
    await page.waitForURL(/\/patrols\/[0-9a-f-]{36}$/);
    await page.getByText(ui.visitTitle).waitFor();
    await shot(page, 'phone-visit-list');
    // One tap, no text to write.
    await page
      .getByRole('button', { name: ui.visitNoProblemOf.replace('{{place}}', placeName) })
      .click();
    const row = page.locator('.patrol-visit').filter({ hasText: placeName });
    await row.getByText(ui.visitedHere).waitFor();
    // It is in the patrol as a visit (走访), not as a finding.
    const item = page.locator('.patrol-finding').filter({ hasText: placeName });
    await item.getByText(patrols.findingKinds.visited).waitFor();
    await shot(page, 'phone-visited');

    await page.goto(`${run.url}/patrols`);
    await coverage.getByText(`已走访 ${before + 1} / ${total}`).waitFor();
    await expect(
      coverage.locator('.ant-list-item').filter({ hasText: placeName }).count(),
    ).resolves.toBe(0);
    await shot(page, 'phone-coverage-after');
    expect(errors).toEqual([]);
    await page.context().close();
  }, 120_000);
});
