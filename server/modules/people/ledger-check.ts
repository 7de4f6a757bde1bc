import type { z } from 'zod';
import { interpolate, type Locale } from '../../../common/i18n';
import {
  ledgerColumns,
  ledgerProblemMessages,
  type LedgerColumnKey,
  type LedgerProblemCode,
} from '../../../common/ledger';
import {
  birthDateFromId,
  genderFromId,
  idCheckDigit,
  idNumberValid,
  type relationsToHead,
} from '../../../common/people';
import {
  careTagLabels,
  codeOfLabel,
  disabilityCategoryLabels,
  economicStatusLabels,
  genderLabels,
  housingLabels,
  incomeSourceLabels,
  registrationStatusLabels,
  relationLabels,
  selfCareLabels,
} from '../../../common/people-labels';
import type { LedgerProblem } from '../../../common/schemas/ledger';
import type { OrgTreeNode } from '../../../common/schemas/org';
import {
  zAddress,
  zHouseholdFields,
  zResidentFields,
  type HouseholdCreate,
  type ResidentFields,
} from '../../../common/schemas/people';
import type { Db } from '../../db';
import { fieldCipher } from '../../lib/crypto';
import type { Caller } from '../auth/caller';
import { getOrgTree } from '../org/service';
import { PEOPLE_WRITERS, rolesAt } from './access';
import type { LedgerRow, LedgerSheet } from './ledger-sheet';
import * as repo from './repo';
import type { MemberInput } from './service';

type RelationToHead = (typeof relationsToHead)[number];
type HouseholdFields = z.infer<typeof zHouseholdFields>;
const zRoom = zAddress.omit({ gridId: true });

interface Problem {
  row: number;
  column: LedgerColumnKey | null;
  code: LedgerProblemCode;
  params?: Record<string, string | number>;
}

/** One register row read into the people module's fields, with what is wrong with it. */
interface ParsedRow {
  source: LedgerRow;
  problems: Problem[];
  relation?: RelationToHead;
  idNumber?: string;
  resident?: ResidentFields;
  room?: z.infer<typeof zRoom>;
  household?: HouseholdFields;
  gridId?: string;
}

/** A household the file describes without a problem, ready to be registered. */
export interface CleanHousehold {
  rows: number[];
  input: HouseholdCreate & { members: MemberInput[] };
}

export interface LedgerCheck {
  totalRows: number;
  households: CleanHousehold[];
  validRows: number;
  problems: Problem[];
  problemRows: Set<number>;
}

const ZOD_COLUMN: Record<string, LedgerColumnKey> = {
  disability: 'disabilityCategory',
  notes: 'householdNotes',
};
const short = (s: string) => (s.length > 40 ? `${s.slice(0, 40)}…` : s);

/** 1986-03-08, 1986/3/8, 1986.03.08, 1986年3月8日, 19860308, or an Excel day number. */
export function parseDay(text: string, numeric: boolean): string | undefined {
  const n = Number(text);
  if (numeric && n > 1 && n < 100_000 && !/^\d{8}$/.test(text)) {
    const day = new Date(Math.round((n - 25569) * 86_400_000));
    return day.toISOString().slice(0, 10);
  }
  const parts =
    /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(text) ??
    /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  if (!parts) return undefined;
  const [y, m, d] = parts.slice(1).map(Number);
  const iso = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  const date = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(iso) ? iso : undefined;
}

const GRADES: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 1: 1, 2: 2, 3: 3, 4: 4 };
const parseGrade = (text: string): number | undefined =>
  GRADES[/^([1-4一二三四])级?(残疾)?$/.exec(text.replace(/\s/g, ''))?.[1] ?? ''];

