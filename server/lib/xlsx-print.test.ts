import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../test/support/app';
import { dialects } from '../../test/support/db';
import { actionInWords, detailInWords } from '../../common/audit-words';
import { typedCell } from './xlsx-print';

describe('cells an office can file', () => {
  it('makes dates and Shanghai times date cells and leaves other text alone', () => {
    expect(typedCell('1944-03-05')).toEqual({
      value: new Date(Date.UTC(1944, 2, 5)),
      numFmt: 'yyyy-mm-dd',
    });
    // 04:43 UTC is 12:43 in Shanghai, the time the sheet shows.
    expect(typedCell('2026-12-05T04:43:10.000Z')).toEqual({
      value: new Date(Date.UTC(2026, 11, 5, 12, 43, 10)),
      numFmt: 'yyyy-mm-dd hh:mm',
    });
    expect(typedCell('2026-12-05 12:43').value).toEqual(new Date(Date.UTC(2026, 11, 5, 12, 43)));
    for (const text of ['140213194403051221', '138-1007-5007', '3号楼', '2026年'])
      expect(typedCell(text)).toEqual({ value: text });
  });

  it('says what an audit entry did in words', () => {
    expect(actionInWords('household.create', 'zh-CN')).toBe('新建户');
    expect(actionInWords('resident.export', 'zh-CN')).toBe('导出居民');
    expect(actionInWords('household.create', 'en-US')).toBe('household created');
    expect(actionInWords('something.new', 'zh-CN')).toBe('something.new');
    expect(detailInWords('{"rows":636,"total":636}', 'zh-CN')).toBe('行数 636；共 636');
    expect(detailInWords('{"q":null,"status":"active","rows":3,"total":3}', 'zh-CN')).toBe(
      '状态 active；行数 3；共 3',
    );
    expect(detailInWords('电话回访', 'zh-CN')).toBe('电话回访');
  });
});

const load = async (payload: Buffer) => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(payload as unknown as ArrayBuffer);
  return wb.worksheets[0];
};

describe.each(dialects)('exports ready to file and print on %s', (dialect) => {
  let t: TestApp;
  let admin: Session;
  let street: Session;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    admin = await t.login('admin');
    street = await t.login('street.zhenhua');
  }, 120_000);

  afterAll(async () => {
    await t?.close();
  });

  it('writes the residents register with date cells, text IDs and an A4 landscape page a column wide', async () => {
    const res = await street.inject({ method: 'GET', url: '/api/residents/export.xlsx' });
    expect(res.statusCode).toBe(200);
    const ws = await load(res.rawPayload);
    const headers = (ws.getRow(1).values as (string | undefined)[]).map((v) => v ?? '');
    const birth = headers.indexOf('出生日期');
    const id = headers.indexOf('身份证号');
    expect(birth).toBeGreaterThan(0);
    expect(id).toBeGreaterThan(0);
    let dates = 0;
    ws.eachRow((row, r) => {
      if (r === 1) return;
      const cell = row.getCell(birth);
      if (cell.value === null || cell.value === '') return;
      expect(cell.value).toBeInstanceOf(Date);
      expect(cell.numFmt).toBe('yyyy-mm-dd');
      expect(typeof row.getCell(id).value).toBe('string');
      dates++;
    });
    expect(dates).toBeGreaterThan(0);

    expect(ws.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: '1:1',
    });
    expect(ws.headerFooter.oddHeader).toContain('居民台账');
    expect(ws.headerFooter.oddHeader).toMatch(/导出日期 \d{4}-\d{2}-\d{2}/);
  });

  it('writes the audit log in words, its times as date cells', async () => {
    const res = await admin.inject({ method: 'GET', url: '/api/audit/export.xlsx' });
    expect(res.statusCode).toBe(200);
    const ws = await load(res.rawPayload);
    const headers = (ws.getRow(1).values as (string | undefined)[]).map((v) => v ?? '');
    const action = headers.indexOf('操作');
    const detail = headers.indexOf('说明');
    const actions: string[] = [];
    const details: string[] = [];
    ws.eachRow((row, r) => {
      if (r === 1) return;
      expect(row.getCell(1).value).toBeInstanceOf(Date);
      actions.push(row.getCell(action).text);
      details.push(row.getCell(detail).text);
    });
    // The residents export just above is in the log, in words.
    expect(actions).toContain('导出居民');
    expect(actions.filter((a) => /^[a-zA-Z]+\.[a-zA-Z]+$/.test(a))).toEqual([]);
    expect(details.filter((d) => d.startsWith('{'))).toEqual([]);
    expect(details.some((d) => /行数 \d+；共 \d+/.test(d))).toBe(true);
    expect(ws.pageSetup).toMatchObject({ orientation: 'landscape', fitToWidth: 1 });
  });
});
