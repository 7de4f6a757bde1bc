import { zhCN } from '../../../common/i18n/zh-CN';
import { placeColumns, type PlaceColumnKey } from '../../../common/place-register';
import {
  placeCategories,
  zPlaceFields,
  type PlaceCreate,
  type placeImportProblemCodes,
} from '../../../common/schemas/places';
import { cleanPhone } from '../people/ledger-parse';

/**
 * One row of a places register read into a place's fields: the checks that need nothing but the
 * row (required cells, the category's words, phone and coordinates, lengths). Pure, so that it runs
 * in the import's worker thread; the checks against the caller's area and the stored register are
 * in register-import.ts.
 */

export type PlaceProblemCode = (typeof placeImportProblemCodes)[number];

export interface PlaceProblem {
  row: number;
  column: PlaceColumnKey | null;
  code: PlaceProblemCode;
  params?: Record<string, string | number>;
}

/** A row as the mapping reads it: each mapped field's cell as cleaned text, '' when not mapped. */
export interface PlaceRowText {
  /** The row number Excel shows. */
  row: number;
  text: Record<PlaceColumnKey, string>;
}

export interface ParsedPlace {
  row: number;
  problems: PlaceProblem[];
  community: string;
  grid: string;
  /** The place without its grid, when the row itself has no problem. */
  fields?: Omit<PlaceCreate, 'gridId' | 'id'>;
}

export const squeeze = (s: string): string => s.replace(/\s/g, '');

/** A place as the register tells places apart: the same name and address in one grid is the same place. */
export const placeKey = (p: { gridId: string; name: string; address: string }): string =>
  [p.gridId, squeeze(p.name), squeeze(p.address)].join('\u0001');

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

/** A place's fields but its grid, which is found against the caller's area (register-import). */
const zRowFields = zPlaceFields.omit({ gridId: true });

/** Reads one row. Required fields given once for the whole file are passed in `fixed`. */
export function parsePlaceRow(
  source: PlaceRowText,
  fixed: ReadonlySet<PlaceColumnKey> = new Set(),
): ParsedPlace {
  const { row, text } = source;
  const problems: PlaceProblem[] = [];
  const fail = (
    column: PlaceColumnKey | null,
    code: PlaceProblemCode,
    params?: PlaceProblem['params'],
  ) => problems.push({ row, column, code, params });
  for (const c of placeColumns)
    if ('required' in c && c.required && !text[c.key] && !fixed.has(c.key)) fail(c.key, 'REQUIRED');
  const category = categoryByLabel.get(squeeze(text.category));
  if (text.category && !category)
    fail('category', 'UNKNOWN_LABEL', {
      value: text.category,
      options: Object.values(zhCN.places.categories).join('、'),
    });
  const num = (k: 'lat' | 'lng') => {
    if (!text[k]) return null;
    const n = Number(text[k]);
    return Number.isFinite(n) ? n : NaN;
  };
  // The schema the form uses decides lengths and formats, so the register cannot accept what the
  // form refuses; its own words never reach the user, only a problem code with its message.
  const check = zRowFields.safeParse({
    name: text.name,
    category: category ?? 'other',
    address: text.address,
    licenceNo: text.licenceNo || null,
    personInCharge: text.personInCharge || null,
    phone: text.phone ? cleanPhone(text.phone) : null,
    lat: num('lat'),
    lng: num('lng'),
  });
  if (!check.success) {
    for (const issue of check.error.issues) {
      const key = issue.path[0] as PlaceColumnKey;
      if (problems.some((p) => p.column === key)) continue;
      if (key === 'phone') fail(key, 'BAD_PHONE', { value: text.phone });
      else if (key === 'lat' || key === 'lng') fail(key, 'BAD_NUMBER', { value: text[key] });
      else if (issue.code === 'too_big') fail(key, 'TOO_LONG', { max: Number(issue.maximum) });
      // Whatever else the schema refuses (a name of nothing but spaces) is a missing value.
      else fail(key, 'REQUIRED');
    }
  }
  const parsed: ParsedPlace = { row, problems, community: text.community, grid: text.grid };
  if (problems.length === 0 && check.success) parsed.fields = check.data;
  return parsed;
}
