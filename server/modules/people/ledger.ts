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
import type { Resident, ResidentQuery, Sensitive } from '../../../common/schemas/people';
import type { Role } from '../../../common/roles';
import type { Db } from '../../db';
import type { HouseholdRow, NewRecordHistory, NewResident } from '../../db/schema';
import { forbidden } from '../../lib/errors';
import { nowIso } from '../../lib/time';
import { actorOf, recordAudit } from '../audit/service';
import { hasRole, type Caller } from '../../lib/caller';
import { describeGrids, type GridPlacement } from '../org/service';
import { PEOPLE_READERS } from './access';
import type { PlannedHousehold } from './ledger-check';
import { tableWorkbook } from '../../lib/table-workbook';
import { ledgerTemplate } from './ledger-sheet';
import * as repo from './repo';
import { residentsForExport } from './residents';
import {
  householdRowFor,
  placementFor,
  residentRowsFor,
  type ChangeSource,
  type Ctx,
} from './service';

/**
 * The register (台账) in and out of Excel. An import is a job (modules/imports): the file is read and
 * its rows checked in a worker (ledger-parse), planned into households here (ledger-check), then
 * written in chunks, each chunk one short transaction of a few bulk statements.
 */

/** Rows an export may hold: a large street's register, less than would exhaust memory. */
export const RESIDENT_EXPORT_LIMIT = 50_000;

/** Where an entry about the caller's whole area belongs in the audit log: the deepest unit above all of it. */
export function areaPath(caller: Caller, roles: readonly Role[]): string | null {
  const paths = caller.assignments.flatMap((a) =>
    roles.includes(a.role) && a.area ? [a.area.path] : [],
  );
  if (paths.length === 0) return null;
  const parts = paths.map((p) => p.split('/').filter(Boolean));
  const common = parts[0].filter((id, i) => parts.every((q) => q[i] === id));
  return common.length ? `/${common.join('/')}/` : null;
}

/** The rows one chunk of planned households makes, built before its transaction opens. */
export interface LedgerChunk {
  households: HouseholdRow[];
  residents: NewResident[];
  tags: { resident_id: string; tag: string; street_id: string; community_id: string }[];
  history: NewRecordHistory[];
  numbers: { street_id: string; household_no: string; household_id: string }[];
  /** Residents joining a household registered before (not one of this chunk's new ones). */
  joining: Set<string>;
}

/**
 * Builds the rows of a chunk: sealing, pinyin and history are done here, outside any transaction, so
 * that the transaction itself is a few bulk statements and other users' requests wait little.
 */
export async function buildLedgerChunk(
  db: Db,
  caller: Caller,
  planned: PlannedHousehold[],
  source: ChangeSource,
  placements: Map<string, GridPlacement>,
): Promise<LedgerChunk> {
  const chunk: LedgerChunk = {
    households: [],
    residents: [],
    tags: [],
    history: [],
    numbers: [],
    joining: new Set(),
  };
  const placement = async (gridId: string) => {
    let p = placements.get(gridId);
    if (!p) placements.set(gridId, (p = await placementFor(db, caller, gridId)));
    return p;
  };
  const joinIds = [...new Set(planned.flatMap((h) => ('join' in h ? [h.join] : [])))];
  const joinRows = new Map((await repo.findHouseholdsByIds(db, joinIds)).map((h) => [h.id, h]));
  const add = (built: ReturnType<typeof residentRowsFor>) => {
    chunk.residents.push(built.resident);
    chunk.history.push(...built.history);
    for (const tag of built.tags)
      chunk.tags.push({
        resident_id: built.resident.id,
        tag,
        street_id: built.resident.street_id,
        community_id: built.resident.community_id,
      });
  };
  for (const h of planned) {
    if ('join' in h) {
      const row = joinRows.get(h.join);
      if (!row || row.status !== 'active') continue;
      // The caller must still be allowed to write where the household is.
      await placement(row.grid_id);
      for (const m of h.members) {
        const built = residentRowsFor(caller, m, row, source);
        chunk.joining.add(built.resident.id);
        add(built);
      }
      continue;
    }
    const row = householdRowFor(await placement(h.create.gridId), h.create);
    const head = residentRowsFor(caller, { ...h.create.head, relationToHead: 'self' }, row, source);
    row.head_resident_id = head.resident.id;
    chunk.households.push(row);
    add(head);
    for (const m of h.create.members) add(residentRowsFor(caller, m, row, source));
    if (h.householdNo)
      chunk.numbers.push({
        street_id: row.street_id,
        household_no: h.householdNo,
        household_id: row.id,
      });
  }
  return chunk;
}

/**
 * Writes a built chunk inside the caller's transaction. A resident registered by someone else since
 * the check is left out (with their new household, when it is the head), so nobody is there twice.
 */
export async function writeLedgerChunk(
  db: Db,
  chunk: LedgerChunk,
): Promise<{ households: number; membersAdded: number }> {
  const indexes = chunk.residents.flatMap((r) => r.id_number_index ?? []);
  const taken = new Set((await repo.findResidentsByIdIndexes(db, indexes)).keys());
  const isTaken = (r: NewResident) => !!r.id_number_index && taken.has(r.id_number_index);
  const dropped = new Set(
    chunk.residents
      .filter((r) => isTaken(r) && r.relation_to_head === 'self')
      .map((r) => r.household_id),
  );
  const residents = chunk.residents.filter((r) => !isTaken(r) && !dropped.has(r.household_id));
  const kept = new Set(residents.map((r) => r.id));
  await repo.insertHouseholdsBulk(db, {
    households: chunk.households.filter((h) => !dropped.has(h.id)),
    residents,
    tags: chunk.tags.filter((t) => kept.has(t.resident_id)),
    history: chunk.history.filter((h) => kept.has(h.entity_id)),
  });
  await repo.insertHouseholdNumbers(
    db,
    chunk.numbers.filter((n) => !dropped.has(n.household_id)),
  );
  const joined = residents.filter((r) => chunk.joining.has(r.id));
  const touched = [...new Set(joined.map((r) => r.household_id))];
  // A household that gained members has changed: a form opened on it before must see a new version.
  await repo.bumpHouseholdVersions(db, touched, nowIso());
  return {
    households: chunk.households.length - dropped.size,
    membersAdded: joined.length,
  };
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
