import ExcelJS from 'exceljs';
import { interpolate, resources, type Locale } from '../../../common/i18n';
import { zhCN } from '../../../common/i18n/zh-CN';
import type { OrgTreeNode } from '../../../common/schemas/org';
import {
  placeCategories,
  zPlaceFields,
  type PlaceCreate,
  type PlaceImportReport,
  type PlaceQuery,
} from '../../../common/schemas/places';
import { LEDGER_REASON_HEADER } from '../../../common/ledger';
import type { Db } from '../../db';
import { AppError, forbidden } from '../../lib/errors';
import { newId } from '../../lib/ids';
import { writeWorkbook } from '../../lib/xlsx';
import { actorOf, recordAudit } from '../audit/service';
import { hasRole, type Caller } from '../auth/caller';
import { describeGrids, getOrgTree } from '../org/service';
import { cellText, LEDGER_MAX_ROWS, tableWorkbook } from '../people/ledger-sheet';
import * as repo from './repo';
import { canWriteArea, PLACE_WRITERS } from './scope';
import { insertPlaceWith, placesForExport, type Ctx } from './service';

/**
 * The places register (场所台账) in and out of Excel, the way the residents register does it: an
 * import is stateless — the preview reads the file and reports each row's problems, writing nothing;
 * the commit is sent the same file, checks it again inside its one transaction and registers the
 * clean rows. Columns are found by their header, so their order may change.
 */
const f = zhCN.places.fields;
const COLUMNS = [
  { key: 'name', header: f.name, required: true, aliases: ['场所名称', '单位名称', '店名'] },
  { key: 'category', header: f.category, required: true, aliases: ['场所类别', '类型'] },
  { key: 'community', header: f.community, required: true, aliases: [] },
  { key: 'grid', header: f.grid, required: true, aliases: [] },
  { key: 'address', header: f.address, required: true, aliases: ['详细地址', '经营地址'] },
  {
    key: 'licenceNo',
    header: f.licenceNo,
    required: false,
    aliases: ['统一社会信用代码', '执照号', '营业执照'],
  },
  { key: 'personInCharge', header: f.personInCharge, required: false, aliases: ['经营者'] },
  { key: 'phone', header: f.phone, required: false, aliases: ['电话', '手机', '手机号'] },
  { key: 'lat', header: f.lat, required: false, aliases: [] },
  { key: 'lng', header: f.lng, required: false, aliases: [] },
] as const;
type Key = (typeof COLUMNS)[number]['key'];
const SHEET_NAME = '场所台账';
export const PLACE_EXPORT_LIMIT = 50_000;

interface Row {
  row: number;
  text: Record<Key, string>;
}
type ProblemCode = keyof (typeof zhCN)['places']['importProblems'];
interface Problem {
  row: number;
  column: Key | null;
  code: ProblemCode;
  params?: Record<string, string | number>;
}

const refuse = (locale: Locale, key: keyof (typeof zhCN)['places']['importFile'], params = {}) =>
  new AppError(
    400,
    'VALIDATION_FAILED',
    {
      field: 'file',
      detail: ` — ${interpolate(resources[locale].places.importFile[key], params)}`,
    },
    { field: 'file' },
  );

const squeeze = (s: string) => s.replace(/\s/g, '');
const headerKey = (h: string): Key | undefined => {
  const n = squeeze(h)
    .replace(/[*＊]/g, '')
    .replace(/[（(][^）)]*[）)]$/, '');
  return COLUMNS.find((c) => c.header === n || (c.aliases as readonly string[]).includes(n))?.key;
};

async function readSheet(file: Buffer, locale: Locale): Promise<Row[]> {
  const wb = new ExcelJS.Workbook();
  try {
    // exceljs declares an ArrayBuffer; JSZip underneath reads a Node Buffer as well.
    await wb.xlsx.load(file as unknown as ArrayBuffer);
  } catch {
    throw refuse(locale, 'notXlsx');
  }
  const ws = wb.worksheets.find((w) => w.name === SHEET_NAME) ?? wb.worksheets[0];
  if (!ws) throw refuse(locale, 'noHeader');
  let headerRow = 0;
  let columns = new Map<number, Key>();
  for (let r = 1; r <= Math.min(10, ws.rowCount) && !headerRow; r++) {
    const found = new Map<number, Key>();
    ws.getRow(r).eachCell((cell, col) => {
      const key = headerKey(cellText(cell.value));
      if (key && ![...found.values()].includes(key)) found.set(col, key);
    });
    if (found.size >= 3 && [...found.values()].includes('name')) {
      headerRow = r;
      columns = found;
    }
  }
  if (!headerRow) throw refuse(locale, 'noHeader');
  const missing = COLUMNS.filter((c) => c.required && ![...columns.values()].includes(c.key));
  if (missing.length)
    throw refuse(locale, 'missingColumns', { columns: missing.map((c) => c.header).join('、') });
  const rows: Row[] = [];
  for (let r = headerRow + 1; r <= ws.rowCount; r++) {
    const text = Object.fromEntries(COLUMNS.map((c) => [c.key, ''])) as Row['text'];
    for (const [col, key] of columns) text[key] = cellText(ws.getRow(r).getCell(col).value);
    if (Object.values(text).every((v) => v === '')) continue;
    if (rows.length >= LEDGER_MAX_ROWS)
      throw refuse(locale, 'tooManyRows', { max: LEDGER_MAX_ROWS });
    rows.push({ row: r, text });
  }
  return rows;
}

