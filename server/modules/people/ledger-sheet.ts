import ExcelJS from 'exceljs';
import { interpolate, type Locale } from '../../../common/i18n';
import {
  LEDGER_REASON_HEADER,
  ledgerColumns,
  ledgerFileMessages,
  type LedgerColumnKey,
} from '../../../common/ledger';
import {
  careTagLabels,
  disabilityCategoryLabels,
  economicStatusLabels,
  genderLabels,
  housingLabels,
  incomeSourceLabels,
  registrationStatusLabels,
  relationLabels,
  selfCareLabels,
} from '../../../common/people-labels';
import { AppError } from '../../lib/errors';

export { XLSX_TYPE } from '../../http';
/** A street's register is a few thousand rows; beyond this a file is split rather than held in one transaction. */
export const LEDGER_MAX_ROWS = 20_000;
export const LEDGER_MAX_BYTES = 10 * 1024 * 1024;
const SHEET_NAME = '居民台账';
/** Columns whose cells must stay text: Excel turns long digit strings into numbers and drops digits. */
const TEXT_COLUMNS = new Set<LedgerColumnKey>([
  'building',
  'unitNo',
  'room',
  'birthDate',
  'idNumber',
  'phone',
]);

/** The choices of each column that takes codes, as the register writes them. */
export const ledgerChoices: Partial<Record<LedgerColumnKey, Record<string, string>>> = {
  relation: relationLabels,
  gender: genderLabels,
  registrationStatus: registrationStatusLabels,
  careTags: careTagLabels,
  selfCare: selfCareLabels,
  disabilityCategory: disabilityCategoryLabels,
  disabilityGrade: { 1: '1级', 2: '2级', 3: '3级', 4: '4级' },
  housing: housingLabels,
  incomeSources: incomeSourceLabels,
  economicStatus: economicStatusLabels,
};
const MULTI_CHOICE = new Set<LedgerColumnKey>(['careTags', 'incomeSources']);

export interface LedgerRow {
  /** The row number Excel shows. */
  row: number;
  /** Each known column's cell as trimmed text ('' when empty). */
  text: Record<LedgerColumnKey, string>;
  /** Columns whose cell held a number rather than text. */
  numeric: Set<LedgerColumnKey>;
  /** The row's cells as they were, in the file's column order. */
  raw: ExcelJS.CellValue[];
}

export interface LedgerSheet {
  /** The file's own header texts, in its column order. */
  headers: string[];
  /** The header the file uses for each known column. */
  headerOf: Partial<Record<LedgerColumnKey, string>>;
  rows: LedgerRow[];
}

const refuse = (locale: Locale, key: keyof (typeof ledgerFileMessages)['zh-CN'], params = {}) =>
  new AppError(
    400,
    'VALIDATION_FAILED',
    { field: 'file', detail: ` — ${interpolate(ledgerFileMessages[locale][key], params)}` },
    { field: 'file' },
  );

/** A cell as text the way a person reads it: dates as 1986-03-08, formulas as their result. */
export function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number') return String(v);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : v.toISOString().slice(0, 10);
  if ('richText' in v)
    return v.richText
      .map((t) => t.text)
      .join('')
      .trim();
  if ('hyperlink' in v) return String(v.text ?? '').trim();
  if ('result' in v || 'formula' in v || 'sharedFormula' in v)
    return cellText((v as ExcelJS.CellFormulaValue).result ?? null);
  return '';
}

/** A cell's value to copy into another workbook: formulas become their result. */
const plainValue = (v: ExcelJS.CellValue): ExcelJS.CellValue =>
  v !== null &&
  typeof v === 'object' &&
  !(v instanceof Date) &&
  ('formula' in v || 'sharedFormula' in v)
    ? ((v as ExcelJS.CellFormulaValue).result ?? null)
    : v;

const normaliseHeader = (h: string) =>
  h
    .replace(/[\s*＊]/g, '')
    .replace(/[（(][^）)]*[）)]$/, '')
    .trim();

function columnFor(header: string): LedgerColumnKey | undefined {
  const h = normaliseHeader(header);
  if (!h) return undefined;
  return ledgerColumns.find(
    (c) => c.header === h || ('aliases' in c && (c.aliases as readonly string[]).includes(h)),
  )?.key;
}

