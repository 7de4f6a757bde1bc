import type { Locale } from '../../../common/i18n';
import { ledgerColumns, type LedgerColumnKey } from '../../../common/ledger';
import { maskIdNumber, maskPhone } from '../../../common/people';
import {
  careTagLabels,
  genderLabels,
  registrationStatusLabels,
  relationLabels,
  residentStatusLabels,
  selfCareLabels,
} from '../../../common/people-labels';
import type { LedgerImportReport } from '../../../common/schemas/ledger';
import type { Resident, ResidentQuery, Sensitive } from '../../../common/schemas/people';
import type { Role } from '../../../common/roles';
import type { HouseholdRow } from '../../db/schema';
import { forbidden } from '../../lib/errors';
import { newId } from '../../lib/ids';
import { actorOf, recordAudit } from '../audit/service';
import { hasRole, type Caller } from '../auth/caller';
import { describeGrids } from '../org/service';
import { PEOPLE_READERS, PEOPLE_WRITERS } from './access';
import { checkLedger, presentProblems, type LedgerCheck } from './ledger-check';
import {
  ledgerTemplate,
  problemsWorkbook,
  readLedger,
  tableWorkbook,
  type LedgerSheet,
} from './ledger-sheet';
import * as repo from './repo';
import { residentsForExport } from './residents';
import { insertHouseholdWith, type Ctx } from './service';

/**
 * The register (台账) in and out of Excel. An import is stateless: the preview reads the file and
 * reports, writing nothing; the commit is sent the same file again, checks it again inside its one
 * transaction and registers the households without a problem. Nothing is kept between the two, so
 * cancelling at the preview is simply not sending the commit.
 */
export interface LedgerFileOpts extends Ctx {
  file: Buffer;
  locale: Locale;
}

/** Rows an export may hold: a large street's register, less than would exhaust memory. */
export const RESIDENT_EXPORT_LIMIT = 50_000;

function checkImporter(caller: Caller): void {
  if (!hasRole(caller, PEOPLE_WRITERS)) throw forbidden();
}

/** Where an entry about the caller's whole area belongs in the audit log: the deepest unit above all of it. */
function areaPath(caller: Caller, roles: readonly Role[]): string | null {
  const paths = caller.assignments.flatMap((a) =>
    roles.includes(a.role) && a.area ? [a.area.path] : [],
  );
  if (paths.length === 0) return null;
  const parts = paths.map((p) => p.split('/').filter(Boolean));
  const common = parts[0].filter((id, i) => parts.every((q) => q[i] === id));
  return common.length ? `/${common.join('/')}/` : null;
}

function report(
  importId: string,
  committed: boolean,
  check: LedgerCheck,
  sheet: LedgerSheet,
  locale: Locale,
): LedgerImportReport {
  return {
    importId,
    committed,
    totalRows: check.totalRows,
    validRows: check.validRows,
    households: check.households.length,
    problemRows: check.problemRows.size,
    problems: presentProblems(check.problems, sheet, locale),
  };
}

export async function previewLedgerImport(opts: LedgerFileOpts): Promise<LedgerImportReport> {
  checkImporter(opts.caller);
  const sheet = await readLedger(opts.file, opts.locale);
  const check = await checkLedger(opts.db, opts.caller, sheet);
  return report(newId(), false, check, sheet, opts.locale);
}

export async function commitLedgerImport(
  opts: LedgerFileOpts & { importId?: string },
): Promise<LedgerImportReport> {
  const { caller } = opts;
  checkImporter(caller);
  const sheet = await readLedger(opts.file, opts.locale);
  const importId = opts.importId ?? newId();
  return opts.db.transaction().execute(async (db) => {
    const check = await checkLedger(db, caller, sheet);
    const source = { type: 'import', id: importId } as const;
    for (const h of check.households) await insertHouseholdWith(db, caller, h.input, source);
    await recordAudit(db, {
      actor: actorOf(caller),
      action: 'household.import',
      entity: 'import',
      entityId: importId,
      detail: JSON.stringify({
        totalRows: check.totalRows,
        importedRows: check.validRows,
        households: check.households.length,
        problemRows: check.problemRows.size,
      }),
      orgPath: areaPath(caller, PEOPLE_WRITERS),
    });
    return report(importId, true, check, sheet, opts.locale);
  });
}

/** The rows a commit would leave out, as an .xlsx with a 问题 column. */
export async function ledgerProblemsFile(opts: LedgerFileOpts): Promise<Buffer> {
  checkImporter(opts.caller);
  const sheet = await readLedger(opts.file, opts.locale);
  const check = await checkLedger(opts.db, opts.caller, sheet);
  const reasons = new Map<number, string[]>();
  for (const p of presentProblems(check.problems, sheet, opts.locale))
    reasons.set(p.row, [
      ...(reasons.get(p.row) ?? []),
      p.column ? `${p.column}：${p.reason}` : p.reason,
    ]);
  return problemsWorkbook(sheet, new Map([...reasons].map(([row, r]) => [row, r.join('；')])));
}