/** Communities by name, each with the grids by name where the caller may register places. */
async function writableGrids(db: Db, caller: Caller) {
  const tree = await getOrgTree({ db, caller, includeRetired: false });
  const byName = new Map<string, { grids: Map<string, string> }[]>();
  const walk = (nodes: OrgTreeNode[], streetId: string | null) => {
    for (const n of nodes) {
      const street = n.kind === 'street' ? n.id : streetId;
      if (n.kind === 'community' && street) {
        const grids = new Map<string, string>();
        for (const g of n.children) {
          const at = { street_id: street, community_id: n.id, grid_id: g.id, org_path: g.path };
          if (g.kind === 'grid' && canWriteArea(caller, at)) grids.set(squeeze(g.name), g.id);
        }
        if (grids.size)
          byName.set(squeeze(n.name), [...(byName.get(squeeze(n.name)) ?? []), { grids }]);
      } else walk(n.children, street);
    }
  };
  walk(tree, null);
  return byName;
}

/** The words a register uses for a category: its label, its code, and the everyday names. */
const CATEGORY_WORDS: Record<string, readonly string[]> = {
  shop: ['商铺', '便利店', '门店', '超市', '商店'],
  convenienceMarket: ['菜市场', '农贸市场'],
  restaurant: ['饭店', '餐馆', '餐厅', '小吃店'],
  pharmacy: ['药房'],
  enterprise: ['公司', '工厂'],
  publicUnit: ['机关', '事业单位'],
};
const categoryByLabel = new Map<string, string>([
  ...placeCategories.map((c) => [c, c] as [string, string]),
  ...Object.entries(zhCN.places.categories).map(
    ([code, label]) => [label, code] as [string, string],
  ),
  ...Object.entries(CATEGORY_WORDS).flatMap(([code, words]) =>
    words.map((w) => [w, code] as [string, string]),
  ),
]);

