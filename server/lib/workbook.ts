import ExcelJS from 'exceljs';
import { writeWorkbook } from './xlsx';
import { makePrintable, type PrintOptions } from './xlsx-print';

/**
 * A workbook as plain data, so the main thread can hand it to a worker (lib/render-pool.ts) and
 * keep serving requests while exceljs builds it: sheets, columns and rows of plain values.
 */
export interface WorkbookDescription {
  sheets: SheetDescription[];
}

/** What a cell may hold: Dates and texts of dates and times become date cells on a printable sheet. */
export type SheetValue = string | number | boolean | Date | null | undefined;

export interface SheetColumn {
  header: string;
  key: string;
  width: number;
  /**
   * 'text': every cell of the column is a text cell, empty ones too, so digits typed into it keep
   * their leading zeros. On a printable sheet, columns of IDs and phones are text anyway
   * (xlsx-print.ts's TEXT_KEY).
   */
  type?: 'text';
  /** long text wraps within the column's width, top-aligned */
  wrap?: boolean;
  /** a comment on the header cell: what to fill in */
  note?: string;
  /** the header cell shaded: a template column that must be filled */
  required?: boolean;
  /** a drop-down of these words on the template's first thousand rows (other words still accepted) */
  choices?: string[];
}

export interface SheetDescription {
  name: string;
  columns: SheetColumn[];
  rows: Record<string, SheetValue>[];
  /** the header row stays in view while the rows scroll */
  frozenHeader?: boolean;
  /** dates as date cells, IDs as text, and an A4 print layout (xlsx-print.ts); none for templates */
  print?: PrintOptions;
}

/** Template rows a drop-down covers: more than a community's register needs, few enough to stay small. */
const CHOICE_ROWS = 1000;
const REQUIRED_FILL = 'FFFDE2E1';

function addSheet(wb: ExcelJS.Workbook, s: SheetDescription): void {
  const ws = wb.addWorksheet(
    s.name,
    s.frozenHeader ? { views: [{ state: 'frozen', ySplit: 1 }] } : {},
  );
  ws.columns = s.columns.map((c) => ({
    header: c.header,
    key: c.key,
    width: c.width,
    style: {
      ...(c.type === 'text' ? { numFmt: '@' } : {}),
      ...(c.wrap ? { alignment: { wrapText: true, vertical: 'top' as const } } : {}),
    },
  }));
  ws.addRows(s.rows);
  const header = ws.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle' };
  s.columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    if (c.required)
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: REQUIRED_FILL } };
    if (c.note) cell.note = c.note;
    if (!c.choices) return;
    const list = `"${c.choices.join(',')}"`;
    for (let r = 2; r <= CHOICE_ROWS + 1; r++)
      ws.getCell(r, i + 1).dataValidation = {
        type: 'list',
        allowBlank: true,
        formulae: [list],
        showErrorMessage: false,
      };
  });
  if (s.print) makePrintable(ws, s.print);
}

/** Builds the described workbook in this thread; the server calls it through the render pool. */
export async function renderWorkbook(desc: WorkbookDescription): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const s of desc.sheets) addSheet(wb, s);
  return writeWorkbook(wb);
}
