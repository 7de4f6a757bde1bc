import type { Role } from '../../../common/roles';
import type {
  Checklist,
  ChecklistCreate,
  ChecklistItem,
  ChecklistUpdate,
  ChecklistVersion,
} from '../../../common/schemas/places';
import type { z } from 'zod';
import type { zChecklistItemInput } from '../../../common/schemas/places';
import type { ChecklistRow, ChecklistVersionRow } from '../../db/schema';
import { AppError, forbidden, notFound, stale } from '../../lib/errors';
import { newId } from '../../lib/ids';
import { nowIso } from '../../lib/time';
import { actorOf, recordAudit } from '../audit/service';
import { covers, scopePaths, type Caller } from '../../lib/caller';
import { staffDisplayNames } from '../auth/staff-service';
import { describeUnits, getOrgUnit } from '../org/service';
import * as repo from './repo';
import type { Ctx } from './service';

/**
 * Checklists (检查表) belong to a district or a street and are read by everyone at or below it.
 * Every edit writes a new version and never changes an old one: an inspection names the version
 * it was done with, so it keeps showing the items it was done with whatever happens to the template.
 */
const CHECKLIST_WRITERS: readonly Role[] = ['districtAdmin', 'streetAdmin'];

/** Every unit path above and at the caller's own units: the owners whose checklists they use. */
function ownerPathsAbove(caller: Caller): string[] {
  const paths = new Set<string>();
  for (const a of caller.assignments) {
    const ids = a.path.split('/').filter(Boolean);
    for (let i = 1; i <= ids.length; i++) paths.add(`/${ids.slice(0, i).join('/')}/`);
  }
  return [...paths];
}

const canRead = (caller: Caller, row: ChecklistRow): boolean =>
  caller.assignments.some((a) => a.path.startsWith(row.org_path)) || covers(caller, row.org_path);
const canWrite = (caller: Caller, row: Pick<ChecklistRow, 'org_path'>): boolean =>
  covers(caller, row.org_path, CHECKLIST_WRITERS);

export const itemsOf = (v: ChecklistVersionRow): ChecklistItem[] =>
  JSON.parse(v.items) as ChecklistItem[];