async function checkRows(db: Db, caller: Caller, rows: Row[]) {
  const problems: Problem[] = [];
  const fail = (row: number, column: Key | null, code: ProblemCode, params?: Problem['params']) =>
    problems.push({ row, column, code, params });
  const grids = await writableGrids(db, caller);
  const parsed = new Map<number, PlaceCreate>();
  for (const { row, text } of rows) {
    const before = problems.length;
    for (const c of COLUMNS) if (c.required && !text[c.key]) fail(row, c.key, 'REQUIRED');
    const category = categoryByLabel.get(squeeze(text.category));
    if (text.category && !category)
      fail(row, 'category', 'UNKNOWN_LABEL', {
        value: text.category,
        options: Object.values(zhCN.places.categories).join('、'),
      });
    let gridId: string | undefined;
    if (text.community && text.grid) {
      const found = grids.get(squeeze(text.community)) ?? [];
      if (found.length === 0)
        fail(row, 'community', 'UNKNOWN_COMMUNITY', { value: text.community });
      else if (found.length > 1)
        fail(row, 'community', 'AMBIGUOUS_COMMUNITY', { value: text.community });
      else {
        gridId = found[0].grids.get(squeeze(text.grid));
        if (!gridId)
          fail(row, 'grid', 'UNKNOWN_GRID', { community: text.community, value: text.grid });
      }
    }
    const num = (k: 'lat' | 'lng') => {
      if (!text[k]) return null;
      const n = Number(text[k]);
      return Number.isFinite(n) ? n : NaN;
    };
    const candidate = {
      name: text.name,
      category: category ?? 'other',
      gridId: gridId ?? '00000000-0000-7000-8000-000000000000',
      address: text.address,
      licenceNo: text.licenceNo || null,
      personInCharge: text.personInCharge || null,
      phone: text.phone || null,
      lat: num('lat'),
      lng: num('lng'),
    };
    const check = zPlaceFields.safeParse(candidate);
    if (!check.success) {
      for (const issue of check.error.issues) {
        const key = issue.path[0] as Key;
        if (problems.some((p) => p.row === row && p.column === key)) continue;
        if (key === 'phone') fail(row, key, 'BAD_PHONE', { value: text.phone });
        else if (key === 'lat' || key === 'lng') fail(row, key, 'BAD_NUMBER', { value: text[key] });
        else if (issue.code === 'too_big')
          fail(row, key, 'TOO_LONG', { max: Number(issue.maximum) });
      }
    }
    if (problems.length === before && check.success) parsed.set(row, check.data);
  }
  // The register must not hold a place twice: the same licence, or the same name and address in a grid.
  const licences = [...parsed.values()].flatMap((p) => (p.licenceNo ? [p.licenceNo] : []));
  const takenLicences = await repo.findTakenLicences(db, licences);
  const key = (p: { grid_id: string; name: string; address: string }) =>
    [p.grid_id, squeeze(p.name), squeeze(p.address)].join('\u0001');
  const stored = new Set(
    (await repo.findPlaceNames(db, [...new Set([...parsed.values()].map((p) => p.gridId))])).map(
      key,
    ),
  );
  const seenLicence = new Map<string, number>();
  const seenPlace = new Map<string, number>();
  for (const [row, p] of parsed) {
    const k = key({ grid_id: p.gridId, name: p.name, address: p.address });
    if (p.licenceNo && takenLicences.has(p.licenceNo)) fail(row, 'licenceNo', 'LICENCE_TAKEN');
    else if (stored.has(k)) fail(row, 'name', 'PLACE_EXISTS');
    else if (p.licenceNo && seenLicence.has(p.licenceNo))
      fail(row, 'licenceNo', 'DUPLICATE_IN_FILE', { other: seenLicence.get(p.licenceNo)! });
    else if (seenPlace.has(k)) fail(row, 'name', 'DUPLICATE_IN_FILE', { other: seenPlace.get(k)! });
    if (p.licenceNo && !seenLicence.has(p.licenceNo)) seenLicence.set(p.licenceNo, row);
    if (!seenPlace.has(k)) seenPlace.set(k, row);
  }
  const problemRows = new Set(problems.map((p) => p.row));
  for (const row of problemRows) parsed.delete(row);
  return { totalRows: rows.length, clean: parsed, problems, problemRows };
}

function report(
  importId: string,
  committed: boolean,
  check: Awaited<ReturnType<typeof checkRows>>,
  locale: Locale,
): PlaceImportReport {
  const messages = resources[locale].places.importProblems;
  return {
    importId,
    committed,
    totalRows: check.totalRows,
    validRows: check.clean.size,
    problemRows: check.problemRows.size,
    problems: check.problems
      .sort((a, b) => a.row - b.row)
      .map((p) => ({
        row: p.row,
        column: p.column ? COLUMNS.find((c) => c.key === p.column)!.header : null,
        code: p.code,
        reason: interpolate(messages[p.code], p.params),
      })),
  };
}

/** Where an entry about the caller's whole area belongs in the audit log: the deepest unit above all of it. */
function areaPath(caller: Caller): string | null {
  const paths = caller.assignments.flatMap((a) => (a.area ? [a.area.path] : [a.path]));
  if (paths.length === 0) return null;
  const parts = paths.map((p) => p.split('/').filter(Boolean));
  const common = parts[0].filter((id, i) => parts.every((q) => q[i] === id));
  return common.length ? `/${common.join('/')}/` : null;
}

export interface RegisterFileOpts extends Ctx {
  file: Buffer;
  locale: Locale;
}

export async function previewPlaceImport(opts: RegisterFileOpts): Promise<PlaceImportReport> {
  if (!hasRole(opts.caller, PLACE_WRITERS)) throw forbidden();
  const rows = await readSheet(opts.file, opts.locale);
  return report(newId(), false, await checkRows(opts.db, opts.caller, rows), opts.locale);
}

export async function commitPlaceImport(
  opts: RegisterFileOpts & { importId?: string },
): Promise<PlaceImportReport> {
  const { caller } = opts;
  if (!hasRole(caller, PLACE_WRITERS)) throw forbidden();
  const rows = await readSheet(opts.file, opts.locale);
  const importId = opts.importId ?? newId();
  return opts.db.transaction().execute(async (db) => {
    const check = await checkRows(db, caller, rows);
    for (const p of check.clean.values())
      await insertPlaceWith(db, caller, p, { type: 'import', id: importId });
    await recordAudit(db, {
      actor: actorOf(caller),
      action: 'place.import',
      entity: 'import',
      entityId: importId,
      detail: JSON.stringify({
        totalRows: check.totalRows,
        importedRows: check.clean.size,
        problemRows: check.problemRows.size,
      }),
      orgPath: areaPath(caller),
    });
    return report(importId, true, check, opts.locale);
  });
}

