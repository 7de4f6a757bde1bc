import type {
  Household,
  HouseholdCreate,
  HouseholdUpdate,
  ResidentFields,
  zAddMember,
  zChangeHead,
  zMoveHousehold,
  zRemoveMember,
  zSplitHousehold,
} from '../../../common/schemas/people';
import type { z } from 'zod';
import type { relationsToHead } from '../../../common/people';
import type { Db } from '../../db';
import type { HouseholdRow, NewRecordHistory, NewResident, ResidentRow } from '../../db/schema';
import { fieldCipher } from '../../lib/crypto';
import { AppError, forbidden, notFound, stale } from '../../lib/errors';
import { newId } from '../../lib/ids';
import { nowIso } from '../../lib/time';
import { actorOf, recordAudit } from '../audit/service';
import type { Caller } from '../../lib/caller';
import { staffActors } from '../auth/staff-service';
import { describeGrids, findGridPlacement, type GridPlacement } from '../org/service';
import {
  caseTies,
  fieldAccess,
  formatAddress,
  isMinor,
  maskName,
  PEOPLE_READERS,
  PEOPLE_WRITERS,
  presentResident,
  rolesAt,
  sensitiveFields,
  type FieldAccess,
  type SensitiveField,
} from './access';
import { historyValue, residentColumns } from './fields';
import * as repo from './repo';

export {
  careTagsOf,
  residentBasics,
  residentIdsOfHousehold,
  residentsNamedLike,
  type ResidentBasics,
} from './facts';

export interface Ctx {
  db: Db;
  caller: Caller;
}
/** Where a change came from, kept with each history entry. */
export interface ChangeSource {
  type: 'manual' | 'visit' | 'import';
  id?: string;
}

type RelationToHead = (typeof relationsToHead)[number];
type Located = Pick<HouseholdRow, 'street_id' | 'community_id' | 'grid_id' | 'org_path'>;

/** A change to a household that the people caring for it must react to soon (a death, a move, new health facts). */
export interface MajorChange {
  householdId: string;
  residentIds: string[];
  /** What happened, in words for the case timeline. */
  what: string;
}
export type MajorChangeListener = (db: Db, caller: Caller, change: MajorChange) => Promise<void>;
const majorChangeListeners: MajorChangeListener[] = [];
/** The cases module listens without the people module importing it. */
export function onMajorChange(listener: MajorChangeListener): void {
  majorChangeListeners.push(listener);
}
async function majorChange(db: Db, caller: Caller, change: MajorChange): Promise<void> {
  for (const listener of majorChangeListeners) await listener(db, caller, change);
}
/** Corrections that count as a major change of a person's situation. */
const MAJOR_FIELDS = new Set(['careTags', 'healthNotes', 'disability', 'selfCare']);

function checkArea(caller: Caller, row: Located, write: boolean): void {
  const roles = rolesAt(caller, row);
  // Outside the caller's area a record does not exist for them.
  if (!roles.some((r) => PEOPLE_READERS.includes(r))) throw notFound();
  if (write && !roles.some((r) => PEOPLE_WRITERS.includes(r))) throw forbidden();
}

export async function householdInScope(
  db: Db,
  caller: Caller,
  id: string,
  write: boolean,
): Promise<HouseholdRow> {
  const h = await repo.getHousehold(db, id);
  if (!h) throw notFound();
  checkArea(caller, h, write);
  return h;
}

export async function residentInScope(
  db: Db,
  caller: Caller,
  id: string,
  write: boolean,
): Promise<ResidentRow> {
  const r = await repo.getResident(db, id);
  if (!r) throw notFound();
  checkArea(caller, r, write);
  return r;
}

export async function placementFor(db: Db, caller: Caller, gridId: string): Promise<GridPlacement> {
  const p = await findGridPlacement(db, gridId);
  if (!p) throw new AppError(400, 'NOT_FOUND', {}, { field: 'gridId' });
  checkArea(
    caller,
    { street_id: p.streetId, community_id: p.communityId, grid_id: p.gridId, org_path: p.path },
    true,
  );
  return p;
}

const placeColumns = (p: GridPlacement) => ({
  street_id: p.streetId,
  community_id: p.communityId,
  grid_id: p.gridId,
  org_path: p.path,
});

