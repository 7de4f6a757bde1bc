import type ExcelJS from 'exceljs';
import { todayInShanghai } from './time';

/**
 * What makes an exported register one an office can file and print: dates and times as real date
 * cells (the street's wall time, Asia/Shanghai), ID numbers and phones as text, and a print layout
 * of A4 landscape, every column fitted to the page width, the header row repeated on each page and
 * the unit and date at the top of every page.
 */

const SHANGHAI_OFFSET_MS = 8 * 3600_000;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const WALL_TIME = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;
/** Headers and keys of columns whose digits must never become a number (leading zeros, 18 digits). */
const TEXT_KEY = /idNumber|phone|mobile|tel|code|证件|身份证|电话|手机|编号|号码/i;

export const DATE_FORMAT = 'yyyy-mm-dd';
export const TIME_FORMAT = 'yyyy-mm-dd hh:mm';

/**
 * A date cell showing the given Shanghai wall time. Excel keeps no time zone: exceljs writes a Date
 * by its UTC fields, so the wall time goes into them.
 */
const wallTime = (y: number, mo: number, d: number, h = 0, mi = 0, s = 0) =>
  new Date(Date.UTC(y, mo - 1, d, h, mi, s));

/** A value as a typed cell: 'YYYY-MM-DD' a date, a Shanghai 'YYYY-MM-DD HH:mm' or an instant a date-time. */
export function typedCell(value: unknown): { value: ExcelJS.CellValue; numFmt?: string } {
  if (value instanceof Date) {
    const shanghai = new Date(value.getTime() + SHANGHAI_OFFSET_MS);
    return { value: shanghai, numFmt: TIME_FORMAT };
  }
  if (typeof value !== 'string') return { value: (value ?? null) as ExcelJS.CellValue };
  if (DATE.test(value)) {
    const [y, m, d] = value.split('-').map(Number);
    const date = wallTime(y, m, d);
    return Number.isNaN(date.getTime()) ? { value } : { value: date, numFmt: DATE_FORMAT };
  }
  if (INSTANT.test(value)) {
    const at = new Date(value);
    if (Number.isNaN(at.getTime())) return { value };
    return { value: new Date(at.getTime() + SHANGHAI_OFFSET_MS), numFmt: TIME_FORMAT };
  }
  const wall = WALL_TIME.exec(value);
  if (wall) {
    const [, y, mo, d, h, mi, s] = wall.map(Number);
    return { value: wallTime(y, mo, d, h, mi, Number.isNaN(s) ? 0 : s), numFmt: TIME_FORMAT };
  }
  return { value };
}

/**
 * Turns the data rows' date and time texts into date cells; columns of IDs and phones, and columns
 * styled as text, stay text.
 */
export function typeCells(ws: ExcelJS.Worksheet, headerRow: number): void {
  const header = ws.getRow(headerRow);
  const textColumns = new Set<number>();
  header.eachCell((cell, col) => {
    const column = ws.getColumn(col);
    const key = column.key ?? '';
    if (column.style.numFmt === '@' || TEXT_KEY.test(key) || TEXT_KEY.test(cell.text))
      textColumns.add(col);
  });
  ws.eachRow((row, r) => {
    if (r <= headerRow) return;
    row.eachCell((cell, col) => {
      if (textColumns.has(col)) {
        if (typeof cell.value === 'number') cell.value = String(cell.value);
        cell.numFmt = '@';
        return;
      }
      const typed = typedCell(cell.value);
      if (typed.numFmt) {
        cell.value = typed.value;
        cell.numFmt = typed.numFmt;
      }
    });
  });
}

export interface PrintOptions {
  /** what the sheet is, e.g. 居民台账 */
  title: string;
  /** the unit the register belongs to, when known (e.g. 振华街道) */
  unit?: string;
  /** the row of column headers, repeated at the top of every printed page */
  headerRow?: number;
  locale?: 'zh-CN' | 'en-US';
}

/** Escapes & for Excel's header codes (&P, &D …). */
const headerText = (text: string) => text.replace(/&/g, '&&');

/**
 * A4 landscape, all columns on one page's width (as many pages long as it takes), the header row
 * repeated, and the unit, title and date printed at the top of every page with the page number below.
 */
export function setPrintLayout(ws: ExcelJS.Worksheet, opts: PrintOptions): void {
  const headerRow = opts.headerRow ?? 1;
  const en = opts.locale === 'en-US';
  ws.pageSetup = {
    ...ws.pageSetup,
    paperSize: 9, // A4
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    printTitlesRow: `${headerRow}:${headerRow}`,
    margins: { left: 0.4, right: 0.4, top: 0.75, bottom: 0.6, header: 0.3, footer: 0.3 },
  };
  const title = [opts.unit, opts.title].filter(Boolean).join(' · ');
  const date = `${en ? 'Exported' : '导出日期'} ${todayInShanghai()}`;
  ws.headerFooter = {
    ...ws.headerFooter,
    oddHeader: `&C&"-,Bold"&14${headerText(title)}&R&10${headerText(date)}`,
    oddFooter: en ? '&CPage &P of &N' : '&C第 &P 页，共 &N 页',
  };
}

/** Both at once, for a sheet whose header is its first row. */
export function makePrintable(ws: ExcelJS.Worksheet, opts: PrintOptions): void {
  typeCells(ws, opts.headerRow ?? 1);
  setPrintLayout(ws, opts);
}
