import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { closeRenderPool, renderPdfInWorker, renderWorkbookInWorker } from './render-pool';
import type { WorkbookDescription } from './workbook';

const ROWS = 50_000;

/** A street's residents register: the size that took the main thread seconds before the pool. */
function bigRegister(): WorkbookDescription {
  const rows = Array.from({ length: ROWS }, (_, i) => ({
    community: '振华南院社区',
    name: `居民${i + 1}`,
    idNumber: `1402021944${String(i).padStart(8, '0')}`,
    birthDate: '1944-03-05',
    phone: `138${String(i).padStart(8, '0')}`,
    checkedAt: '2026-12-05T04:43:10.000Z',
    age: i % 100,
    note: i === 1 ? '=HYPERLINK("http://x","y")' : '独居，子女在外地',
  }));
  return {
    sheets: [
      {
        name: '居民台账',
        columns: [
          { header: '社区', key: 'community', width: 16 },
          { header: '姓名', key: 'name', width: 10 },
          { header: '身份证号', key: 'idNumber', width: 22 },
          { header: '出生日期', key: 'birthDate', width: 12 },
          { header: '联系电话', key: 'phone', width: 14 },
          { header: '走访时间', key: 'checkedAt', width: 17 },
          { header: '年龄', key: 'age', width: 6 },
          { header: '备注', key: 'note', width: 30 },
        ],
        rows,
        frozenHeader: true,
        print: { title: '居民台账', unit: '振华南院社区' },
      },
    ],
  };
}

describe('the render pool', () => {
  afterAll(closeRenderPool);

  it('builds a 50,000-row register in a worker while the main thread keeps serving', async () => {
    const workbook = bigRegister();
    // A timer on the main thread, as another user's request would be: each gap between its firings
    // is how long the main thread was busy. Built here, the whole build would be one gap.
    const gaps: number[] = [];
    let last = performance.now();
    let timer: NodeJS.Timeout | undefined;
    const tick = () => {
      const now = performance.now();
      gaps.push(now - last);
      last = now;
      timer = setTimeout(tick, 5);
    };
    timer = setTimeout(tick, 5);
    const started = performance.now();
    const file = await renderWorkbookInWorker(workbook);
    const took = performance.now() - started;
    clearTimeout(timer);

    // No absolute times, which a loaded CI machine would break: the timer kept firing through the
    // build, and the longest the main thread was held (handing the rows over) is a small part of it.
    expect(gaps.length).toBeGreaterThan(20);
    expect(Math.max(...gaps)).toBeLessThan(took / 4);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(ws.name).toBe('居民台账');
    expect(ws.rowCount).toBe(ROWS + 1);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.getRow(1).getCell(3).value).toBe('身份证号');
    expect(ws.getRow(1).font?.bold).toBe(true);
    const first = ws.getRow(2);
    expect(first.getCell(3).value).toBe('140202194400000000');
    expect(first.getCell(3).numFmt).toBe('@');
    expect(first.getCell(4).value).toEqual(new Date(Date.UTC(1944, 2, 5)));
    expect(first.getCell(4).numFmt).toBe('yyyy-mm-dd');
    expect(first.getCell(5).value).toBe('13800000000');
    // 04:43 UTC is 12:43 in Shanghai.
    expect(first.getCell(6).value).toEqual(new Date(Date.UTC(2026, 11, 5, 12, 43, 10)));
    expect(first.getCell(7).value).toBe(0);
    expect(ws.getRow(3).getCell(8).value).toBe('\'=HYPERLINK("http://x","y")');
    expect(ws.getRow(ROWS + 1).getCell(2).value).toBe(`居民${ROWS}`);
    expect(ws.pageSetup).toMatchObject({ orientation: 'landscape', fitToWidth: 1 });
    expect(ws.headerFooter.oddHeader).toContain('振华南院社区 · 居民台账');
  }, 180_000);

  it('renders a PDF whose footer numbers each page and whose tables name their layout', async () => {
    const pdf = await renderPdfInWorker({
      content: [
        { text: '服务记录', pageBreak: 'after' },
        { table: { body: [['电话回访', '确认透析时间']] }, layout: 'ruled' },
      ],
      footer: {
        columns: [
          { text: '内部资料' },
          { text: '第 {{page}} 页，共 {{pages}} 页', alignment: 'right' },
        ],
      },
    });
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'linli-pdf-')), 'a.pdf');
    fs.writeFileSync(file, pdf);
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
    expect(text).toContain('第 1 页，共 2 页');
    expect(text).toContain('第 2 页，共 2 页');
    expect(text).toContain('确认透析时间');
  });
});
