import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { cellText, writeWorkbook } from './xlsx';

/** Every cell of the first sheet as exceljs reads it back, row by row. */
async function readCells(file: Buffer): Promise<ExcelJS.CellValue[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(file as unknown as ArrayBuffer);
  const rows: ExcelJS.CellValue[][] = [];
  wb.worksheets[0].eachRow((row) => {
    const cells: ExcelJS.CellValue[] = [];
    row.eachCell({ includeEmpty: true }, (cell) => cells.push(cell.value));
    rows.push(cells);
  });
  return rows;
}

const isFormula = (v: ExcelJS.CellValue) =>
  typeof v === 'object' && v !== null && ('formula' in v || 'sharedFormula' in v);

describe('workbooks Linli writes', () => {
  it('keep typed formulas as readable text and numbers, dates and plain text as they are', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('s');
    const day = new Date('2026-03-01T00:00:00Z');
    ws.addRow([
      '=HYPERLINK("http://x","y")',
      "=cmd|' /C calc'!A0",
      '+86 138',
      '-',
      '@SUM(1)',
      '\t=1+1',
      -12.5,
      day,
      '王鹏 - 3号楼',
      '',
    ]);
    ws.addRow([
      { formula: '1+1', result: 2 },
      { text: '=link', hyperlink: 'file:///etc/passwd' },
    ]);
    ws.addRow([{ richText: [{ text: '=A' }, { text: '1', font: { bold: true } }] }]);
    const [first, second, third] = await readCells(await writeWorkbook(wb));
    expect(first).toEqual([
      '\'=HYPERLINK("http://x","y")',
      "'=cmd|' /C calc'!A0",
      "'+86 138",
      "'-",
      "'@SUM(1)",
      "'\t=1+1",
      -12.5,
      day,
      '王鹏 - 3号楼',
      '',
    ]);
    expect(second).toEqual([2, "'=link"]);
    expect(cellText(third[0])).toBe("'=A1");
    for (const v of [...first, ...second, ...third]) expect(isFormula(v)).toBe(false);
  });

  it('read back as what was typed when imported again', () => {
    expect(cellText('\'=HYPERLINK("http://x","y")')).toBe('=HYPERLINK("http://x","y")');
    expect(cellText("'-")).toBe('-');
    expect(cellText("'plain")).toBe("'plain");
  });
});