/** The rows a preview refused, as they were typed, with a 问题 column: fix them there and import again. */
export async function placeProblemsFile(opts: RegisterFileOpts): Promise<Buffer> {
  if (!hasRole(opts.caller, PLACE_WRITERS)) throw forbidden();
  const rows = await readSheet(opts.file, opts.locale);
  const r = report(newId(), false, await checkRows(opts.db, opts.caller, rows), opts.locale);
  const reasons = new Map<number, string[]>();
  for (const p of r.problems)
    reasons.set(p.row, [
      ...(reasons.get(p.row) ?? []),
      p.column ? `${p.column}：${p.reason}` : p.reason,
    ]);
  return tableWorkbook(
    SHEET_NAME,
    [
      ...COLUMNS.map((c) => ({
        header: c.header,
        key: c.key,
        width: Math.max(10, c.header.length * 2 + 6),
      })),
      { header: LEDGER_REASON_HEADER, key: 'reason', width: 60 },
    ],
    rows
      .filter((row) => reasons.has(row.row))
      .map((row) => ({ ...row.text, reason: reasons.get(row.row)!.join('；') })),
  );
}

/** The empty register to fill in, with the categories to choose from. */
export async function placeTemplate(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(SHEET_NAME, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = COLUMNS.map((c) => ({
    header: c.header,
    key: c.key,
    width: Math.max(10, c.header.length * 2 + 6),
    style: { numFmt: '@' },
  }));
  ws.getRow(1).font = { bold: true };
  const list = `"${Object.values(zhCN.places.categories).join(',')}"`;
  for (let r = 2; r <= 1001; r++)
    ws.getCell(r, 2).dataValidation = { type: 'list', allowBlank: true, formulae: [list] };
  const help = wb.addWorksheet('填写说明');
  help.columns = [{ header: '说明', key: 'text', width: 100 }];
  for (const text of [
    '名称、类别、社区、网格、地址为必填；每行一个场所。',
    `类别可选：${Object.values(zhCN.places.categories).join('、')}。`,
    '同一营业执照号，或同一网格中名称和地址都相同的场所，只登记一次。',
    '导入分两步：先预览，列出每一行的问题，不写入任何数据；确认后只导入没有问题的行。',
  ])
    help.addRow({ text });
  return writeWorkbook(wb);
}

/**
 * The places a search finds, as an .xlsx register. The phone is a business contact: staff who
 * register places get it; other readers (viewers, departments) get the register without it.
 */
export async function exportPlaces(
  opts: Ctx & { query: PlaceQuery },
): Promise<{ file: Buffer; exported: number; total: number }> {
  const { db, caller } = opts;
  const { rows, total } = await placesForExport({ ...opts, cap: PLACE_EXPORT_LIMIT });
  const withPhone = hasRole(caller, PLACE_WRITERS);
  const names = await describeGrids(
    db,
    rows.map((r) => r.grid_id),
  );
  const m = zhCN.places;
  const columns = [
    { header: f.community, key: 'community', width: 16 },
    { header: f.grid, key: 'grid', width: 10 },
    { header: f.name, key: 'name', width: 24 },
    { header: f.category, key: 'category', width: 12 },
    { header: f.address, key: 'address', width: 30 },
    { header: f.licenceNo, key: 'licenceNo', width: 22 },
    { header: f.personInCharge, key: 'personInCharge', width: 10 },
    ...(withPhone ? [{ header: f.phone, key: 'phone', width: 14 }] : []),
    { header: f.lat, key: 'lat', width: 10 },
    { header: f.lng, key: 'lng', width: 10 },
    { header: f.status, key: 'status', width: 8 },
  ];
  const file = await tableWorkbook(
    SHEET_NAME,
    columns,
    rows.map((p) => ({
      community: names.get(p.grid_id)?.communityName ?? '',
      grid: names.get(p.grid_id)?.gridName ?? '',
      name: p.name,
      category: m.categories[p.category as keyof typeof m.categories] ?? p.category,
      address: p.address,
      licenceNo: p.licence_no ?? '',
      personInCharge: p.person_in_charge ?? '',
      phone: withPhone ? (p.phone ?? '') : '',
      lat: p.lat,
      lng: p.lng,
      status: m.statuses[p.status],
    })),
  );
  const { q, category, communityId, gridId, status } = opts.query;
  await recordAudit(db, {
    actor: actorOf(caller),
    action: 'place.export',
    entity: 'place',
    detail: JSON.stringify({ q, category, communityId, gridId, status, rows: rows.length, total }),
    orgPath: areaPath(caller),
  });
  return { file, exported: rows.length, total };
}
