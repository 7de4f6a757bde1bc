import type { z } from 'zod';
import {
  ledgerColumns,
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
import {
  zAddress,
  zHouseholdFields,
  zResidentFields,
  type ResidentFields,
} from '../../../common/schemas/people';

/**
 * One register row read into the people module's fields: the cleaning of what people type and the
 * checks that need nothing but the row. Pure, so that it runs in the import's worker thread.
 */

export type RelationToHead = (typeof relationsToHead)[number];
export type HouseholdFields = z.infer<typeof zHouseholdFields>;
const zRoom = zAddress.omit({ gridId: true });
export type Room = z.infer<typeof zRoom>;

export interface Problem {
  row: number;
  column: LedgerColumnKey | null;
  code: LedgerProblemCode;
  params?: Record<string, string | number>;
}

/** A row as the mapping reads it: each mapped field's cell as cleaned text. */
export interface LedgerRow {
  /** The row number Excel shows. */
  row: number;
  text: Record<LedgerColumnKey, string>;
  /** Fields whose cell held a number rather than text. */
  numeric: Set<LedgerColumnKey>;
}

export interface ParsedRow {
  row: number;
  problems: Problem[];
  name: string;
  community: string;
  grid: string;
  householdNo: string;
  headName: string;
  relation?: RelationToHead;
  idNumber?: string;
  resident?: ResidentFields;
  room?: Room;
  household?: HouseholdFields;
}

/**
 * Text as an office meant it: full-width letters, digits and signs as their ASCII twins (a Chinese
 * input method types them), line breaks and runs of spaces as one space, no space at either end.
 */
export function cleanText(s: string): string {
  return s
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u3000\u00a0]+/g, ' ')
    .trim();
}

/** A name keeps no space between Chinese characters ("张 三" is 张三). */
const cleanName = (s: string) => s.replace(/(?<=[\u3400-\u9fff])\s+(?=[\u3400-\u9fff])/g, '');

/**
 * A phone as written by hand: spaces, hyphens, brackets, +86 / 0086, or an area code before a mobile
 * ("0352-13810075007") go; a landline keeps its area code.
 */
export function cleanPhone(s: string): string {
  const d = s.replace(/[\s\-–—()（）.·/]/g, '');
  const mobile = /^(?:\+?86|0086|0\d{2,3})?(1\d{10})$/.exec(d);
  return mobile ? mobile[1] : d;
}

/** An ID number typed as text: no spaces, no leading apostrophe (Excel's "keep as text"), X upper-case. */
export const cleanIdNumber = (s: string): string => s.replace(/[\s'‘’`]/g, '').toUpperCase();

/** 1986-03-08, 1986/3/8, 1986.03.08, 1986年3月8日, 19860308, or an Excel day number. */
export function parseDay(text: string, numeric: boolean): string | undefined {
  const n = Number(text);
  if (numeric && n > 1 && n < 100_000 && !/^\d{8}$/.test(text)) {
    const day = new Date(Math.round((n - 25569) * 86_400_000));
    return day.toISOString().slice(0, 10);
  }
  const t = text.replace(/\s/g, '');
  const parts =
    /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(t) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(t);
  if (!parts) return undefined;
  const [y, m, d] = parts.slice(1).map(Number);
  const iso = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  const date = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(iso) ? iso : undefined;
}

const GRADES: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 1: 1, 2: 2, 3: 3, 4: 4 };
const parseGrade = (text: string): number | undefined =>
  GRADES[/^([1-4一二三四])级?(残疾)?$/.exec(text.replace(/\s/g, ''))?.[1] ?? ''];

const ZOD_COLUMN: Record<string, LedgerColumnKey> = {
  disability: 'disabilityCategory',
  notes: 'householdNotes',
};
const short = (s: string) => (s.length > 40 ? `${s.slice(0, 40)}…` : s);
/** Several care tags or income sources in one cell: 、，, ; / or spaces between them. */
const WORDS = /[,，、;；/／\s]+/;

/** Reads one row; fields the file does not map are empty. Required fields given once for the file are passed in `fixed`. */
export function parseRow(
  source: LedgerRow,
  today: string,
  fixed: ReadonlySet<LedgerColumnKey> = new Set(),
): ParsedRow {
  const t = source.text;
  const p: ParsedRow = {
    row: source.row,
    problems: [],
    name: cleanName(t.name),
    community: t.community,
    grid: t.grid,
    householdNo: t.householdNo,
    headName: cleanName(t.headName),
  };
  const fail = (
    column: LedgerColumnKey | null,
    code: LedgerProblemCode,
    params?: Problem['params'],
  ) => p.problems.push({ row: source.row, column, code, params });
  const failed = (column: LedgerColumnKey) => p.problems.some((x) => x.column === column);
  for (const c of ledgerColumns)
    if ('required' in c && c.required && !t[c.key] && !fixed.has(c.key)) fail(c.key, 'REQUIRED');

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
    const words = t[key].split(WORDS).filter(Boolean);
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
  const id = cleanIdNumber(t.idNumber);
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
    name: p.name,
    gender,
    birthDate,
    ethnicity: t.ethnicity || undefined,
    idNumber: p.idNumber,
    phone: t.phone ? cleanPhone(t.phone) : undefined,
    registrationStatus: choice('registrationStatus', registrationStatusLabels),
    careTags: choices('careTags', careTagLabels),
    healthNotes: t.healthNotes || undefined,
    disability: category && grade ? { category, grade } : undefined,
    selfCare: choice('selfCare', selfCareLabels),
  });
  const room = zRoom.safeParse({
    building: t.building,
    unitNo: t.unitNo || null,
    room: t.room,
  });
  const isHead = p.relation === 'self';
  const household = isHead
    ? zHouseholdFields.safeParse({
        housing: choice('housing', housingLabels),
        incomeSources: choices('incomeSources', incomeSourceLabels),
        economicStatus: choice('economicStatus', economicStatusLabels),
        notes: t.householdNotes || undefined,
      })
    : undefined;
  // The schemas the forms use decide lengths and formats, so the register cannot accept what a form
  // refuses; their own words never reach the user, only a problem code with its message.
  for (const result of [resident, room, household]) {
    for (const issue of result?.error?.issues ?? []) {
      const field = String(issue.path[0]);
      const column = ZOD_COLUMN[field] ?? (field as LedgerColumnKey);
      if (failed(column)) continue;
      const value = short(t[column] ?? '');
      if (column === 'phone') fail(column, 'BAD_PHONE', { value });
      else if (issue.code === 'too_big') fail(column, 'TOO_LONG', { max: Number(issue.maximum) });
      else if (!t[column] && !fixed.has(column)) fail(column, 'REQUIRED');
      else fail(column, 'INVALID', { value });
    }
  }
  p.resident = resident.data;
  p.room = room.data;
  p.household = household?.data;
  return p;
}
