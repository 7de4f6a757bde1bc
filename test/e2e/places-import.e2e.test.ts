import path from 'node:path';
import ExcelJS from 'exceljs';
import { type BrowserContextOptions, type Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { importMessages } from '../../common/i18n/imports';
import { zhCN } from '../../common/i18n/zh-CN';
import { DESK, journey, label, PHONE, shooter, shots, signIn } from './support';

const m = importMessages['zh-CN'];

/**
 * A grid's places register as offices keep it: a title row, its own words for the headers in its
 * own order, no 社区 column (the whole file is one community), a column Linli does not know, a
 * hyphenated phone, and one row whose category is not one of the register's.
 */
async function placesRegister(file: string, headers: string[], rows: (string | number)[][]) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sheet1');
  ws.addRow(['御河九号社区第一网格场所摸排台账']);
  ws.mergeCells(1, 1, 1, headers.length);
  ws.addRow(headers);
  for (const row of rows) ws.addRow(row);
  await wb.xlsx.writeFile(file);
}

describe('places register import journey in Chromium', () => {
  const run = journey();
  const desktopFile = path.join(shots, 'places-import-grid.xlsx');
  const phoneFile = path.join(shots, 'places-import-phone.xlsx');
  const shot = shooter('places-import');

  beforeAll(async () => {
    await placesRegister(
      desktopFile,
      ['序号', '单位名称', '行业', '经营地址', '法人', '联系电话', '从业人数'],
      [
        [1, '御河晨光早餐', '餐饮', '御河路 21 号', '韩师傅', '138-1007-6006', 3],
        [2, '御河老街五金', '商铺', '御河路 22 号', '', '', 1],
        // 原行号 5: 花店 is not one of the register's categories.
        [3, '御河花语', '花店', '御河路 23 号', '', '', 2],
      ],
    );
    // Another office's layout: the mapping is asked again, on a phone this time.
    await placesRegister(
      phoneFile,
      ['店名', '场所类型', '地址', '负责人', '手机', '所属网格', '备注'],
      [['御河街角药房', '药店', '御河路 31 号', '秦女士', '139 1007 7007', '第一网格', '']],
    );
  });

  /** The grid worker at the places register, in a window of this size. */
  const logIn = (size: BrowserContextOptions) =>
    signIn(run.browser, run.url, 'grid.yuhe', { size, path: '/places', timeout: 20_000 });

  /** Uploads a file in the places import dialog and waits for the mapping step. */
  const uploadFile = async (page: Page, file: string) => {
    await page.getByRole('button', { name: label(zhCN.placeUi.register.import) }).click();
    const dialog = page.getByRole('dialog', { name: m.titlePlaces });
    await dialog.locator('input[type=file]').setInputFiles(file);
    await dialog.getByRole('button', { name: label(m.upload) }).click();
    const mapping = dialog.locator('.import-mapping');
    await mapping.waitFor();
    return {
      dialog,
      mapping,
      row: (header: string) => mapping.locator(`[data-column="${header}"]`),
    };
  };

  const pickCommunity = async (page: Page) => {
    const dialog = page.getByRole('dialog', { name: m.titlePlaces });
    const missing = dialog.locator('.import-mapping .ant-alert-error').filter({ hasText: '社区' });
    await missing.waitFor();
    await dialog.locator('#import-fixed-community').click();
    await page.locator('.ant-select-tree-title', { hasText: '御河九号社区' }).click();
    await missing.waitFor({ state: 'detached' });
  };

  const commitAndFinish = async (page: Page) => {
    const dialog = page.getByRole('dialog', { name: m.titlePlaces });
    // 导入 itself, not 放弃导入 beside it.
    await dialog.getByRole('button', { name: new RegExp(`^${label(m.commit).source}`) }).click();
    await dialog.locator('.import-report .ant-alert-success').waitFor({ timeout: 60_000 });
    await dialog.getByRole('button', { name: label(m.finish) }).click();
    await dialog.waitFor({ state: 'hidden' });
  };

  const findInRegister = async (page: Page, name: string) => {
    const search = page.getByLabel(zhCN.placeUi.list.searchPlaceholder);
    await search.fill(name);
    await search.press('Enter');
    await page.getByRole('link', { name }).waitFor();
  };

  it('maps a grid’s places register at 1280 px, imports its good rows and shows them in the register', async () => {
    const { page, errors } = await logIn({ ...DESK, acceptDownloads: true });
    try {
      const { dialog, row } = await uploadFile(page, desktopFile);
      // Every column with its proposed field; the unknown one marked; 社区 asked once.
      await row('从业人数').getByText(m.unknown).waitFor();
      for (const [header, field] of [
        ['单位名称', '名称'],
        ['行业', '类别'],
        ['经营地址', '地址'],
        ['法人', '负责人'],
        ['联系电话', '联系电话'],
      ])
        expect(await row(header).locator('.ant-select').textContent()).toContain(field);
      const confirm = dialog.getByRole('button', { name: label(m.confirmMapping) });
      expect(await confirm.isDisabled()).toBe(true);
      await pickCommunity(page);
      // The file has no 网格 column either: the grid worker's one grid is chosen for the whole file.
      await dialog.locator('#import-fixed-grid').click();
      await page
        .locator('.ant-select-dropdown:visible .ant-select-tree-title', { hasText: '第一网格' })
        .click();
      await shot(page, 'mapping-1280');
      await confirm.click();

      const report = dialog.locator('.import-report');
      await report.waitFor({ timeout: 60_000 });
      const problem = report.locator('.import-problem-table tbody tr').filter({ hasText: '行业' });
      expect(await problem.locator('td').first().textContent()).toBe('5');
      await report.getByText(m.problemsNotePlaces).waitFor();
      await shot(page, 'report-1280');
      await commitAndFinish(page);

      await findInRegister(page, '御河晨光早餐');
      await findInRegister(page, '御河老街五金');
      await shot(page, 'register-1280');
      expect(errors).toEqual([]);
    } finally {
      await page.context().close();
    }
  }, 180_000);

  it('does the same on a 390 px phone', async () => {
    const { page, errors } = await logIn(PHONE);
    try {
      const { dialog, row } = await uploadFile(page, phoneFile);
      await row('备注').getByText(m.unknown).waitFor();
      expect(await row('店名').locator('.ant-select').textContent()).toContain('名称');
      await pickCommunity(page);
      await shot(page, 'mapping-390');
      await dialog.getByRole('button', { name: label(m.confirmMapping) }).click();
      await dialog.locator('.import-report').waitFor({ timeout: 60_000 });
      await dialog.getByText(m.noProblems).waitFor();
      await shot(page, 'report-390');
      await commitAndFinish(page);
      await findInRegister(page, '御河街角药房');
      await shot(page, 'register-390');
      expect(errors).toEqual([]);
    } finally {
      await page.context().close();
    }
  }, 180_000);
});