function parseRow(source: LedgerRow, today: string): ParsedRow {
  const t = source.text;
  const p: ParsedRow = { source, problems: [] };
  const fail = (
    column: LedgerColumnKey | null,
    code: LedgerProblemCode,
    params?: Problem['params'],
  ) => p.problems.push({ row: source.row, column, code, params });
  const failed = (column: LedgerColumnKey) => p.problems.some((x) => x.column === column);
  for (const c of ledgerColumns)
    if ('required' in c && c.required && !t[c.key]) fail(c.key, 'REQUIRED');

  const choice = <K extends string>(key: LedgerColumnKey, labels: Record<K, string>) => {
    if (!t[key]) return undefined;
    const code = codeOfLabel(labels, t[key]);
    if (!code)
      fail(key, 'UNKNOWN_LABEL', {
        value: short(t[key]),
        options: Object.values(labels).join('、'),
      });
    return code;
  };
  const choices = <K extends string>(key: LedgerColumnKey, labels: Record<K, string>) => {
    const words = t[key].split(/[,，、;；\s]+/).filter(Boolean);
    const codes = words.map((w) => codeOfLabel(labels, w));
    const bad = words.filter((_, i) => !codes[i]);
    if (bad.length)
      fail(key, 'UNKNOWN_LABEL', {
        value: short(bad.join('、')),
        options: Object.values(labels).join('、'),
      });
    return [...new Set(codes.filter((c): c is K => c !== undefined))];
  };

  p.relation = choice('relation', relationLabels);
  const id = t.idNumber.replace(/\s/g, '').toUpperCase();
  if (id) {
    if (source.numeric.has('idNumber')) fail('idNumber', 'ID_AS_NUMBER');
    else if (!/^\d{17}[\dX]$/.test(id)) fail('idNumber', 'ID_FORMAT');
    else if (idCheckDigit(id.slice(0, 17)) !== id[17]) fail('idNumber', 'ID_CHECK_DIGIT');
    else if (!idNumberValid(id)) fail('idNumber', 'ID_BIRTH_DATE');
    else p.idNumber = id;
  }
  let birthDate: string | undefined;
  if (t.birthDate) {
    birthDate = parseDay(t.birthDate, source.numeric.has('birthDate'));
    if (!birthDate || birthDate > today || birthDate < '1880-01-01') {
      fail('birthDate', 'BAD_DATE', { value: short(t.birthDate) });
      birthDate = undefined;
    }
  }
  if (p.idNumber && birthDate && birthDate !== birthDateFromId(p.idNumber))
    fail('birthDate', 'ID_MISMATCH', { value: birthDateFromId(p.idNumber) });
  const gender = choice('gender', genderLabels);
  if (p.idNumber && gender && gender !== genderFromId(p.idNumber))
    fail('gender', 'ID_MISMATCH', { value: genderLabels[genderFromId(p.idNumber)] });
  const category = choice('disabilityCategory', disabilityCategoryLabels);
  const grade = t.disabilityGrade ? parseGrade(t.disabilityGrade) : undefined;
  if (t.disabilityGrade && !grade) fail('disabilityGrade', 'BAD_GRADE');
  if (t.disabilityCategory && !t.disabilityGrade) fail('disabilityGrade', 'REQUIRED');
  if (t.disabilityGrade && !t.disabilityCategory) fail('disabilityCategory', 'REQUIRED');

  const resident = zResidentFields.safeParse({
    name: t.name,
    gender,
    birthDate,
    ethnicity: t.ethnicity || undefined,
    idNumber: p.idNumber,
    phone: t.phone ? t.phone.replace(/\s/g, '') : undefined,
    registrationStatus: choice('registrationStatus', registrationStatusLabels),
    careTags: choices('careTags', careTagLabels),
    healthNotes: t.healthNotes || undefined,
    disability: category && grade ? { category, grade } : undefined,
    selfCare: choice('selfCare', selfCareLabels),
  });
  const room = zRoom.safeParse({ building: t.building, unitNo: t.unitNo || null, room: t.room });
  const isHead = p.relation === 'self';
  const household = isHead
    ? zHouseholdFields.safeParse({
        housing: choice('housing', housingLabels),
        incomeSources: choices('incomeSources', incomeSourceLabels),
        economicStatus: choice('economicStatus', economicStatusLabels),
        notes: t.householdNotes || undefined,
      })
    : undefined;
  // The schemas the forms use decide lengths and formats, so the register cannot accept what a form refuses.
  for (const result of [resident, room, household]) {
    for (const issue of result?.error?.issues ?? []) {
      const field = String(issue.path[0]);
      const column = ZOD_COLUMN[field] ?? (field as LedgerColumnKey);
      if (failed(column)) continue;
      const value = short(t[column] ?? '');
      if (column === 'phone') fail(column, 'BAD_PHONE', { value });
      else if (issue.code === 'too_big') fail(column, 'TOO_LONG', { max: Number(issue.maximum) });
      else fail(column, 'INVALID', { value });
    }
  }
  p.resident = resident.data;
  p.room = room.data;
  p.household = household?.data;
  return p;
}

const squeeze = (s: string | null | undefined) => (s ?? '').replace(/\s/g, '');

interface WritableCommunity {
  id: string;
  grids: Map<string, string>;
}

/** Communities by name, each with the grids by name where the caller may register households. */
async function writablePlaces(db: Db, caller: Caller): Promise<Map<string, WritableCommunity[]>> {
  const tree = await getOrgTree({ db, caller, includeRetired: false });
  const byName = new Map<string, WritableCommunity[]>();
  const walk = (nodes: OrgTreeNode[], streetId: string | null) => {
    for (const n of nodes) {
      const street = n.kind === 'street' ? n.id : streetId;
      if (n.kind === 'community' && street) {
        const grids = new Map<string, string>();
        for (const g of n.children) {
          const place = { street_id: street, community_id: n.id, grid_id: g.id, org_path: g.path };
          if (g.kind === 'grid' && rolesAt(caller, place).some((r) => PEOPLE_WRITERS.includes(r)))
            grids.set(squeeze(g.name), g.id);
        }
        const name = squeeze(n.name);
        if (grids.size) byName.set(name, [...(byName.get(name) ?? []), { id: n.id, grids }]);
      } else walk(n.children, street);
    }
  };
  walk(tree, null);
  return byName;
}

const addressKey = (parts: (string | null | undefined)[]) => parts.map(squeeze).join('\u0001');

/**
 * Checks every row of a register against the caller's area and the stored residents, and groups the
 * rows into households. Writes nothing; the commit runs it again inside its transaction.
 */
