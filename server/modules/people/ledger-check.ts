import { interpolate, type Locale } from '../../../common/i18n';
import {
  ledgerColumns,
  ledgerProblemMessages,
  type LedgerColumnKey,
  type LedgerProblemCode,
} from '../../../common/ledger';
import type { ImportProblem } from '../../../common/schemas/imports';
import type { OrgTreeNode } from '../../../common/schemas/org';
import type { HouseholdCreate } from '../../../common/schemas/people';
import type { Db } from '../../db';
import { fieldCipher } from '../../lib/crypto';
import type { Caller } from '../../lib/caller';
import { getOrgTree } from '../org/service';
import { PEOPLE_WRITERS, rolesAt } from './access';
import type { ParsedRow, Problem } from './ledger-parse';
import * as repo from './repo';
import type { MemberInput } from './service';

/**
 * The register's rows, read and checked one by one (ledger-parse, in the import's worker), checked
 * against the caller's area and the stored residents, and grouped into households as the file says:
 * by 户号, else by 户主姓名 + address, else by address. A member row with a problem holds back only
 * itself; a household waits only when its head's row is faulty. Rows of a household registered
 * earlier (a corrected problem row, a newborn in next month's file) join it. Writes nothing.
 */

/** What the commit does for one household of the file. */
export type PlannedHousehold =
  | { rows: number[]; householdNo?: string; create: HouseholdCreate & { members: MemberInput[] } }
  | { rows: number[]; join: string; gridId: string; members: MemberInput[] };

export interface LedgerPlan {
  households: PlannedHousehold[];
  /** Rows that will be registered. */
  validRows: number;
  problems: Problem[];
  problemRows: number;
}

/** Values chosen once for the whole file instead of a column. */
export interface FixedPlace {
  communityId: string | null;
  gridId: string | null;
}

const squeeze = (s: string | null | undefined) => (s ?? '').replace(/\s/g, '');
const short = (s: string) => (s.length > 40 ? `${s.slice(0, 40)}…` : s);

interface WritableCommunity {
  id: string;
  name: string;
  streetId: string;
  grids: Map<string, string>;
}

export interface WritablePlaces {
  byName: Map<string, WritableCommunity[]>;
  byId: Map<string, WritableCommunity>;
  streetOfGrid: Map<string, string>;
}

/** Communities by name and id, each with the grids by name where the caller may register households. */
export async function writablePlaces(db: Db, caller: Caller): Promise<WritablePlaces> {
  const tree = await getOrgTree({ db, caller, includeRetired: false });
  const places: WritablePlaces = { byName: new Map(), byId: new Map(), streetOfGrid: new Map() };
  const walk = (nodes: OrgTreeNode[], streetId: string | null) => {
    for (const n of nodes) {
      const street = n.kind === 'street' ? n.id : streetId;
      if (n.kind === 'community' && street) {
        const grids = new Map<string, string>();
        for (const g of n.children) {
          const place = { street_id: street, community_id: n.id, grid_id: g.id, org_path: g.path };
          if (g.kind === 'grid' && rolesAt(caller, place).some((r) => PEOPLE_WRITERS.includes(r))) {
            grids.set(squeeze(g.name), g.id);
            places.streetOfGrid.set(g.id, street);
          }
        }
        const name = squeeze(n.name);
        if (!grids.size) continue;
        const c = { id: n.id, name: n.name, streetId: street, grids };
        places.byName.set(name, [...(places.byName.get(name) ?? []), c]);
        places.byId.set(n.id, c);
      } else walk(n.children, street);
    }
  };
  walk(tree, null);
  return places;
}

/** Whether the values chosen for the whole file are in the caller's area (and the grid in the community). */
export function fixedInScope(places: WritablePlaces, fixed: FixedPlace): boolean {
  if (fixed.communityId && !places.byId.has(fixed.communityId)) return false;
  if (!fixed.gridId) return true;
  if (!places.streetOfGrid.has(fixed.gridId)) return false;
  return (
    !fixed.communityId ||
    [...places.byId.get(fixed.communityId)!.grids.values()].includes(fixed.gridId)
  );
}

const addressKey = (parts: (string | null | undefined)[]) => parts.map(squeeze).join('\u0001');

