import fs from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import ExcelJS from 'exceljs';
import {
  IMPORT_IGNORED_HEADERS,
  IMPORT_MAX_ROWS,
  IMPORT_REASON_HEADER,
  IMPORT_ROW_HEADER,
  type ImportMessageKey,
} from '../../../common/imports';
import { ledgerColumns, type LedgerColumnKey } from '../../../common/ledger';
import { placeColumns, type PlaceColumnKey } from '../../../common/place-register';
import type { ImportKind } from '../../../common/schemas/imports';
import { writeWorkbook } from '../../lib/xlsx';
import type { FixedPlace } from '../people/ledger-check';
import { cleanText, parseRow, type LedgerRow, type ParsedRow } from '../people/ledger-parse';
import { parsePlaceRow, type ParsedPlace, type PlaceRowText } from '../places/register-parse';
import {
  commitLedgerChunks,
  planLedgerFiles,
  withWorkerDb,
  type LedgerCheckSummary,
  type LedgerJobContext,
} from './ledger-job';
import { fieldsOf, isHeaderRow, normaliseHeader } from './mapping';
import { mendExcelUtf8 } from './exceljs-utf8';
import { cellText } from '../../lib/xlsx';
import { readSheetRows, type SheetType } from './sheet-stream';

/**
 * The import's work that would hold up other users' requests: reading the file (an .xlsx is a zip of
 * XML) and checking each row; for a residents register also planning its households and writing
 * them chunk by chunk (ledger-job), on a database connection of the worker's own. Runs in a worker
 * thread; the main thread keeps the job's state.
 */

/** How many top rows may hold titles before the header. */
export const HEADER_SEARCH_ROWS = 30;
const BATCH = 2_000;

export type WorkerTask =
  | { task: 'header'; file: string; type: SheetType; kind: ImportKind }
  | {
      task: 'check';
      file: string;
      type: SheetType;
      headerRow: number;
      /** The field of each column (by index), or null. */
      fields: (string | null)[];
      /** Fields given once for the whole file. */
      fixed: string[];
      today: string;
      /** Where the checked rows are planned into households, on the worker's own connection. */
      plan: LedgerJobContext & {
        fixed: FixedPlace;
        planFile: string;
        problemsFile: string;
        shownProblems: number;
      };
    }
  | ({ task: 'commit'; jobId: string; planFile: string } & LedgerJobContext)
  | {
      /** A places register's rows: each row is one place, checked alone. */
      task: 'checkPlaces';
      file: string;
      type: SheetType;
      headerRow: number;
      fields: (string | null)[];
      fixed: string[];
    }
  | {
      task: 'problems';
      kind: ImportKind;
      file: string;
      type: SheetType;
      headerRow: number;
      headers: string[];
      fields: (string | null)[];
      /** Row number → why it was not imported. */
      reasons: [number, string][];
      out: string;
    };

export type WorkerMessage =
  | { type: 'header'; headerRow: number; headers: string[]; samples: string[][] }
  | { type: 'progress'; rowsChecked: number }
  | ({ type: 'checked'; totalRows: number } & LedgerCheckSummary)
  | { type: 'committed'; whole: boolean }
  | { type: 'places'; rows: ParsedPlace[]; rowsChecked: number }
  | { type: 'done'; totalRows: number }
  | { type: 'refused'; key: ImportMessageKey; params?: Record<string, string | number> };

const post = (m: WorkerMessage) => parentPort!.postMessage(m);

async function findHeader(t: Extract<WorkerTask, { task: 'header' }>) {
  const fields = fieldsOf[t.kind];
  let header: { row: number; cells: string[] } | undefined;
  const samples: string[][] = [];
  for await (const r of readSheetRows(t.file, t.type)) {
    const cells = r.values.map((v) => cleanText(cellText(v)));
    if (!header) {
      if (isHeaderRow(cells, fields)) header = { row: r.row, cells };
      else if (r.row >= HEADER_SEARCH_ROWS) break;
    } else if (cells.some(Boolean)) {
      samples.push(cells);
      if (samples.length === 3) break;
    }
  }
  if (!header)
    return post({
      type: 'refused',
      key: t.kind === 'places' ? 'noHeaderPlaces' : 'noHeader',
      params: { rows: HEADER_SEARCH_ROWS },
    });
  while (header.cells.length && !header.cells[header.cells.length - 1]) header.cells.pop();
  post({ type: 'header', headerRow: header.row, headers: header.cells, samples });
}

async function check(t: Extract<WorkerTask, { task: 'check' }>) {
  const fixed = new Set(t.fixed as LedgerColumnKey[]);
  const mapped = t.fields.flatMap((f, i) => (f ? [[i, f as LedgerColumnKey] as const] : []));
  const empty = Object.fromEntries(ledgerColumns.map((c) => [c.key, ''])) as LedgerRow['text'];
  const rows: ParsedRow[] = [];
  let total = 0;
  for await (const r of readSheetRows(t.file, t.type)) {
    if (r.row <= t.headerRow) continue;
    if (!r.values.some((v) => cellText(v) !== '')) continue;
    if (++total > IMPORT_MAX_ROWS)
      return post({ type: 'refused', key: 'tooManyRows', params: { max: IMPORT_MAX_ROWS } });
    const text = { ...empty };
    const numeric = new Set<LedgerColumnKey>();
    for (const [i, key] of mapped) {
      const v = r.values[i] ?? null;
      text[key] = cleanText(cellText(v));
      if (typeof v === 'number') numeric.add(key);
    }
    rows.push(parseRow({ row: r.row, text, numeric }, t.today, fixed));
    if (total % BATCH === 0) post({ type: 'progress', rowsChecked: total });
  }
  post({ type: 'progress', rowsChecked: total });
  const { plan } = t;
  const summary = await withWorkerDb(plan, (db) =>
    planLedgerFiles(db, {
      caller: plan.caller,
      rows,
      fixed: plan.fixed,
      planFile: plan.planFile,
      problemsFile: plan.problemsFile,
      shown: plan.shownProblems,
    }),
  );
  post({ type: 'checked', totalRows: total, ...summary });
}