/** Every sensitive field's access for each resident, with the caller's case ties looked up once. */
async function accessFor(
  db: Db,
  caller: Caller,
  rows: ResidentRow[],
): Promise<Map<string, Record<SensitiveField, FieldAccess>>> {
  const ties = await caseTies(
    db,
    caller,
    rows.map((r) => r.id),
  );
  return new Map(
    rows.map((r) => [r.id, fieldAccess(rolesAt(caller, r), ties.get(r.id), isMinor(r))]),
  );
}

/** Whole values sent to the caller are reads of sensitive data: each one is in the audit log. */
async function auditWholeReads(
  db: Db,
  caller: Caller,
  rows: ResidentRow[],
  access: Map<string, Record<SensitiveField, FieldAccess>>,
) {
  for (const r of rows) {
    const a = access.get(r.id)!;
    const sealed = {
      idNumber: r.id_number_sealed,
      phone: r.phone_sealed,
      healthNotes: r.health_notes_sealed,
      disability: r.disability_sealed,
    };
    const read = sensitiveFields.filter((f) => a[f] === 'whole' && sealed[f] !== null);
    if (read.length) {
      await recordAudit(db, {
        actor: actorOf(caller),
        action: 'resident.readSensitive',
        entity: 'resident',
        entityId: r.id,
        changedFields: read,
        orgPath: r.org_path,
      });
    }
  }
}

export async function presentHousehold(
  db: Db,
  caller: Caller,
  h: HouseholdRow,
): Promise<Household> {
  const members = await repo.findMembers(db, h.id);
  const access = await accessFor(db, caller, members);
  const tags = await repo.findCareTags(
    db,
    members.map((m) => m.id),
  );
  const place = (await describeGrids(db, [h.grid_id])).get(h.grid_id);
  const address = formatAddress(h, place?.communityName);
  await auditWholeReads(db, caller, members, access);
  return {
    id: h.id,
    communityId: h.community_id,
    communityName: place?.communityName ?? '',
    gridId: h.grid_id,
    gridName: place?.gridName ?? '',
    building: h.building,
    unitNo: h.unit_no,
    room: h.room,
    address,
    headResidentId: h.head_resident_id,
    housing: h.housing as Household['housing'],
    incomeSources: JSON.parse(h.income_sources) as Household['incomeSources'],
    economicStatus: h.economic_status as Household['economicStatus'],
    notes: h.notes,
    status: h.status,
    members: members.map((m) =>
      presentResident(m, {
        access: access.get(m.id)!,
        tags: tags.filter((t) => t.resident_id === m.id).map((t) => t.tag),
        address,
      }),
    ),
    version: h.version,
    createdAt: h.created_at,
    updatedAt: h.updated_at,
  };
}

function historyRows(
  caller: Caller,
  base: {
    household_id: string;
    entity: 'household' | 'resident';
    entity_id: string;
    operation: string;
  },
  source: ChangeSource,
  changes: { field: string | null; old: unknown; new: unknown }[],
): NewRecordHistory[] {
  const at = nowIso();
  return changes.map((c) => ({
    id: newId(),
    ...base,
    field: c.field,
    old_value: c.field ? historyValue(c.field, c.old) : null,
    new_value: c.field ? historyValue(c.field, c.new) : (c.new as string | null),
    source_type: source.type,
    source_id: source.id ?? null,
    user_id: caller.userId,
    username: caller.username,
    at,
  }));
}