export async function planLedger(
  db: Db,
  caller: Caller,
  rows: ParsedRow[],
  fixed: FixedPlace,
): Promise<LedgerPlan> {
  const fail = (
    p: ParsedRow,
    column: LedgerColumnKey | null,
    code: LedgerProblemCode,
    params?: Problem['params'],
  ) => p.problems.push({ row: p.row, column, code, params });

  // Where each row lives, in the caller's area.
  const places = await writablePlaces(db, caller);
  const gridOf = new Map<ParsedRow, string>();
  const fixedCommunity = fixed.communityId ? places.byId.get(fixed.communityId) : undefined;
  for (const p of rows) {
    if (fixed.gridId) {
      gridOf.set(p, fixed.gridId);
      continue;
    }
    let community = fixedCommunity;
    if (!community) {
      if (!p.community) continue;
      const found = places.byName.get(squeeze(p.community)) ?? [];
      if (found.length === 0)
        fail(p, 'community', 'UNKNOWN_COMMUNITY', { value: short(p.community) });
      else if (found.length > 1)
        fail(p, 'community', 'AMBIGUOUS_COMMUNITY', { value: p.community });
      community = found.length === 1 ? found[0] : undefined;
    }
    if (!community || !p.grid) continue;
    const gridId = community.grids.get(squeeze(p.grid));
    if (gridId) gridOf.set(p, gridId);
    else fail(p, 'grid', 'UNKNOWN_GRID', { community: community.name, value: short(p.grid) });
  }

  // Nobody twice: not within the file, not a resident already registered.
  const firstRowOf = new Map<string, number>();
  for (const p of rows) {
    if (!p.idNumber) continue;
    const first = firstRowOf.get(p.idNumber);
    if (first) fail(p, 'idNumber', 'DUPLICATE_IN_FILE', { other: first });
    else firstRowOf.set(p.idNumber, p.row);
  }
  const cipher = fieldCipher();
  const indexOf = new Map<ParsedRow, string>();
  for (const p of rows) if (p.idNumber) indexOf.set(p, cipher.blindIndex('idNumber', p.idNumber));
  const stored = await repo.findResidentsByIdIndexes(db, [...new Set(indexOf.values())]);
  const storedOf = (p: ParsedRow) => {
    const index = indexOf.get(p);
    return index ? stored.get(index) : undefined;
  };
  for (const p of rows) if (storedOf(p)) fail(p, 'idNumber', 'DUPLICATE_STORED');

  // Households as the file says.
  const addressOf = (p: ParsedRow) => {
    const gridId = gridOf.get(p);
    return gridId && p.room
      ? addressKey([gridId, p.room.building, p.room.unitNo, p.room.room])
      : '';
  };
  // Head names group rows only when the file has them (a 户主姓名 column); a head's row may leave
  // its own name out of it.
  const withHeadNames = rows.some((p) => p.headName !== '');
  const headNameOf = (p: ParsedRow) =>
    !withHeadNames ? '' : p.headName || (p.relation === 'self' ? p.name : '');
  const groups = new Map<string, ParsedRow[]>();
  for (const p of rows) {
    const address = addressOf(p);
    const key = p.householdNo
      ? `no\u0001${p.householdNo}`
      : !address
        ? `row\u0001${p.row}`
        : headNameOf(p)
          ? `head\u0001${address}\u0001${squeeze(headNameOf(p))}`
          : `address\u0001${address}`;
    const group = groups.get(key);
    if (group) group.push(p);
    else groups.set(key, [p]);
  }

  // Households registered earlier that headless groups may join.
  const headless = [...groups.values()].filter((g) => !g.some((p) => p.relation === 'self'));
  const byNumber = new Map<string, string>();
  const byAddress = new Map<string, string[]>();
  const byHead = new Map<string, string[]>();
  if (headless.length) {
    const gridIds = [...new Set(headless.flat().flatMap((p) => gridOf.get(p) ?? []))];
    for (const h of await repo.findHouseholdHeads(db, gridIds)) {
      const address = addressKey([h.grid_id, h.building, h.unit_no, h.room]);
      byAddress.set(address, [...(byAddress.get(address) ?? []), h.id]);
      const head = `${address}\u0001${squeeze(h.head_name)}`;
      byHead.set(head, [...(byHead.get(head) ?? []), h.id]);
    }
    const numbers = [...new Set(headless.flat().flatMap((p) => p.householdNo || []))];
    const streets = [...new Set(places.streetOfGrid.values())];
    for (const [key, id] of await repo.findHouseholdsByNumber(db, streets, numbers))
      byNumber.set(key, id);
  }
  const storedHousehold = (members: ParsedRow[]): string | undefined => {
    for (const p of members) {
      const gridId = gridOf.get(p);
      if (!gridId) continue;
      const street = places.streetOfGrid.get(gridId);
      if (p.householdNo) {
        const id = byNumber.get(`${street}\u0001${p.householdNo}`);
        if (id) return id;
        continue;
      }
      const address = addressOf(p);
      const candidates = p.headName
        ? byHead.get(`${address}\u0001${squeeze(p.headName)}`)
        : byAddress.get(address);
      if (candidates?.length === 1) return candidates[0];
    }
    return undefined;
  };

  const households: PlannedHousehold[] = [];
  const member = (p: ParsedRow): MemberInput => ({ ...p.resident!, relationToHead: p.relation! });
  for (const members of groups.values()) {
    const count = members.length;
    const heads = members.filter((p) => p.relation === 'self');
    if (heads.length > 1) {
      for (const p of members) fail(p, 'relation', 'MANY_HEADS', { count, heads: heads.length });
      continue;
    }
    const head = heads[0];
    const good = (p: ParsedRow) => p !== head && p.problems.length === 0;
    if (!head) {
      const join = storedHousehold(members);
      const gridId = members.map((p) => gridOf.get(p)).find(Boolean);
      if (join && gridId) {
        const joining = members.filter(good);
        if (joining.length)
          households.push({
            rows: joining.map((p) => p.row),
            join,
            gridId,
            members: joining.map(member),
          });
      } else
        for (const p of members)
          if (!p.problems.some((x) => x.column === 'relation'))
            fail(p, 'relation', 'NO_HEAD', { count });
      continue;
    }
    const headStored = storedOf(head);
    const onlyStored = head.problems.every((x) => x.code === 'DUPLICATE_STORED');
    if (headStored && onlyStored && headStored.relation_to_head === 'self') {
      // The head is registered already (the same file again, or next month's): new members join.
      const joining = members.filter(good);
      if (joining.length)
        households.push({
          rows: joining.map((p) => p.row),
          join: headStored.household_id,
          gridId: gridOf.get(head)!,
          members: joining.map(member),
        });
      continue;
    }
    if (head.problems.length) {
      for (const p of members) if (good(p)) fail(p, null, 'HOUSEHOLD_SKIPPED', { rows: head.row });
      continue;
    }
    const others = members.filter(good);
    households.push({
      rows: [head.row, ...others.map((p) => p.row)],
      householdNo: head.householdNo || undefined,
      create: {
        gridId: gridOf.get(head)!,
        ...head.room!,
        ...head.household,
        head: head.resident!,
        members: others.map(member),
      },
    });
  }
  const problems = rows.flatMap((p) => p.problems);
  return {
    households,
    validRows: households.reduce((n, h) => n + h.rows.length, 0),
    problems,
    problemRows: new Set(problems.map((p) => p.row)).size,
  };
}

const columnOrder = new Map<LedgerColumnKey | null, number>([
  [null, -1],
  ...ledgerColumns.map((c, i): [LedgerColumnKey, number] => [c.key, i]),
]);

export const sortProblems = (problems: Problem[]): Problem[] =>
  [...problems].sort(
    (a, b) => a.row - b.row || columnOrder.get(a.column)! - columnOrder.get(b.column)!,
  );

/** The problems in the caller's language, each naming the column as the file heads it. */
export function presentProblems(
  problems: Problem[],
  headerOf: Partial<Record<string, string>>,
  locale: Locale,
): ImportProblem[] {
  return problems.map((p) => ({
    row: p.row,
    column: p.column
      ? (headerOf[p.column] ?? ledgerColumns.find((c) => c.key === p.column)!.header)
      : null,
    code: p.code,
    reason: interpolate(ledgerProblemMessages[locale][p.code], p.params),
  }));
}