export const ledgerTemplateFile = (): Promise<Buffer> => ledgerTemplate();

const header = (key: LedgerColumnKey) => ledgerColumns.find((c) => c.key === key)!.header;
const EXPORT_COLUMNS = [
  ...(
    [
      'community',
      'grid',
      'building',
      'unitNo',
      'room',
      'relation',
      'name',
      'gender',
      'birthDate',
    ] as const
  ).map((key) => ({ key, header: header(key) })),
  { key: 'age', header: '年龄' },
  ...(
    ['ethnicity', 'idNumber', 'phone', 'registrationStatus', 'careTags', 'selfCare'] as const
  ).map((key) => ({ key, header: header(key) })),
  { key: 'status', header: '居住状态' },
];
const WIDTHS: Record<string, number> = { idNumber: 22, phone: 14, careTags: 24, community: 14 };

/** Lists are masked; should a whole value ever reach here, it is masked again rather than exported. */
const maskedText = (s: Sensitive, mask: (v: string) => string) =>
  s.value === null ? '' : s.masked ? s.value : mask(s.value);

/** The search text as the audit log may keep it: an ID number or a phone typed into it, masked. */
const maskedSearch = (q: string) =>
  /^\d{17}[\dXx]$/.test(q) ? maskIdNumber(q) : /^1\d{10}$/.test(q) ? maskPhone(q) : q;

/**
 * The residents a search finds, as an .xlsx register with Chinese headers: in the caller's scope,
 * ID numbers and phones masked, health notes and disability never. Every export is audited.
 */
export async function exportResidents(
  opts: Ctx & { query: ResidentQuery },
): Promise<{ file: Buffer; exported: number; total: number }> {
  const { db, caller } = opts;
  if (!hasRole(caller, PEOPLE_READERS)) throw forbidden();
  const { items, total } = await residentsForExport({ ...opts, cap: RESIDENT_EXPORT_LIMIT });
  const householdIds = [...new Set(items.map((r) => r.householdId))];
  const households = new Map<string, HouseholdRow>();
  for (let i = 0; i < householdIds.length; i += 500)
    for (const h of await repo.findHouseholdsByIds(db, householdIds.slice(i, i + 500)))
      households.set(h.id, h);
  const places = await describeGrids(
    db,
    items.map((r) => r.gridId),
  );
  const rows = items.map((r: Resident) => {
    const h = households.get(r.householdId);
    const place = places.get(r.gridId);
    return {
      community: place?.communityName ?? '',
      grid: place?.gridName ?? '',
      building: h?.building ?? '',
      unitNo: h?.unit_no ?? '',
      room: h?.room ?? '',
      householdId: r.householdId,
      relation: relationLabels[r.relationToHead],
      name: r.name,
      gender: r.gender ? genderLabels[r.gender] : '',
      birthDate: r.birthDate ?? '',
      age: r.age,
      ethnicity: r.ethnicity ?? '',
      idNumber: maskedText(r.idNumber, maskIdNumber),
      phone: maskedText(r.phone, maskPhone),
      registrationStatus: registrationStatusLabels[r.registrationStatus],
      careTags: r.careTags.map((t) => careTagLabels[t]).join('、'),
      selfCare: r.selfCare ? selfCareLabels[r.selfCare] : '',
      status: residentStatusLabels[r.status],
    };
  });
  // A register reads by address, each household together with its head first.
  const cmp = (a: string, b: string) => a.localeCompare(b, 'zh-CN', { numeric: true });
  rows.sort(
    (a, b) =>
      cmp(a.community, b.community) ||
      cmp(a.grid, b.grid) ||
      cmp(a.building, b.building) ||
      cmp(a.unitNo, b.unitNo) ||
      cmp(a.room, b.room) ||
      cmp(a.householdId, b.householdId) ||
      Number(b.relation === relationLabels.self) - Number(a.relation === relationLabels.self),
  );
  const file = await tableWorkbook(
    '居民台账',
    EXPORT_COLUMNS.map((c) => ({
      header: c.header,
      key: c.key,
      width: WIDTHS[c.key] ?? Math.max(8, c.header.length * 2 + 4),
    })),
    rows,
  );
  const { communityId, gridId, careTag, status, q } = opts.query;
  const filters = { communityId, gridId, careTag, status };
  await recordAudit(db, {
    actor: actorOf(caller),
    action: 'resident.export',
    entity: 'resident',
    detail: JSON.stringify({ q: q && maskedSearch(q), ...filters, rows: items.length, total }),
    orgPath: areaPath(caller, PEOPLE_READERS),
  });
  return { file, exported: items.length, total };
}