/** The rows one new resident makes: the resident, its care tags and its history entry. */
export function residentRowsFor(
  caller: Caller,
  input: MemberInput,
  household: { id: string } & Located,
  source: ChangeSource,
): { resident: NewResident; tags: string[]; history: NewRecordHistory[] } {
  const id = input.id ?? newId();
  const now = nowIso();
  const cols = residentColumns(input);
  const resident = {
    id,
    household_id: household.id,
    street_id: household.street_id,
    community_id: household.community_id,
    grid_id: household.grid_id,
    org_path: household.org_path,
    relation_to_head: input.relationToHead,
    name: input.name,
    name_pinyin: cols.name_pinyin!,
    name_initials: cols.name_initials!,
    gender: cols.gender ?? null,
    birth_date: cols.birth_date ?? null,
    ethnicity: cols.ethnicity ?? null,
    id_number_sealed: cols.id_number_sealed ?? null,
    id_number_index: cols.id_number_index ?? null,
    id_number_masked: cols.id_number_masked ?? null,
    phone_sealed: cols.phone_sealed ?? null,
    phone_index: cols.phone_index ?? null,
    phone_last4: cols.phone_last4 ?? null,
    phone_masked: cols.phone_masked ?? null,
    registration_status: cols.registration_status ?? 'localResident',
    health_notes_sealed: cols.health_notes_sealed ?? null,
    disability_sealed: cols.disability_sealed ?? null,
    self_care: cols.self_care ?? null,
    status: 'living' as const,
    version: 1,
    created_at: now,
    updated_at: now,
  };
  const history = historyRows(
    caller,
    { household_id: household.id, entity: 'resident', entity_id: id, operation: 'addMember' },
    source,
    [{ field: null, old: null, new: input.name }],
  );
  return { resident, tags: [...new Set(input.careTags ?? [])], history };
}

async function insertResidentRow(
  db: Db,
  caller: Caller,
  input: MemberInput,
  household: { id: string } & Located,
  source: ChangeSource,
): Promise<string> {
  const { resident, tags, history } = residentRowsFor(caller, input, household, source);
  if (
    resident.id_number_index &&
    (await repo.findResidentByIdNumberIndex(db, resident.id_number_index))
  ) {
    throw new AppError(409, 'DUPLICATE_RESIDENT', {}, { field: 'idNumber' });
  }
  await repo.insertResident(db, resident);
  await repo.replaceCareTags(db, resident, tags);
  await repo.insertHistory(db, history);
  return resident.id;
}

/** A member registered with the household, beside its head. */
export type MemberInput = ResidentFields & { id?: string; relationToHead: RelationToHead };

/**
 * Registers a household, its head and any further members inside the caller's transaction, with
 * history entries from the given source. The form (createHousehold) and the register import share it.
 */
/** The household row a new household makes (its head is set once the head's row exists). */
export function householdRowFor(place: GridPlacement, input: HouseholdCreate): HouseholdRow {
  const now = nowIso();
  return {
    id: input.id ?? newId(),
    ...placeColumns(place),
    building: input.building,
    unit_no: input.unitNo ?? null,
    room: input.room,
    head_resident_id: null,
    housing: input.housing ?? null,
    income_sources: JSON.stringify(input.incomeSources ?? []),
    economic_status: input.economicStatus ?? 'normal',
    notes: input.notes ?? null,
    status: 'active',
    version: 1,
    created_at: now,
    updated_at: now,
  };
}

export async function insertHouseholdWith(
  db: Db,
  caller: Caller,
  input: HouseholdCreate & { members?: MemberInput[] },
  source: ChangeSource,
): Promise<HouseholdRow> {
  const place = await placementFor(db, caller, input.gridId);
  const row = householdRowFor(place, input);
  await repo.insertHousehold(db, row);
  const headId = await insertResidentRow(
    db,
    caller,
    { ...input.head, relationToHead: 'self' },
    row,
    source,
  );
  for (const m of input.members ?? []) await insertResidentRow(db, caller, m, row, source);
  await db
    .updateTable('household')
    .set({ head_resident_id: headId })
    .where('id', '=', row.id)
    .execute();
  await recordAudit(db, {
    actor: actorOf(caller),
    action: 'household.create',
    entity: 'household',
    entityId: row.id,
    orgPath: row.org_path,
    detail: source.id ? `${source.type}:${source.id}` : source.type,
  });
  return { ...row, head_resident_id: headId };
}

export async function createHousehold(
  opts: Ctx & { input: HouseholdCreate; source?: ChangeSource },
): Promise<{ household: Household; created: boolean }> {
  const { caller, input } = opts;
  const source = opts.source ?? { type: 'manual' };
  return opts.db.transaction().execute(async (db) => {
    const existing = input.id ? await repo.getHousehold(db, input.id) : undefined;
    if (existing) {
      checkArea(caller, existing, false);
      const same =
        existing.grid_id === input.gridId &&
        existing.building === input.building &&
        existing.room === input.room;
      if (!same) throw new AppError(409, 'ID_CONFLICT');
      return { household: await presentHousehold(db, caller, existing), created: false };
    }
    const row = await insertHouseholdWith(db, caller, input, source);
    return { household: await presentHousehold(db, caller, row), created: true };
  });
}