function present(row: ChecklistRow, v: ChecklistVersionRow, ownerName: string): Checklist {
  return {
    id: row.id,
    name: row.name,
    topic: row.topic as Checklist['topic'],
    description: row.description,
    ownerUnitId: row.owner_unit_id,
    ownerName,
    status: row.status,
    currentVersion: row.current_version,
    currentVersionId: row.current_version_id,
    items: itemsOf(v),
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function presentVersion(v: ChecklistVersionRow, createdBy: string): ChecklistVersion {
  return {
    id: v.id,
    checklistId: v.checklist_id,
    number: v.number,
    name: v.name,
    topic: v.topic as ChecklistVersion['topic'],
    items: itemsOf(v),
    createdBy,
    createdAt: v.created_at,
  };
}

async function presentMany(db: Ctx['db'], rows: ChecklistRow[]): Promise<Checklist[]> {
  const versions = new Map(
    (
      await repo.getChecklistVersions(
        db,
        rows.map((r) => r.current_version_id),
      )
    ).map((v) => [v.id, v]),
  );
  const owners = await describeUnits(
    db,
    rows.map((r) => r.owner_unit_id),
  );
  return rows.map((r) =>
    present(r, versions.get(r.current_version_id)!, owners.get(r.owner_unit_id)?.name ?? ''),
  );
}

export async function listChecklists(opts: Ctx & { includeRetired: boolean }) {
  const rows = await repo.findChecklists(
    opts.db,
    ownerPathsAbove(opts.caller),
    scopePaths(opts.caller),
    opts.includeRetired,
  );
  return { items: await presentMany(opts.db, rows) };
}

async function readable(db: Ctx['db'], caller: Caller, id: string): Promise<ChecklistRow> {
  const row = await repo.getChecklist(db, id);
  if (!row || !canRead(caller, row)) throw notFound();
  return row;
}

export async function getChecklist(opts: Ctx & { id: string }): Promise<Checklist> {
  return (await presentMany(opts.db, [await readable(opts.db, opts.caller, opts.id)]))[0];
}

export async function getChecklistVersion(
  opts: Ctx & { id: string; number: number },
): Promise<ChecklistVersion> {
  await readable(opts.db, opts.caller, opts.id);
  const v = await repo.findChecklistVersionByNumber(opts.db, opts.id, opts.number);
  if (!v) throw notFound();
  const names = await staffDisplayNames(opts.db, [v.created_by]);
  return presentVersion(v, names.get(v.created_by) ?? '');
}

/** An active checklist the caller may use, with its current version, for a new inspection. */
export async function usableChecklist(
  db: Ctx['db'],
  caller: Caller,
  id: string,
): Promise<{ checklist: ChecklistRow; version: ChecklistVersionRow }> {
  const row = await repo.getChecklist(db, id);
  if (!row || !canRead(caller, row))
    throw new AppError(400, 'NOT_FOUND', {}, { field: 'checklistId' });
  if (row.status !== 'active')
    throw new AppError(409, 'CHECKLIST_RETIRED', {}, { field: 'checklistId' });
  return { checklist: row, version: (await repo.getChecklistVersion(db, row.current_version_id))! };
}

type ItemInput = z.infer<typeof zChecklistItemInput>;

function itemsFrom(input: ItemInput[]): ChecklistItem[] {
  const items = input.map((i) => ({
    id: i.id ?? newId(),
    text: i.text,
    category: i.category || null,
    photoRequired: i.photoRequired,
  }));
  if (new Set(items.map((i) => i.id)).size !== items.length)
    throw new AppError(400, 'DUPLICATE_CHECKLIST_ITEM', {}, { field: 'items' });
  return items;
}

async function ownerFor(ctx: Ctx, ownerUnitId: string | undefined) {
  const { caller } = ctx;
  const id =
    ownerUnitId ??
    caller.assignments.find((a) => a.role === 'streetAdmin')?.orgUnitId ??
    caller.assignments.find((a) => a.role === 'districtAdmin')?.orgUnitId;
  if (!id) throw forbidden();
  const unit = await getOrgUnit({ db: ctx.db, caller, id });
  if (unit.kind !== 'district' && unit.kind !== 'street')
    throw new AppError(400, 'CHECKLIST_OWNER_INVALID', {}, { field: 'ownerUnitId' });
  if (!canWrite(caller, { org_path: unit.path })) throw forbidden();
  return unit;
}

export async function createChecklist(
  opts: Ctx & { input: ChecklistCreate },
): Promise<{ checklist: Checklist; created: boolean }> {
  const { caller, input } = opts;
  return opts.db.transaction().execute(async (db) => {
    const id = input.id ?? newId();
    const existing = await repo.getChecklist(db, id);
    if (existing) {
      if (!canRead(caller, existing) || existing.name !== input.name)
        throw new AppError(409, 'ID_CONFLICT');
      return { checklist: (await presentMany(db, [existing]))[0], created: false };
    }
    const owner = await ownerFor({ db, caller }, input.ownerUnitId);
    const now = nowIso();
    const version: ChecklistVersionRow = {
      id: newId(),
      checklist_id: id,
      number: 1,
      name: input.name,
      topic: input.topic,
      items: JSON.stringify(itemsFrom(input.items)),
      created_by: caller.userId,
      created_at: now,
    };
    const row: ChecklistRow = {
      id,
      owner_unit_id: owner.id,
      street_id: owner.kind === 'street' ? owner.id : null,
      org_path: owner.path,
      name: input.name,
      topic: input.topic,
      description: input.description || null,
      status: 'active',
      current_version: 1,
      current_version_id: version.id,
      created_by: caller.userId,
      version: 1,
      created_at: now,
      updated_at: now,
    };
    await repo.insertChecklist(db, row);
    await repo.insertChecklistVersion(db, version);
    await recordAudit(db, {
      actor: actorOf(caller),
      action: 'checklist.create',
      entity: 'checklist',
      entityId: id,
      orgPath: row.org_path,
    });
    return { checklist: (await presentMany(db, [row]))[0], created: true };
  });
}

export async function updateChecklist(
  opts: Ctx & { id: string; input: ChecklistUpdate },
): Promise<Checklist> {
  const { caller, input } = opts;
  return opts.db.transaction().execute(async (db) => {
    const row = await readable(db, caller, opts.id);
    if (!canWrite(caller, row)) throw forbidden();
    const current = async () =>
      (await presentMany(db, [(await repo.getChecklist(db, row.id))!]))[0];
    if (row.version !== input.version) throw stale(await current());
    const now = nowIso();
    const name = input.name ?? row.name;
    const topic = input.topic ?? row.topic;
    const version: ChecklistVersionRow = {
      id: newId(),
      checklist_id: row.id,
      number: row.current_version + 1,
      name,
      topic,
      items: JSON.stringify(itemsFrom(input.items)),
      created_by: caller.userId,
      created_at: now,
    };
    const saved = await repo.updateChecklist(db, row.id, input.version, {
      name,
      topic,
      description: input.description === undefined ? row.description : input.description || null,
      current_version: version.number,
      current_version_id: version.id,
      updated_at: now,
    });
    if (!saved) throw stale(await current());
    await repo.insertChecklistVersion(db, version);
    await recordAudit(db, {
      actor: actorOf(caller),
      action: 'checklist.update',
      entity: 'checklist',
      entityId: row.id,
      detail: `v${version.number}`,
      orgPath: row.org_path,
    });
    return current();
  });
}

export async function setChecklistStatus(
  opts: Ctx & { id: string; version: number; status: 'active' | 'retired' },
): Promise<Checklist> {
  const { caller } = opts;
  return opts.db.transaction().execute(async (db) => {
    const row = await readable(db, caller, opts.id);
    if (!canWrite(caller, row)) throw forbidden();
    const current = async () =>
      (await presentMany(db, [(await repo.getChecklist(db, row.id))!]))[0];
    if (
      row.version !== opts.version ||
      !(await repo.updateChecklist(db, row.id, opts.version, {
        status: opts.status,
        updated_at: nowIso(),
      }))
    )
      throw stale(await current());
    await recordAudit(db, {
      actor: actorOf(caller),
      action: opts.status === 'retired' ? 'checklist.retire' : 'checklist.restore',
      entity: 'checklist',
      entityId: row.id,
      orgPath: row.org_path,
    });
    return current();
  });
}