export async function checkLedger(
  db: Db,
  caller: Caller,
  sheet: LedgerSheet,
): Promise<LedgerCheck> {
  const today = new Date().toISOString().slice(0, 10);
  const rows = sheet.rows.map((r) => parseRow(r, today));
  const fail = (
    p: ParsedRow,
    column: LedgerColumnKey | null,
    code: LedgerProblemCode,
    params?: Problem['params'],
  ) => p.problems.push({ row: p.source.row, column, code, params });

  const places = await writablePlaces(db, caller);
  for (const p of rows) {
    const { community, grid } = p.source.text;
    if (!community || !grid) continue;
    const found = places.get(squeeze(community)) ?? [];
    if (found.length === 0) fail(p, 'community', 'UNKNOWN_COMMUNITY', { value: short(community) });
    else if (found.length > 1) fail(p, 'community', 'AMBIGUOUS_COMMUNITY', { value: community });
    else {
      p.gridId = found[0].grids.get(squeeze(grid));
      if (!p.gridId) fail(p, 'grid', 'UNKNOWN_GRID', { community, value: short(grid) });
    }
  }

  const firstRowOf = new Map<string, number>();
  for (const p of rows) {
    if (!p.idNumber) continue;
    const first = firstRowOf.get(p.idNumber);
    if (first) fail(p, 'idNumber', 'DUPLICATE_IN_FILE', { other: first });
    else firstRowOf.set(p.idNumber, p.source.row);
  }
  const cipher = fieldCipher();
  const indexes = new Map(
    rows.filter((p) => p.idNumber).map((p) => [p, cipher.blindIndex('idNumber', p.idNumber!)]),
  );
  const taken = await repo.findTakenIdNumberIndexes(db, [...new Set(indexes.values())]);
  for (const [p, index] of indexes) if (taken.has(index)) fail(p, 'idNumber', 'DUPLICATE_STORED');

  const groups = new Map<string, ParsedRow[]>();
  for (const p of rows) {
    const t = p.source.text;
    const key =
      t.community && t.grid && t.building && t.room
        ? addressKey([t.community, t.grid, t.building, t.unitNo, t.room])
        : `row ${p.source.row}`;
    const group = groups.get(key);
    if (group) group.push(p);
    else groups.set(key, [p]);
  }
  const stored = new Set(
    (await repo.findHouseholdAddresses(db, [...new Set(rows.flatMap((p) => p.gridId ?? []))])).map(
      (h) => addressKey([h.grid_id, h.building, h.unit_no, h.room]),
    ),
  );

  const households: CleanHousehold[] = [];
  for (const members of groups.values()) {
    const count = members.length;
    if (members.every((p) => p.relation)) {
      const heads = members.filter((p) => p.relation === 'self').length;
      if (heads !== 1)
        for (const p of members)
          fail(p, 'relation', heads === 0 ? 'NO_HEAD' : 'MANY_HEADS', { count, heads });
    }
    const first = members[0];
    if (first.gridId && first.room) {
      const { building, unitNo, room } = first.room;
      if (stored.has(addressKey([first.gridId, building, unitNo, room])))
        for (const p of members) fail(p, 'room', 'ADDRESS_TAKEN');
    }
    // A household is registered whole or not at all, so that no one is left out of it unnoticed.
    const faulty = members.filter((p) => p.problems.length);
    if (faulty.length) {
      const rowsText = faulty.map((p) => p.source.row).join('、');
      for (const p of members)
        if (!p.problems.length) fail(p, null, 'HOUSEHOLD_SKIPPED', { rows: rowsText });
      continue;
    }
    const head = members.find((p) => p.relation === 'self')!;
    households.push({
      rows: members.map((p) => p.source.row),
      input: {
        gridId: head.gridId!,
        ...head.room!,
        ...head.household,
        head: head.resident!,
        members: members
          .filter((p) => p !== head)
          .map((p) => ({ ...p.resident!, relationToHead: p.relation! })),
      },
    });
  }
  const problems = rows.flatMap((p) => p.problems);
  return {
    totalRows: rows.length,
    households,
    validRows: households.reduce((n, h) => n + h.rows.length, 0),
    problems,
    problemRows: new Set(problems.map((p) => p.row)),
  };
}

const columnOrder = new Map<LedgerColumnKey | null, number>([
  [null, -1],
  ...ledgerColumns.map((c, i): [LedgerColumnKey, number] => [c.key, i]),
]);

/** The problems in the caller's language, by row and column, each naming the column as the file heads it. */
export function presentProblems(
  problems: Problem[],
  sheet: LedgerSheet,
  locale: Locale,
): LedgerProblem[] {
  return [...problems]
    .sort((a, b) => a.row - b.row || columnOrder.get(a.column)! - columnOrder.get(b.column)!)
    .map((p) => ({
      row: p.row,
      column: p.column
        ? (sheet.headerOf[p.column] ?? ledgerColumns.find((c) => c.key === p.column)!.header)
        : null,
      code: p.code,
      reason: interpolate(ledgerProblemMessages[locale][p.code], p.params),
    }));
}