async function saveHousehold(
  db: Db,
  h: HouseholdRow,
  version: number,
  patch: Parameters<typeof repo.updateHousehold>[3],
) {
  if (h.version !== version || !(await repo.updateHousehold(db, h.id, version, patch))) {
    throw stale({ id: h.id, version: (await repo.getHousehold(db, h.id))?.version });
  }
}

export async function updateHousehold(
  opts: Ctx & { id: string; input: HouseholdUpdate; source?: ChangeSource },
): Promise<Household> {
  const { caller, input } = opts;
  return opts.db.transaction().execute(async (db) => {
    const h = await householdInScope(db, caller, opts.id, true);
    const now = nowIso();
    const next = {
      housing: input.housing === undefined ? h.housing : input.housing,
      income_sources:
        input.incomeSources === undefined ? h.income_sources : JSON.stringify(input.incomeSources),
      economic_status: input.economicStatus ?? h.economic_status,
      notes: input.notes === undefined ? h.notes : input.notes,
    };
    const changes = (Object.keys(next) as (keyof typeof next)[])
      .filter((k) => next[k] !== h[k])
      .map((k) => ({
        field:
          k === 'income_sources' ? 'incomeSources' : k === 'economic_status' ? 'economicStatus' : k,
        old: h[k],
        new: next[k],
      }));
    await saveHousehold(db, h, input.version, { ...next, updated_at: now });
    await repo.insertHistory(
      db,
      historyRows(
        caller,
        { household_id: h.id, entity: 'household', entity_id: h.id, operation: 'update' },
        opts.source ?? { type: 'manual' },
        changes,
      ),
    );
    await recordAudit(db, {
      actor: actorOf(caller),
      action: 'household.update',
      entity: 'household',
      entityId: h.id,
      changedFields: changes.map((c) => c.field),
      orgPath: h.org_path,
    });
    return presentHousehold(db, caller, (await repo.getHousehold(db, h.id))!);
  });
}