async function commit(t: Extract<WorkerTask, { task: 'commit' }>) {
  const whole = await withWorkerDb(t, (db) => commitLedgerChunks(db, t));
  post({ type: 'committed', whole });
}

async function checkPlaces(t: Extract<WorkerTask, { task: 'checkPlaces' }>) {
  const fixed = new Set(t.fixed as PlaceColumnKey[]);
  const mapped = t.fields.flatMap((f, i) => (f ? [[i, f as PlaceColumnKey] as const] : []));
  const empty = Object.fromEntries(placeColumns.map((c) => [c.key, ''])) as PlaceRowText['text'];
  let batch: ParsedPlace[] = [];
  let total = 0;
  for await (const r of readSheetRows(t.file, t.type)) {
    if (r.row <= t.headerRow) continue;
    if (!r.values.some((v) => cellText(v) !== '')) continue;
    if (++total > IMPORT_MAX_ROWS)
      return post({ type: 'refused', key: 'tooManyRows', params: { max: IMPORT_MAX_ROWS } });
    const text = { ...empty };
    for (const [i, key] of mapped) text[key] = cleanText(cellText(r.values[i] ?? null));
    batch.push(parsePlaceRow({ row: r.row, text }, fixed));
    if (batch.length === BATCH) {
      post({ type: 'places', rows: batch, rowsChecked: total });
      batch = [];
    }
  }
  if (batch.length) post({ type: 'places', rows: batch, rowsChecked: total });
  post({ type: 'done', totalRows: total });
}

/** A cell's value to copy into another workbook: formulas become their result. */
const plainValue = (v: ExcelJS.CellValue): ExcelJS.CellValue =>
  v !== null &&
  typeof v === 'object' &&
  !(v instanceof Date) &&
  ('formula' in v || 'sharedFormula' in v)
    ? ((v as ExcelJS.CellFormulaValue).result ?? null)
    : v;

/**
 * The rows not imported, every original column as it was (dates as date cells, IDs and phones as
 * text), then 原行号 and 问题. A file's own 原行号 and 问题 columns (a problem file sent again) are
 * replaced, so the file maps as its original did.
 */
async function problems(t: Extract<WorkerTask, { task: 'problems' }>) {
  const reasons = new Map(t.reasons);
  const ignored = new Set<string>(IMPORT_IGNORED_HEADERS);
  const keep = t.headers.flatMap((h, i) => (ignored.has(normaliseHeader(h)) ? [] : [i]));
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(t.kind === 'places' ? '场所台账' : '居民台账', {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  const textFields = new Set<string>([
    'building',
    'unitNo',
    'room',
    'idNumber',
    'phone',
    'householdNo',
    'licenceNo',
  ]);
  ws.columns = [
    ...keep.map((i) => ({
      header: t.headers[i],
      width: Math.max(10, t.headers[i].length * 2 + 4, t.fields[i] === 'idNumber' ? 22 : 0),
      style: textFields.has(t.fields[i] ?? '') ? { numFmt: '@' } : {},
    })),
    { header: IMPORT_ROW_HEADER, width: 8 },
    { header: IMPORT_REASON_HEADER, width: 60 },
  ];
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).getCell(keep.length + 2).font = { bold: true, color: { argb: 'FFC0392B' } };
  for await (const r of readSheetRows(t.file, t.type)) {
    const reason = reasons.get(r.row);
    if (r.row <= t.headerRow || reason === undefined) continue;
    const values = keep.map((i) => {
      const v = plainValue(r.values[i] ?? null);
      // An ID or phone Excel kept as a number goes back as the digits it shows, in a text cell.
      return typeof v === 'number' && textFields.has(t.fields[i] ?? '') ? String(v) : v;
    });
    const row = ws.addRow([...values, r.row, reason]);
    keep.forEach((_, j) => {
      if (values[j] instanceof Date) row.getCell(j + 1).numFmt = 'yyyy-mm-dd';
    });
  }
  const part = `${t.out}.part`;
  await fs.promises.writeFile(part, await writeWorkbook(wb));
  await fs.promises.rename(part, t.out);
  post({ type: 'done', totalRows: reasons.size });
}

mendExcelUtf8();
const task = workerData as WorkerTask;
const run =
  task.task === 'header'
    ? findHeader(task)
    : task.task === 'check'
      ? check(task)
      : task.task === 'checkPlaces'
        ? checkPlaces(task)
        : task.task === 'commit'
          ? commit(task)
          : problems(task);
run.catch((err: unknown) => {
  // A file exceljs cannot open is not a workbook; anything else is the import's fault and is thrown.
  const reading = task.task !== 'problems' && task.task !== 'commit';
  if (reading && /zip|end of data|invalid|signature/i.test(String(err)))
    post({ type: 'refused', key: 'notSheet' });
  else throw err;
});