/** Reads the register sheet of an uploaded workbook: its header and every row with anything in it. */
export async function readLedger(file: Buffer, locale: Locale): Promise<LedgerSheet> {
  const wb = new ExcelJS.Workbook();
  try {
    // exceljs declares an ArrayBuffer; JSZip underneath reads a Node Buffer as well.
    await wb.xlsx.load(file as unknown as ArrayBuffer);
  } catch {
    throw refuse(locale, 'notXlsx');
  }
  const sheets = wb.worksheets.filter((w) => w.state !== 'hidden' && w.state !== 'veryHidden');
  const ws = sheets.find((w) => w.name === SHEET_NAME) ?? sheets[0];
  if (!ws) throw refuse(locale, 'noHeader');
  // The header is the first row that names the resident's name and two more known columns.
  let headerRow = 0;
  let columns = new Map<number, LedgerColumnKey>();
  for (let r = 1; r <= Math.min(10, ws.rowCount) && !headerRow; r++) {
    const found = new Map<number, LedgerColumnKey>();
    ws.getRow(r).eachCell((cell, col) => {
      const key = columnFor(cellText(cell.value));
      if (key && ![...found.values()].includes(key)) found.set(col, key);
    });
    if (found.size >= 3 && [...found.values()].includes('name')) {
      headerRow = r;
      columns = found;
    }
  }
  if (!headerRow) throw refuse(locale, 'noHeader');
  const header = ws.getRow(headerRow);
  const width = Math.max(header.cellCount, ...columns.keys());
  const headers = Array.from({ length: width }, (_, i) => cellText(header.getCell(i + 1).value));
  const missing = ledgerColumns.filter(
    (c) => 'required' in c && c.required && ![...columns.values()].includes(c.key),
  );
  if (missing.length)
    throw refuse(locale, 'missingColumns', { columns: missing.map((c) => c.header).join('、') });
  const headerOf: LedgerSheet['headerOf'] = {};
  for (const [col, key] of columns) headerOf[key] = headers[col - 1];

  const rows: LedgerRow[] = [];
  for (let r = headerRow + 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const raw = Array.from({ length: width }, (_, i) => plainValue(row.getCell(i + 1).value));
    if (raw.every((v) => cellText(v) === '')) continue;
    if (rows.length >= LEDGER_MAX_ROWS)
      throw refuse(locale, 'tooManyRows', { max: LEDGER_MAX_ROWS });
    const text = Object.fromEntries(ledgerColumns.map((c) => [c.key, ''])) as LedgerRow['text'];
    const numeric = new Set<LedgerColumnKey>();
    for (const [col, key] of columns) {
      const v = raw[col - 1];
      text[key] = cellText(v);
      if (typeof v === 'number') numeric.add(key);
    }
    rows.push({ row: r, text, numeric, raw });
  }
  return { headers, headerOf, rows };
}

const headerStyle = (row: ExcelJS.Row) => {
  row.font = { bold: true };
  row.alignment = { vertical: 'middle' };
};

/** The empty register to fill in: the columns, notes on each header, choice lists, and a sheet of instructions. */
export async function ledgerTemplate(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(SHEET_NAME, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = ledgerColumns.map((c) => ({
    header: c.header,
    key: c.key,
    width: Math.max(10, c.header.length * 2 + 4, c.key === 'idNumber' ? 22 : 0),
    style: TEXT_COLUMNS.has(c.key) ? { numFmt: '@' } : {},
  }));
  headerStyle(ws.getRow(1));
  ledgerColumns.forEach((c, i) => {
    const cell = ws.getRow(1).getCell(i + 1);
    if ('required' in c && c.required)
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFDE2E1' } };
    if ('hint' in c) cell.note = c.hint;
    const choices = ledgerChoices[c.key];
    if (!choices || MULTI_CHOICE.has(c.key)) return;
    // A drop-down to pick from; other words (本人, 儿子 …) are still accepted on import.
    const list = `"${Object.values(choices).join(',')}"`;
    for (let r = 2; r <= 1001; r++)
      ws.getCell(r, i + 1).dataValidation = {
        type: 'list',
        allowBlank: true,
        formulae: [list],
        showErrorMessage: false,
      };
  });

  const help = wb.addWorksheet('填写说明');
  help.columns = [
    { header: '列名', key: 'header', width: 14 },
    { header: '必填', key: 'required', width: 6 },
    { header: '说明', key: 'hint', width: 40 },
    { header: '可选值', key: 'choices', width: 80 },
  ];
  headerStyle(help.getRow(1));
  for (const c of ledgerColumns) {
    const choices = ledgerChoices[c.key];
    help.addRow({
      header: c.header,
      required: 'required' in c && c.required ? '是' : '',
      hint: 'hint' in c ? c.hint : '',
      choices: choices ? Object.values(choices).join('、') : '',
    });
  }
  help.addRow({});
  for (const line of [
    '每行一位居民。社区、网格、楼栋、单元、门牌/室都相同的行为同一户，其中须恰有一行的与户主关系为“户主”。',
    '住房、收入来源、经济状况、家庭备注是户的信息，只读户主那一行。',
    '导入分两步：先预览，列出每一行的问题，不写入任何数据；确认后只导入没有问题的户，有问题的行可下载修改后再导入。',
    '一户中任何一行有问题，整户暂不导入，以免户的成员不全。',
  ])
    help.addRow({ header: line });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The rows that were not imported, as they were, with a column saying why; fixed, the file imports again. */
export async function problemsWorkbook(
  sheet: LedgerSheet,
  reasons: Map<number, string>,
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(SHEET_NAME, { views: [{ state: 'frozen', ySplit: 1 }] });
  const textCols = new Set(
    Object.entries(sheet.headerOf)
      .filter(([key]) => TEXT_COLUMNS.has(key as LedgerColumnKey))
      .map(([, header]) => header),
  );
  ws.columns = [...sheet.headers, LEDGER_REASON_HEADER].map((h, i) => ({
    header: h,
    key: `c${i}`,
    width: i === sheet.headers.length ? 60 : Math.max(10, h.length * 2 + 4),
    style: textCols.has(h) ? { numFmt: '@' } : {},
  }));
  headerStyle(ws.getRow(1));
  ws.getRow(1).getCell(sheet.headers.length + 1).font = { bold: true, color: { argb: 'FFC0392B' } };
  for (const r of sheet.rows) {
    const reason = reasons.get(r.row);
    if (reason) ws.addRow([...r.raw, reason]);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A plain sheet of the given columns and rows, header bold and frozen. */
export async function tableWorkbook(
  name: string,
  columns: { header: string; key: string; width: number }[],
  rows: Record<string, string | number | null>[],
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columns;
  headerStyle(ws.getRow(1));
  ws.addRows(rows);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
