import fs from 'node:fs';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';

/**
 * The rows of an uploaded register, read as a stream: an .xlsx through exceljs's streaming reader
 * (the workbook is never held whole), a .csv in UTF-8 or GB18030 (what Excel on a Chinese Windows
 * saves). Each row comes as its cells in column order, 0-based, empty rows included as empty arrays.
 */
export type SheetType = 'xlsx' | 'csv';
export interface SheetRow {
  /** The row number Excel shows. */
  row: number;
  values: ExcelJS.CellValue[];
}

/** What the first bytes say the file is; .xls (the old binary format) is told apart to say what to do. */
export function sniffType(head: Buffer): SheetType | 'xls' | 'other' {
  if (head.length >= 4 && head.readUInt32BE(0) === 0x504b0304) return 'xlsx';
  if (head.length >= 8 && head.readUInt32BE(0) === 0xd0cf11e0) return 'xls';
  // A text file: no NUL byte in its first kilobyte.
  return head.length > 0 && !head.subarray(0, 1024).includes(0) ? 'csv' : 'other';
}

export async function* readSheetRows(file: string, type: SheetType): AsyncGenerator<SheetRow> {
  if (type === 'csv') yield* readCsv(file);
  else yield* readXlsx(file);
}

async function* readXlsx(file: string): AsyncGenerator<SheetRow> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    // Styles say which number cells are dates.
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  for await (const ws of reader) {
    for await (const row of ws as AsyncIterable<ExcelJS.Row>) {
      const sparse = row.values as ExcelJS.CellValue[];
      const values: ExcelJS.CellValue[] = [];
      for (let i = 1; i < sparse.length; i++) values.push(sparse[i] ?? null);
      yield { row: row.number, values };
    }
    // The register is the first sheet; others (instructions, lists) are not read.
    return;
  }
}

/** UTF-8 when the bytes are valid UTF-8, else GB18030 (which includes GBK and GB2312). */
function decode(bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true })
      .decode(bytes, { stream: false })
      .replace(/^\uFEFF/, '');
  } catch {
    return iconv.decode(bytes, 'gb18030');
  }
}

async function* readCsv(file: string): AsyncGenerator<SheetRow> {
  const text = decode(await fs.promises.readFile(file));
  let row = 1;
  let values: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"' && cell === '') quoted = true;
    else if (c === ',') {
      values.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      values.push(cell);
      yield { row: row++, values: values.every((v) => v === '') ? [] : values };
      values = [];
      cell = '';
    } else cell += c;
  }
  if (cell !== '' || values.length) {
    values.push(cell);
    yield { row, values };
  }
}
