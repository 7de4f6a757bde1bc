import { roles, type Role } from '../../../common/roles';
import {
  batchStatuses,
  type Batch,
  type BatchAdvance,
  type BatchCreate,
  type BatchUpdate,
  type LogCreate,
  type Operation,
  type OperationCreate,
  type OperationDetail,
  type OperationQuery,
  type OperationStatusChange,
  type OperationUpdate,
  type Shift,
  type ShiftCreate,
  type ShiftUpdate,
  type Supply,
  type SupplyCreate,
  type SupplyIssueCreate,
  type SupplyUpdate,
} from '../../../common/schemas/operations';
import type { Db } from '../../db';
import { pageOf } from '../../db/paging';
import type {
  OperationBatchRow,
  OperationRow,
  OperationShiftRow,
  OperationSupplyRow,
} from '../../db/schema';
import { AppError, forbidden, notFound, stale } from '../../lib/errors';
import { newId } from '../../lib/ids';
import { addMinutes, nowIso } from '../../lib/time';
import { actorOf, recordAudit } from '../audit/service';
import { covers, hasRole, scopePaths, type Caller } from '../../lib/caller';
import { activeStaffAt, staffDisplayNames } from '../auth/staff-service';
import { describeUnits, getOrgTree, idsOnPath, unitNames } from '../org/service';
import type { OrgTreeNode } from '../../../common/schemas/org';
import * as repo from './repo';
import { rosterCoverage } from './roster';

/**
 * Support operations (保障任务): an org unit's operation — 市军供站's troop transport, a street's
 * event — with batches moved through planned → arrived → served → departed, supplies prepared and
 * issued, a 24-hour duty roster whose uncovered hours are reported, and a log. Completing it needs
 * every batch departed (or a note why) and freezes it.
 *
 * Who: department officers, community staff and street admins of the owning unit (or above it) and
 * district admins manage; viewers read; for everyone else it does not exist (404).
 */
export const OPERATION_MANAGERS: readonly Role[] = [
  'districtAdmin',
  'streetAdmin',
  'communityStaff',
  'departmentOfficer',
];
export const OPERATION_READERS: readonly Role[] = [...OPERATION_MANAGERS, 'viewer'];
/** Units that may own an operation. */
const OWNER_KINDS = ['district', 'street', 'community', 'department'];
/** Longest period of one operation, so the roster stays a page, not a year. */
const MAX_DAYS = 92;
const MAX_SHIFT_HOURS = 24;
const CLOCK_SKEW_MINUTES = 5;

export type Ctx = { db: Db; caller: Caller };

const mayRead = (caller: Caller, op: OperationRow) =>
  covers(caller, op.org_path, OPERATION_READERS);
const mayManage = (caller: Caller, op: OperationRow) =>
  covers(caller, op.org_path, OPERATION_MANAGERS);

async function readable(db: Db, caller: Caller, id: string): Promise<OperationRow> {
  const op = await repo.getOperation(db, id);
  if (!op || !mayRead(caller, op)) throw notFound();
  return op;
}

/** An operation the caller manages and that is still open to change. */
async function writable(db: Db, caller: Caller, id: string): Promise<OperationRow> {
  const op = await readable(db, caller, id);
  if (!mayManage(caller, op)) throw forbidden();
  if (op.status === 'completed') throw new AppError(409, 'OPERATION_COMPLETED');
  return op;
}

/** A time the phone recorded, or now; never later than now (give or take a phone clock's error). */
function clientTime(at: string | undefined, now: string, field: string): string {
  if (!at) return now;
  const t = new Date(at).toISOString();
  if (t > addMinutes(now, CLOCK_SKEW_MINUTES))
    throw new AppError(400, 'VALIDATION_FAILED', { field, detail: '' }, { field });
  return t;
}

const iso = (t: string) => new Date(t).toISOString();

function checkPeriod(start: string, end: string) {
  const days = (Date.parse(end) - Date.parse(start)) / 86_400_000;
  if (days < 0 || days >= MAX_DAYS)
    throw new AppError(400, 'OPERATION_PERIOD_INVALID', { days: MAX_DAYS }, { field: 'endDate' });
}