/** The plain (unsealed) value of a resident field as stored, for diffs and history. */
function currentValue(r: ResidentRow, field: keyof ResidentFields, tags: string[]): unknown {
  switch (field) {
    case 'name':
      return r.name;
    case 'gender':
      return r.gender;
    case 'birthDate':
      return r.birth_date;
    case 'ethnicity':
      return r.ethnicity;
    case 'idNumber':
      return r.id_number_sealed ? fieldCipher().open(r.id_number_sealed) : null;
    case 'phone':
      return r.phone_sealed ? fieldCipher().open(r.phone_sealed) : null;
    case 'registrationStatus':
      return r.registration_status;
    case 'careTags':
      return [...tags].sort();
    case 'healthNotes':
      return r.health_notes_sealed ? fieldCipher().open(r.health_notes_sealed) : null;
    case 'disability':
      return r.disability_sealed
        ? (JSON.parse(fieldCipher().open(r.disability_sealed)) as unknown)
        : null;
    case 'selfCare':
      return r.self_care;
  }
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** What a patch would change: field, old and new, both plain; the caller masks them as their access says. */
export async function diffResident(
  db: Db,
  r: ResidentRow,
  patch: Partial<ResidentFields>,
): Promise<{ field: keyof ResidentFields; old: unknown; new: unknown }[]> {
  const tags = (await repo.findCareTags(db, [r.id])).map((t) => t.tag);
  return (Object.keys(patch) as (keyof ResidentFields)[])
    .filter((k) => patch[k] !== undefined)
    .map((k) => ({
      field: k,
      old: currentValue(r, k, tags),
      new: k === 'careTags' ? [...(patch.careTags ?? [])].sort() : patch[k],
    }))
    .filter((c) => !same(c.old, c.new));
}

/**
 * Applies a correction to a resident with a history entry per field. Called by the resident form, by a
 * home visit the worker confirmed (source visit) and by imports; runs inside the caller's transaction.
 */
export async function applyResidentChanges(
  db: Db,
  caller: Caller,
  r: ResidentRow,
  version: number,
  patch: Partial<ResidentFields>,
  source: ChangeSource,
): Promise<string[]> {
  const changes = await diffResident(db, r, patch);
  if (changes.length === 0) return [];
  const cols = residentColumns(Object.fromEntries(changes.map((c) => [c.field, c.new])));
  delete (cols as { care_tags?: unknown }).care_tags;
  if (cols.id_number_index) {
    const holder = await repo.findResidentByIdNumberIndex(db, cols.id_number_index);
    if (holder && holder.id !== r.id)
      throw new AppError(409, 'DUPLICATE_RESIDENT', {}, { field: 'idNumber' });
  }
  if (
    r.version !== version ||
    !(await repo.updateResident(db, r.id, version, { ...cols, updated_at: nowIso() }))
  ) {
    throw stale({ id: r.id, version: (await repo.getResident(db, r.id))?.version });
  }
  if (changes.some((c) => c.field === 'careTags'))
    await repo.replaceCareTags(db, r, patch.careTags ?? []);
  await repo.insertHistory(
    db,
    historyRows(
      caller,
      { household_id: r.household_id, entity: 'resident', entity_id: r.id, operation: 'update' },
      source,
      changes,
    ),
  );
  await recordAudit(db, {
    actor: actorOf(caller),
    action: 'resident.update',
    entity: 'resident',
    entityId: r.id,
    changedFields: changes.map((c) => c.field),
    orgPath: r.org_path,
    detail: source.type === 'manual' ? undefined : `${source.type}:${source.id ?? ''}`,
  });
  const major = changes.filter((c) => MAJOR_FIELDS.has(c.field)).map((c) => c.field);
  if (major.length) {
    await majorChange(db, caller, {
      householdId: r.household_id,
      residentIds: [r.id],
      what: `${r.name}: ${major.join(', ')}`,
    });
  }
  return changes.map((c) => c.field);
}

export async function updateResident(
  opts: Ctx & { id: string; version: number; patch: Partial<ResidentFields> },
): Promise<Household> {
  return opts.db.transaction().execute(async (db) => {
    const r = await residentInScope(db, opts.caller, opts.id, true);
    await applyResidentChanges(db, opts.caller, r, opts.version, opts.patch, { type: 'manual' });
    return presentHousehold(db, opts.caller, (await repo.getHousehold(db, r.household_id))!);
  });
}

async function householdOp<T>(
  opts: Ctx & { id: string; version: number; operation: string },
  work: (db: Db, h: HouseholdRow, now: string) => Promise<T>,
): Promise<Household> {
  return opts.db.transaction().execute(async (db) => {
    const h = await householdInScope(db, opts.caller, opts.id, true);
    const now = nowIso();
    await saveHousehold(db, h, opts.version, { updated_at: now });
    await work(db, h, now);
    await recordAudit(db, {
      actor: actorOf(opts.caller),
      action: `household.${opts.operation}`,
      entity: 'household',
      entityId: h.id,
      orgPath: h.org_path,
    });
    return presentHousehold(db, opts.caller, (await repo.getHousehold(db, h.id))!);
  });
}

export function addMember(
  opts: Ctx & { id: string; input: z.infer<typeof zAddMember> },
): Promise<Household> {
  const { input } = opts;
  return householdOp({ ...opts, version: input.version, operation: 'addMember' }, async (db, h) => {
    await insertResidentRow(db, opts.caller, input, h, { type: 'manual' });
  });
}

export function removeMember(
  opts: Ctx & { id: string; input: z.infer<typeof zRemoveMember> },
): Promise<Household> {
  const { input, caller } = opts;
  return householdOp(
    { ...opts, version: input.version, operation: 'removeMember' },
    async (db, h, now) => {
      const r = await repo.getResident(db, input.residentId);
      if (!r || r.household_id !== h.id || r.status !== 'living')
        throw new AppError(400, 'NOT_FOUND', {}, { field: 'residentId' });
      const living = (await repo.findMembers(db, h.id)).filter((m) => m.status === 'living');
      if (h.head_resident_id === r.id && living.length > 1)
        throw new AppError(409, 'HEAD_MUST_CHANGE', {}, { field: 'residentId' });
      await repo.updateResident(db, r.id, null, { status: input.reason, updated_at: now });
      if (living.length === 1)
        await db
          .updateTable('household')
          .set({ status: 'dissolved' })
          .where('id', '=', h.id)
          .execute();
      await repo.insertHistory(
        db,
        historyRows(
          caller,
          { household_id: h.id, entity: 'resident', entity_id: r.id, operation: 'removeMember' },
          { type: 'manual' },
          [{ field: 'status', old: 'living', new: input.reason }],
        ),
      );
      await majorChange(db, caller, {
        householdId: h.id,
        residentIds: living.map((m) => m.id),
        what: `${r.name}: ${input.reason}`,
      });
    },
  );
}

export function changeHead(
  opts: Ctx & { id: string; input: z.infer<typeof zChangeHead> },
): Promise<Household> {
  const { input, caller } = opts;
  return householdOp(
    { ...opts, version: input.version, operation: 'changeHead' },
    async (db, h, now) => {
      const members = await repo.findMembers(db, h.id);
      const head = members.find((m) => m.id === input.residentId && m.status === 'living');
      if (!head) throw new AppError(400, 'NOT_FOUND', {}, { field: 'residentId' });
      await db
        .updateTable('household')
        .set({ head_resident_id: head.id })
        .where('id', '=', h.id)
        .execute();
      // Relations are to the head: the new head is "self"; the others as the form says, else "other".
      for (const m of members) {
        const relation =
          m.id === head.id
            ? 'self'
            : (input.relations?.[m.id] ??
              (m.relation_to_head === 'self' ? 'other' : m.relation_to_head));
        if (relation !== m.relation_to_head)
          await repo.updateResident(db, m.id, null, {
            relation_to_head: relation,
            updated_at: now,
          });
      }
      const oldHead = members.find((m) => m.id === h.head_resident_id);
      await repo.insertHistory(
        db,
        historyRows(
          caller,
          { household_id: h.id, entity: 'household', entity_id: h.id, operation: 'changeHead' },
          { type: 'manual' },
          [{ field: 'head', old: oldHead?.name ?? null, new: head.name }],
        ),
      );
    },
  );
}

export function moveHousehold(
  opts: Ctx & { id: string; input: z.infer<typeof zMoveHousehold> },
): Promise<Household> {
  const { input, caller } = opts;
  return householdOp({ ...opts, version: input.version, operation: 'move' }, async (db, h, now) => {
    const place = await placementFor(db, caller, input.gridId);
    await db
      .updateTable('household')
      .set({
        ...placeColumns(place),
        building: input.building,
        unit_no: input.unitNo ?? null,
        room: input.room,
      })
      .where('id', '=', h.id)
      .execute();
    const members = await repo.findMembers(db, h.id);
    await repo.relocateResidents(
      db,
      members.map((m) => m.id),
      { ...placeColumns(place), updated_at: now },
    );
    const from = formatAddress(
      h,
      (await describeGrids(db, [h.grid_id])).get(h.grid_id)?.communityName,
    );
    const to = formatAddress(
      { building: input.building, unit_no: input.unitNo ?? null, room: input.room },
      place.communityName,
    );
    await repo.insertHistory(
      db,
      historyRows(
        caller,
        { household_id: h.id, entity: 'household', entity_id: h.id, operation: 'move' },
        { type: 'manual' },
        [{ field: 'address', old: from, new: to }],
      ),
    );
    await majorChange(db, caller, {
      householdId: h.id,
      residentIds: members.map((m) => m.id),
      what: `${from} → ${to}`,
    });
  });
}

export async function splitHousehold(
  opts: Ctx & { id: string; input: z.infer<typeof zSplitHousehold> },
): Promise<{ from: Household; to: Household }> {
  const { input, caller } = opts;
  const newId_ = input.newHouseholdId ?? newId();
  const from = await householdOp(
    { ...opts, version: input.version, operation: 'split' },
    async (db, h, now) => {
      const members = await repo.findMembers(db, h.id);
      const moving = members.filter(
        (m) => input.residentIds.includes(m.id) && m.status === 'living',
      );
      if (moving.length !== input.residentIds.length)
        throw new AppError(400, 'NOT_FOUND', {}, { field: 'residentIds' });
      if (!input.residentIds.includes(input.headResidentId))
        throw new AppError(400, 'NOT_FOUND', {}, { field: 'headResidentId' });
      const staying = members.filter(
        (m) => m.status === 'living' && !input.residentIds.includes(m.id),
      );
      if (staying.length === 0)
        throw new AppError(400, 'SPLIT_LEAVES_NOTHING', {}, { field: 'residentIds' });
      if (input.residentIds.includes(h.head_resident_id ?? ''))
        throw new AppError(409, 'HEAD_MUST_CHANGE', {}, { field: 'residentIds' });
      const place = await placementFor(db, caller, input.gridId);
      await repo.insertHousehold(db, {
        ...h,
        id: newId_,
        ...placeColumns(place),
        building: input.building,
        unit_no: input.unitNo ?? null,
        room: input.room,
        head_resident_id: input.headResidentId,
        notes: null,
        status: 'active',
        version: 1,
        created_at: now,
        updated_at: now,
      });
      await repo.relocateResidents(db, input.residentIds, {
        household_id: newId_,
        ...placeColumns(place),
        updated_at: now,
      });
      for (const m of moving)
        await repo.updateResident(db, m.id, null, {
          relation_to_head: m.id === input.headResidentId ? 'self' : 'other',
        });
      const names = moving.map((m) => m.name).join('、');
      await repo.insertHistory(db, [
        ...historyRows(
          caller,
          { household_id: h.id, entity: 'household', entity_id: h.id, operation: 'split' },
          { type: 'manual', id: newId_ },
          [{ field: null, old: null, new: names }],
        ),
        ...historyRows(
          caller,
          { household_id: newId_, entity: 'household', entity_id: newId_, operation: 'splitFrom' },
          { type: 'manual', id: h.id },
          [{ field: null, old: null, new: names }],
        ),
      ]);
    },
  );
  const to = await opts.db
    .transaction()
    .execute(async (db) => presentHousehold(db, caller, (await repo.getHousehold(db, newId_))!));
  return { from, to };
}

/** A household as a door-to-door round needs it: where it is and whose door; no sensitive field. */
export interface DoorHousehold {
  id: string;
  streetId: string;
  communityId: string;
  gridId: string;
  orgPath: string;
  /** Building, unit and room, without the community's name. */
  address: string;
  /** The head's name, masked as lists show it (李**). */
  headName: string;
}

/**
 * The active households of these communities or grids (or with these ids), for campaigns. The caller's
 * scope is the campaign's to check: this only says where each household is.
 */
export async function findDoorHouseholds(
  db: Db,
  where: { unitIds?: string[]; ids?: string[] },
): Promise<DoorHousehold[]> {
  const rows = await repo.findDoorHouseholds(db, where);
  return rows.map((h) => ({
    id: h.id,
    streetId: h.street_id,
    communityId: h.community_id,
    gridId: h.grid_id,
    orgPath: h.org_path,
    address: formatAddress(h),
    headName: h.head_name ? maskName(h.head_name) : '',
  }));
}

export const countDoorHouseholds = (db: Db, unitIds: string[]): Promise<number> =>
  repo.countDoorHouseholds(db, unitIds);

export async function getHousehold(opts: Ctx & { id: string }): Promise<Household> {
  return opts.db
    .transaction()
    .execute(async (db) =>
      presentHousehold(db, opts.caller, await householdInScope(db, opts.caller, opts.id, false)),
    );
}

export async function getHistory(opts: Ctx & { id: string }) {
  const h = await householdInScope(opts.db, opts.caller, opts.id, false);
  const rows = await repo.findHistory(opts.db, h.id, 500);
  const actors = await staffActors(
    opts.db,
    rows.flatMap((r) => (r.user_id ? [r.user_id] : [])),
  );
  return rows.map((r) => ({
    id: r.id,
    entity: r.entity,
    entityId: r.entity_id,
    operation: r.operation,
    field: r.field,
    oldValue: r.old_value,
    newValue: r.new_value,
    sourceType: r.source_type,
    sourceId: r.source_id,
    username: r.username,
    actor: (r.user_id && actors.get(r.user_id)) || null,
    at: r.at,
  }));
}
