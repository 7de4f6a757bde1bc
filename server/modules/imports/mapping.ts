import crypto from 'node:crypto';
import { IMPORT_IGNORED_HEADERS } from '../../../common/imports';
import { ledgerColumns } from '../../../common/ledger';
import { placeColumns } from '../../../common/place-register';
import type { ImportColumn, ImportKind } from '../../../common/schemas/imports';

/**
 * Which of Linli's fields each column of a file goes to: proposed from the header (the template's
 * word, a synonym offices use, then a close match), confirmed or changed by the user, and
 * remembered for the header layout so that next month's file maps with no question.
 */
export interface FieldDef {
  key: string;
  header: string;
  aliases: readonly string[];
  required: boolean;
  fixable: boolean;
}

export const fieldsOf: Record<ImportKind, FieldDef[]> = {
  residents: ledgerColumns.map((c) => ({
    key: c.key,
    header: c.header,
    aliases: 'aliases' in c ? c.aliases : [],
    required: 'required' in c && c.required,
    fixable: 'fixable' in c && c.fixable,
  })),
  places: placeColumns.map((c) => ({
    key: c.key,
    header: c.header,
    aliases: c.aliases,
    required: 'required' in c && c.required,
    fixable: 'fixable' in c && c.fixable,
  })),
};

/** A header as compared: no spaces, asterisks (required marks), brackets' notes or colons. */
export const normaliseHeader = (h: string): string =>
  h
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\s*:：]/g, '')
    .replace(/\([^)]*\)$/, '')
    .replace(/[（）()/、]/g, '');

const isIgnored = (h: string) =>
  (IMPORT_IGNORED_HEADERS as readonly string[]).includes(normaliseHeader(h));

function distance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0];
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j];
      prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return prev[b.length];
}

/** The field a header names, and how it was found. */
export function proposeField(
  header: string,
  fields: FieldDef[],
): { field: string; how: 'template' | 'synonym' | 'close' } | null {
  const h = normaliseHeader(header);
  if (!h || isIgnored(header)) return null;
  const words = (f: FieldDef) => [f.header, ...f.aliases].map(normaliseHeader);
  const exact = fields.find((f) => normaliseHeader(f.header) === h);
  if (exact) return { field: exact.key, how: 'template' };
  const synonym = fields.find((f) => words(f).includes(h));
  if (synonym) return { field: synonym.key, how: 'synonym' };
  // Close: one character off (身分证号), or a known word inside a longer header (居民身份证号);
  // the longest such word wins, so 户主姓名 is not taken for 姓名.
  let best: { field: string; score: number } | null = null;
  for (const f of fields)
    for (const w of words(f)) {
      const score =
        w.length >= 3 && distance(w, h) <= 1
          ? 100 + w.length
          : w.length >= 2 && h.includes(w)
            ? w.length
            : 0;
      if (score > (best?.score ?? 0)) best = { field: f.key, score };
    }
  return best ? { field: best.field, how: 'close' } : null;
}

/** The proposed column list: each header with its first values and proposed field, a field used once. */
export function proposeColumns(
  headers: string[],
  samples: string[][],
  fields: FieldDef[],
): ImportColumn[] {
  const taken = new Set<string>();
  const proposed = headers.map((h) => proposeField(h, fields));
  // Exact words claim their field before close matches do.
  const order = [...proposed.keys()].sort(
    (a, b) => rank(proposed[a]?.how) - rank(proposed[b]?.how),
  );
  const columns: ImportColumn[] = headers.map((header, index) => ({
    index,
    header,
    samples: samples
      .map((r) => r[index] ?? '')
      .filter(Boolean)
      .slice(0, 3),
    field: null,
    how: null,
  }));
  for (const i of order) {
    const p = proposed[i];
    if (!p || taken.has(p.field)) continue;
    taken.add(p.field);
    columns[i].field = p.field;
    columns[i].how = p.how;
  }
  return columns;
}
const rank = (how: string | undefined) =>
  how === 'template' ? 0 : how === 'synonym' ? 1 : how === 'close' ? 2 : 3;

/** The header row: the first of the top rows whose cells name three fields, the name or ID among them. */
export function isHeaderRow(cells: string[], fields: FieldDef[]): boolean {
  const found = new Set(cells.flatMap((c) => proposeField(c, fields)?.field ?? []));
  return found.size >= 3 && (found.has('name') || found.has('idNumber'));
}

/**
 * The layout a mapping is remembered for: the normalised headers in order, the columns a problem
 * file adds (原行号, 问题) left out, so that a problem file maps as its original did.
 */
export function layoutHash(kind: ImportKind, headers: string[]): string {
  const names = headers.filter((h) => !isIgnored(h)).map(normaliseHeader);
  while (names.length && names[names.length - 1] === '') names.pop();
  return crypto
    .createHash('sha256')
    .update(`${kind}\n${names.join('\n')}`)
    .digest('hex');
}

/** The remembered mapping as header → field, applied to a file of the same layout. */
export function rememberedColumns(
  columns: ImportColumn[],
  remembered: Record<string, string | null>,
): ImportColumn[] {
  return columns.map((c) => {
    const key = normaliseHeader(c.header);
    return key in remembered && !isIgnored(c.header)
      ? { ...c, field: remembered[key], how: remembered[key] ? 'remembered' : null }
      : { ...c, field: null, how: null };
  });
}

export const mappingToRemember = (columns: ImportColumn[]): Record<string, string | null> =>
  Object.fromEntries(
    columns.filter((c) => !isIgnored(c.header)).map((c) => [normaliseHeader(c.header), c.field]),
  );