// ——— presenting ———

function presentOperation(v: repo.OperationView, units: Map<string, string>): Operation {
  return {
    id: v.id,
    ownerUnit: { id: v.owner_unit_id, name: units.get(v.owner_unit_id) ?? '' },
    title: v.title,
    description: v.description,
    startDate: v.start_date,
    endDate: v.end_date,
    status: v.status,
    completionNote: v.completion_note,
    completedAt: v.completed_at,
    batchCount: Number(v.batch_count ?? 0),
    headCount: Number(v.head_count ?? 0),
    departedCount: Number(v.departed_count ?? 0),
    version: v.version,
    createdAt: v.created_at,
  };
}

export function presentBatch(b: OperationBatchRow): Batch {
  return {
    id: b.id,
    plannedAt: b.planned_at,
    headCount: b.head_count,
    trainNo: b.train_no,
    from: b.from_place,
    to: b.to_place,
    status: b.status,
    arrivedAt: b.arrived_at,
    servedAt: b.served_at,
    departedAt: b.departed_at,
    note: b.note,
    version: b.version,
  };
}

type SupplyIssueView = Awaited<ReturnType<typeof repo.findSupplyIssues>>[number] & {
  by_name: string | null;
};

/** The issues of an operation's supplies, each with who issued it. */
async function findSupplyIssues(db: Db, operationId: string): Promise<SupplyIssueView[]> {
  const issues = await repo.findSupplyIssues(db, operationId);
  const names = await staffDisplayNames(
    db,
    issues.map((i) => i.created_by),
  );
  return issues.map((i) => ({ ...i, by_name: names.get(i.created_by) ?? null }));
}

function presentSupply(s: OperationSupplyRow, issues: SupplyIssueView[]): Supply {
  return {
    id: s.id,
    item: s.item,
    unit: s.unit,
    prepared: s.prepared,
    issued: s.issued,
    left: s.prepared - s.issued,
    issues: issues
      .filter((i) => i.supply_id === s.id)
      .map((i) => ({
        id: i.id,
        quantity: i.quantity,
        at: i.at,
        note: i.note,
        batchId: i.batch_id,
        trainNo: i.train_no ?? null,
        byName: i.by_name ?? '',
      })),
    version: s.version,
  };
}

const peopleOf = (s: OperationShiftRow): { userId: string | null; name: string }[] =>
  JSON.parse(s.people) as { userId: string | null; name: string }[];

function presentShift(s: OperationShiftRow): Shift {
  return {
    id: s.id,
    startsAt: s.starts_at,
    endsAt: s.ends_at,
    people: peopleOf(s),
    note: s.note,
    version: s.version,
  };
}

export async function presentDetail(db: Db, caller: Caller, id: string): Promise<OperationDetail> {
  const v = (await repo.getOperationView(db, id))!;
  const [batches, supplies, issues, shifts, log, units] = await Promise.all([
    repo.findBatches(db, id),
    repo.findSupplies(db, id),
    findSupplyIssues(db, id),
    repo.findShifts(db, id),
    repo.findLog(db, id),
    unitNames(db, [v.owner_unit_id]),
  ]);
  return {
    ...presentOperation(v, units),
    batches: batches.map(presentBatch),
    supplies: supplies.map((s) => presentSupply(s, issues)),
    shifts: shifts.map(presentShift),
    roster: rosterCoverage(
      v.start_date,
      v.end_date,
      shifts.map((s) => ({
        startsAt: s.starts_at,
        endsAt: s.ends_at,
        people: peopleOf(s).map((p) => p.name),
      })),
    ),
    log: log.map((l) => ({ id: l.id, at: l.at, text: l.text, authorName: l.author_name })),
    canManage: mayManage(caller, v) && v.status !== 'completed',
  };
}

// ——— operations ———

