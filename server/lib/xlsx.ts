import ExcelJS from 'exceljs';

/**
 * What makes a spreadsheet read typed text as a formula once the cell is edited or the sheet saved
 * as CSV (OWASP "CSV injection"): = + - @ first, or a tab or carriage return before them.
 */
const FORMULA_START = /^[=+\-@\t\r]/;
const NEUTRALISED = /^'[=+\-@\t\r]/;

/** Text as typed, with a leading ' when a spreadsheet would take it for a formula. */
export const neutraliseText = (text: string): string =>
  FORMULA_START.test(text) ? `'${text}` : text;

/** Undoes neutraliseText, so a sheet Linli wrote imports back as what was typed. */
export const restoreText = (text: string): string =>
  NEUTRALISED.test(text) ? text.slice(1) : text;

/**
 * A cell as Linli writes it: text neutralised; numbers, booleans and dates as they are; no formula
 * or link (a workbook copied from an upload keeps only what its cells show).
 */
function safeValue(v: ExcelJS.CellValue): ExcelJS.CellValue {
  if (typeof v === 'string') return neutraliseText(v);
  if (v === null || typeof v !== 'object' || v instanceof Date) return v;
  if ('richText' in v) {
    const text = v.richText.map((t) => t.text).join('');
    return FORMULA_START.test(text) ? { richText: [{ text: "'" }, ...v.richText] } : v;
  }
  if ('hyperlink' in v) return neutraliseText(String(v.text ?? ''));
  if ('formula' in v || 'sharedFormula' in v)
    return safeValue((v as ExcelJS.CellFormulaValue).result ?? null);
  return v;
}

/** The one way a workbook leaves Linli: every cell of every sheet made safe, then written. */
export async function writeWorkbook(wb: ExcelJS.Workbook): Promise<Buffer> {
  wb.eachSheet((ws) =>
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        const safe = safeValue(cell.value);
        if (safe !== cell.value) cell.value = safe;
      }),
    ),
  );
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/**
 * A cell as text the way a person reads it: dates as 1986-03-08, formulas as their result, and text
 * Linli's own export guarded against formulas ('=…) as it was typed.
 */
export function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return restoreText(v.trim());
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