export async function listOperations(opts: Ctx & { query: OperationQuery }) {
  const { db, caller, query } = opts;
  if (!hasRole(caller, OPERATION_READERS)) throw forbidden();
  const { rows, total } = await repo.findOperations(
    db,
    { underPaths: scopePaths(caller, OPERATION_READERS), q: query.q, status: query.status },
    pageOf(query),
  );
  const units = await unitNames(
    db,
    rows.map((r) => r.owner_unit_id),
  );
  return {
    items: rows.map((r) => presentOperation(r, units)),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

export async function getOperation(opts: Ctx & { id: string }): Promise<OperationDetail> {
  await readable(opts.db, opts.caller, opts.id);
  return presentDetail(opts.db, opts.caller, opts.id);
}

/** The units the caller may start an operation for: their own and the departments below them. */
export async function ownerUnits(opts: Ctx) {
  const { db, caller } = opts;
  if (!hasRole(caller, OPERATION_MANAGERS)) throw forbidden();
  const tree = await getOrgTree({ db, caller, includeRetired: false });
  const out: { id: string; name: string; kind: string }[] = [];
  const walk = (nodes: OrgTreeNode[]) => {
    for (const n of nodes) {
      if (OWNER_KINDS.includes(n.kind) && covers(caller, n.path, OPERATION_MANAGERS))
        out.push({ id: n.id, name: n.name, kind: n.kind });
      walk(n.children);
    }
  };
  walk(tree);
  return out;
}

export async function createOperation(
  opts: Ctx & { input: OperationCreate },
): Promise<{ operation: OperationDetail; created: boolean }> {
  const { caller, input } = opts;
  return opts.db.transaction().execute(async (db) => {
    if (input.id) {
      const existing = await repo.getOperation(db, input.id);
      if (existing) {
        if (!mayRead(caller, existing) || existing.owner_unit_id !== input.ownerUnitId)
          throw new AppError(409, 'ID_CONFLICT');
        return { operation: await presentDetail(db, caller, existing.id), created: false };
      }
    }
    const unit = (await describeUnits(db, [input.ownerUnitId])).get(input.ownerUnitId);
    if (!unit || !covers(caller, unit.path, OPERATION_READERS))
      throw new AppError(404, 'NOT_FOUND', {}, { field: 'ownerUnitId' });
    if (!covers(caller, unit.path, OPERATION_MANAGERS)) throw forbidden();
    if (!OWNER_KINDS.includes(unit.kind))
      throw new AppError(400, 'OPERATION_OWNER_KIND', {}, { field: 'ownerUnitId' });
    checkPeriod(input.startDate, input.endDate);
    const above = await describeUnits(db, idsOnPath(unit.path));
    const streetId = idsOnPath(unit.path).find((i) => above.get(i)?.kind === 'street') ?? null;
    const now = nowIso();
    const row: OperationRow = {
      id: input.id ?? newId(),
      owner_unit_id: input.ownerUnitId,
      street_id: streetId,
      org_path: unit.path,
      title: input.title,
      description: input.description || null,
      start_date: input.startDate,
      end_date: input.endDate,
      status: 'planned',
      completion_note: null,
      completed_at: null,
      created_by: caller.userId,
      version: 1,
      created_at: now,
      updated_at: now,
    };
    await repo.insertOperation(db, row);
    await recordAudit(db, {
      actor: actorOf(caller),
      action: 'operation.create',
      entity: 'operation',
      entityId: row.id,
      orgPath: row.org_path,
    });
    return { operation: await presentDetail(db, caller, row.id), created: true };
  });
}

async function audit(db: Db, caller: Caller, op: OperationRow, action: string, detail?: string) {
  await recordAudit(db, {
    actor: actorOf(caller),
    action: `operation.${action}`,
    entity: 'operation',
    entityId: op.id,
    detail,
    orgPath: op.org_path,
  });
}

export async function updateOperation(
  opts: Ctx & { id: string; input: OperationUpdate },
): Promise<OperationDetail> {
  const { caller, input } = opts;
  return opts.db.transaction().execute(async (db) => {
    const op = await writable(db, caller, opts.id);
    const current = () => presentDetail(db, caller, op.id);
    if (op.version !== input.version) throw stale(await current());
    const start = input.startDate ?? op.start_date;
    const end = input.endDate ?? op.end_date;
    checkPeriod(start, end);
    const ok = await repo.updateOperation(db, op.id, input.version, {
      title: input.title ?? op.title,
      description: input.description === undefined ? op.description : input.description || null,
      start_date: start,
      end_date: end,
      updated_at: nowIso(),
    });
    if (!ok) throw stale(await current());
    await audit(db, caller, op, 'update');
    return current();
  });
}

/**
 * planned → active → completed (planned → completed too, for one called off). Completing needs every
 * batch departed, or a note saying why not, and freezes the operation.
 */
export async function setOperationStatus(
  opts: Ctx & { id: string; input: OperationStatusChange },
): Promise<OperationDetail> {
  const { caller, input } = opts;
  return opts.db.transaction().execute(async (db) => {
    const op = await readable(db, caller, opts.id);
    if (!mayManage(caller, op)) throw forbidden();
    const current = () => presentDetail(db, caller, op.id);
    if (op.status === input.status) return current();
    if (op.status === 'completed') throw new AppError(409, 'OPERATION_COMPLETED');
    if (op.version !== input.version) throw stale(await current());
    if (input.status === 'planned') throw new AppError(409, 'INVALID_TRANSITION');
    const now = nowIso();
    let note: string | null = null;
    if (input.status === 'completed') {
      const pending = (await repo.findBatches(db, op.id)).filter((b) => b.status !== 'departed');
      note = input.note || null;
      if (pending.length > 0 && !note)
        throw new AppError(
          409,
          'OPERATION_BATCHES_PENDING',
          { count: pending.length },
          { field: 'note' },
        );
    }
    const ok = await repo.updateOperation(db, op.id, input.version, {
      status: input.status,
      completion_note: note,
      completed_at: input.status === 'completed' ? now : null,
      updated_at: now,
    });
    if (!ok) throw stale(await current());
    await audit(db, caller, op, input.status === 'completed' ? 'complete' : 'activate', note ?? '');
    return current();
  });
}

/**
 * A part of an operation (batch, supply, shift) sent again with the id it was made with: the reader
 * gets the operation as it stands, not a second part; an id used under another operation is a conflict.
 */
async function resent(
  db: Db,
  caller: Caller,
  operationId: string,
  id: string | undefined,
  get: (db: Db, id: string) => Promise<{ operation_id: string } | undefined>,
): Promise<OperationDetail | null> {
  const existing = id ? await get(db, id) : undefined;
  if (!existing) return null;
  if (existing.operation_id !== operationId) throw new AppError(409, 'ID_CONFLICT');
  await readable(db, caller, operationId);
  return presentDetail(db, caller, operationId);
}

// ——— batches ———

async function batchOf(db: Db, op: OperationRow, itemId: string): Promise<OperationBatchRow> {
  const b = await repo.getBatch(db, itemId);
  if (!b || b.operation_id !== op.id) throw notFound();
  return b;
}

export async function addBatch(
  opts: Ctx & { id: string; input: BatchCreate },
): Promise<{ operation: OperationDetail; created: boolean }> {
  const { caller, input } = opts;
  return opts.db.transaction().execute(async (db) => {
    const again = await resent(db, caller, opts.id, input.id, repo.getBatch);
    if (again) return { operation: again, created: false };
    const op = await writable(db, caller, opts.id);
    const now = nowIso();
    const id = input.id ?? newId();
    await repo.insertBatch(db, {
      id,
      operation_id: op.id,
      street_id: op.street_id,
      planned_at: iso(input.plannedAt),
      head_count: input.headCount,
      train_no: input.trainNo,
      from_place: input.from,
      to_place: input.to,
      status: 'planned',
      arrived_at: null,
      served_at: null,
      departed_at: null,
      note: input.note || null,
      created_by: caller.userId,
      version: 1,
      created_at: now,
      updated_at: now,
    });
    await audit(db, caller, op, 'batch.add', id);
    return { operation: await presentDetail(db, caller, op.id), created: true };
  });
}

export async function updateBatch(
  opts: Ctx & { id: string; itemId: string; input: BatchUpdate },
): Promise<OperationDetail> {
  const { caller, input } = opts;
  return opts.db.transaction().execute(async (db) => {
    const op = await writable(db, caller, opts.id);
    const b = await batchOf(db, op, opts.itemId);
    if (b.version !== input.version) throw stale(presentBatch(b));
    const ok = await repo.updateBatch(db, b.id, input.version, {
      planned_at: input.plannedAt ? iso(input.plannedAt) : b.planned_at,
      head_count: input.headCount ?? b.head_count,
      train_no: input.trainNo ?? b.train_no,
      from_place: input.from ?? b.from_place,
      to_place: input.to ?? b.to_place,
      note: input.note === undefined ? b.note : input.note || null,
      updated_at: nowIso(),
    });
    if (!ok) throw stale(presentBatch((await repo.getBatch(db, b.id))!));
    await audit(db, caller, op, 'batch.update', b.id);
    return presentDetail(db, caller, op.id);
  });
}

const STEP_TIME = { arrived: 'arrived_at', served: 'served_at', departed: 'departed_at' } as const;

/**
 * Moves a batch one step on (planned → arrived → served → departed), recording when. Asking for the
 * status it already has (a phone's resend) changes nothing; skipping a step or going back is refused.
 */
export async function advanceBatch(
  opts: Ctx & { id: string; itemId: string; input: BatchAdvance },
): Promise<OperationDetail> {
  const { caller, input } = opts;
  return opts.db.transaction().execute(async (db) => {
    const op = await readable(db, caller, opts.id);
    const b = await batchOf(db, op, opts.itemId);
    if (!mayManage(caller, op)) throw forbidden();
    if (b.status === input.status) return presentDetail(db, caller, op.id);
    if (op.status === 'completed') throw new AppError(409, 'OPERATION_COMPLETED');
    const next = batchStatuses[batchStatuses.indexOf(b.status) + 1];
    if (input.status !== next || input.status === 'planned')
      throw new AppError(409, 'BATCH_STATUS_ORDER', {}, { current: presentBatch(b) });
    if (b.version !== input.version) throw stale(presentBatch(b));
    const now = nowIso();
    const step = input.status;
    const ok = await repo.updateBatch(db, b.id, input.version, {
      status: step,
      [STEP_TIME[step]]: clientTime(input.at, now, 'at'),
      updated_at: now,
    });
    if (!ok) throw stale(presentBatch((await repo.getBatch(db, b.id))!));
    await audit(db, caller, op, `batch.${input.status}`, b.id);
    return presentDetail(db, caller, op.id);
  });
}

// ——— supplies ———

async function supplyOf(db: Db, op: OperationRow, itemId: string): Promise<OperationSupplyRow> {
  const s = await repo.getSupply(db, itemId);
  if (!s || s.operation_id !== op.id) throw notFound();
  return s;
}

export async function addSupply(
  opts: Ctx & { id: string; input: SupplyCreate },
): Promise<{ operation: OperationDetail; created: boolean }> {
  const { caller, input } = opts;
  return opts.db.transaction().execute(async (db) => {
    const again = await resent(db, caller, opts.id, input.id, repo.getSupply);
    if (again) return { operation: again, created: false };
    const op = await writable(db, caller, opts.id);
    const now = nowIso();
    const id = input.id ?? newId();
    await repo.insertSupply(db, {
      id,
      operation_id: op.id,
      street_id: op.street_id,
      item: input.item,
      unit: input.unit,
      prepared: input.prepared,
      issued: 0,
      created_by: caller.userId,
      version: 1,
      created_at: now,
      updated_at: now,
    });
    await audit(db, caller, op, 'supply.add', id);
    return { operation: await presentDetail(db, caller, op.id), created: true };
  });
}

export async function updateSupply(
  opts: Ctx & { id: string; itemId: string; input: SupplyUpdate },
): Promise<OperationDetail> {
  const { caller, input } = opts;
  return opts.db.transaction().execute(async (db) => {
    const op = await writable(db, caller, opts.id);
    const s = await supplyOf(db, op, opts.itemId);
    const current = async () =>
      presentSupply((await repo.getSupply(db, s.id))!, await findSupplyIssues(db, op.id));
    if (s.version !== input.version) throw stale(await current());
    if (input.prepared !== undefined && input.prepared < s.issued)
      throw new AppError(409, 'SUPPLY_BELOW_ISSUED', { issued: s.issued }, { field: 'prepared' });
    const ok = await repo.updateSupply(db, s.id, input.version, {
      item: input.item ?? s.item,
      unit: input.unit ?? s.unit,
      prepared: input.prepared ?? s.prepared,
      updated_at: nowIso(),
    });
    if (!ok) throw stale(await current());
    await audit(db, caller, op, 'supply.update', s.id);
    return presentDetail(db, caller, op.id);
  });
}

/** Issues some of a supply (a movement out, to a batch or not); more than is left is refused. */
export async function issueSupply(
  opts: Ctx & { id: string; itemId: string; input: SupplyIssueCreate },
): Promise<{ operation: OperationDetail; created: boolean }> {
  const { caller, input } = opts;
  return opts.db.transaction().execute(async (db) => {
    if (input.id) {
      const existing = await repo.getSupplyIssue(db, input.id);
      if (existing) {
        if (existing.supply_id !== opts.itemId || existing.quantity !== input.quantity)
          throw new AppError(409, 'ID_CONFLICT');
        await readable(db, caller, opts.id);
        return { operation: await presentDetail(db, caller, opts.id), created: false };
      }
    }
    const op = await writable(db, caller, opts.id);
    const s = await supplyOf(db, op, opts.itemId);
    if (input.batchId) {
      const b = await repo.getBatch(db, input.batchId);
      if (!b || b.operation_id !== op.id)
        throw new AppError(400, 'NOT_FOUND', {}, { field: 'batchId' });
    }
    const now = nowIso();
    if (!(await repo.takeSupply(db, s.id, input.quantity, now))) {
      const fresh = (await repo.getSupply(db, s.id))!;
      throw new AppError(
        409,
        'SUPPLY_SHORT',
        { left: fresh.prepared - fresh.issued, unit: fresh.unit },
        { field: 'quantity' },
      );
    }
    const id = input.id ?? newId();
    await repo.insertSupplyIssue(db, {
      id,
      supply_id: s.id,
      operation_id: op.id,
      street_id: op.street_id,
      batch_id: input.batchId ?? null,
      quantity: input.quantity,
      at: clientTime(input.at, now, 'at'),
      note: input.note || null,
      created_by: caller.userId,
      created_at: now,
    });
    await audit(db, caller, op, 'supply.issue', `${s.id} −${input.quantity}`);
    return { operation: await presentDetail(db, caller, op.id), created: true };
  });
}

// ——— roster ———

/** Staff of the operation's own unit, to put on the roster. */
export async function operationStaff(opts: Ctx & { id: string }) {
  const op = await readable(opts.db, opts.caller, opts.id);
  const staff = await activeStaffAt(opts.db, [op.owner_unit_id], roles);
  return [...new Map(staff.map((s) => [s.id, { id: s.id, name: s.displayName }])).values()];
}

async function shiftRow(
  db: Db,
  op: OperationRow,
  input: ShiftCreate | ShiftUpdate,
): Promise<{ starts_at: string; ends_at: string; people: string; note: string | null }> {
  const startsAt = iso(input.startsAt);
  const endsAt = iso(input.endsAt);
  const hours = (Date.parse(endsAt) - Date.parse(startsAt)) / 3_600_000;
  if (hours <= 0 || hours > MAX_SHIFT_HOURS)
    throw new AppError(400, 'SHIFT_TIME_INVALID', { hours: MAX_SHIFT_HOURS }, { field: 'endsAt' });
  const staffIds = [...new Set(input.staffIds)];
  const volunteers = [...new Set(input.volunteers)];
  if (staffIds.length + volunteers.length === 0)
    throw new AppError(400, 'SHIFT_PEOPLE_REQUIRED', {}, { field: 'staffIds' });
  const staff = new Map(
    (await activeStaffAt(db, [op.owner_unit_id], roles)).map((s) => [s.id, s.displayName]),
  );
  const unknown = staffIds.find((s) => !staff.has(s));
  if (unknown) throw new AppError(400, 'SHIFT_STAFF_NOT_IN_UNIT', {}, { field: 'staffIds' });
  const people = [
    ...staffIds.map((userId) => ({ userId, name: staff.get(userId)! })),
    ...volunteers.map((name) => ({ userId: null, name })),
  ];
  return {
    starts_at: startsAt,
    ends_at: endsAt,
    people: JSON.stringify(people),
    note: input.note || null,
  };
}

async function shiftOf(db: Db, op: OperationRow, itemId: string): Promise<OperationShiftRow> {
  const s = await repo.getShift(db, itemId);
  if (!s || s.operation_id !== op.id) throw notFound();
  return s;
}

export async function addShift(
  opts: Ctx & { id: string; input: ShiftCreate },
): Promise<{ operation: OperationDetail; created: boolean }> {
  const { caller, input } = opts;
  return opts.db.transaction().execute(async (db) => {
    const again = await resent(db, caller, opts.id, input.id, repo.getShift);
    if (again) return { operation: again, created: false };
    const op = await writable(db, caller, opts.id);
    const now = nowIso();
    const id = input.id ?? newId();
    await repo.insertShift(db, {
      id,
      operation_id: op.id,
      street_id: op.street_id,
      ...(await shiftRow(db, op, input)),
      created_by: caller.userId,
      version: 1,
      created_at: now,
      updated_at: now,
    });
    await audit(db, caller, op, 'shift.add', id);
    return { operation: await presentDetail(db, caller, op.id), created: true };
  });
}

export async function updateShift(
  opts: Ctx & { id: string; itemId: string; input: ShiftUpdate },
): Promise<OperationDetail> {
  const { caller, input } = opts;
  return opts.db.transaction().execute(async (db) => {
    const op = await writable(db, caller, opts.id);
    const s = await shiftOf(db, op, opts.itemId);
    if (s.version !== input.version) throw stale(presentShift(s));
    const ok = await repo.updateShift(db, s.id, input.version, {
      ...(await shiftRow(db, op, input)),
      updated_at: nowIso(),
    });
    if (!ok) throw stale(presentShift((await repo.getShift(db, s.id))!));
    await audit(db, caller, op, 'shift.update', s.id);
    return presentDetail(db, caller, op.id);
  });
}

export async function deleteShift(
  opts: Ctx & { id: string; itemId: string; version: number },
): Promise<OperationDetail> {
  const { caller } = opts;
  return opts.db.transaction().execute(async (db) => {
    const op = await writable(db, caller, opts.id);
    const s = await shiftOf(db, op, opts.itemId);
    if (s.version !== opts.version || !(await repo.deleteShift(db, s.id, opts.version)))
      throw stale(presentShift(s));
    await audit(db, caller, op, 'shift.delete', s.id);
    return presentDetail(db, caller, op.id);
  });
}

// ——— log ———

/** Appends to the log; entries are never changed. */
export async function addLogEntry(
  opts: Ctx & { id: string; input: LogCreate },
): Promise<{ operation: OperationDetail; created: boolean }> {
  const { caller, input } = opts;
  return opts.db.transaction().execute(async (db) => {
    if (input.id) {
      const existing = await repo.getLogEntry(db, input.id);
      if (existing) {
        if (existing.operation_id !== opts.id || existing.text !== input.text)
          throw new AppError(409, 'ID_CONFLICT');
        await readable(db, caller, opts.id);
        return { operation: await presentDetail(db, caller, opts.id), created: false };
      }
    }
    const op = await writable(db, caller, opts.id);
    const now = nowIso();
    const id = input.id ?? newId();
    await repo.insertLogEntry(db, {
      id,
      operation_id: op.id,
      street_id: op.street_id,
      at: clientTime(input.at, now, 'at'),
      text: input.text,
      author_id: caller.userId,
      author_name: caller.displayName,
      created_at: now,
    });
    await audit(db, caller, op, 'log', id);
    return { operation: await presentDetail(db, caller, op.id), created: true };
  });
}

export const unitHasOperations = (db: Db, unitId: string): Promise<boolean> =>
  repo.unitHasOperations(db, unitId);
