import { roles, type Role } from '../../../common/roles';
import type { StaffActor } from '../../../common/schemas/auth';
import type {
  RoleAssignment,
  Staff,
  StaffCreate,
  StaffQuery,
  StaffRoles,
  StaffUpdate,
} from '../../../common/schemas/staff';
import type { Db } from '../../db';
import { pageOf } from '../../db/paging';
import type { StaffUserRow } from '../../db/schema';
import { AppError, forbidden, notFound, stale } from '../../lib/errors';
import { newId } from '../../lib/ids';
import { nowIso } from '../../lib/time';
import { actorOf, provideActorLookup, recordAudit } from '../audit/service';
import { describeUnits, unitIdsUnder, unitReach } from '../org/service';
import { covers, hasRole, scopePaths, type Caller } from '../../lib/caller';
import { assertStrongPassword, hashPassword } from './password';
import * as repo from './repo';

/** Admins manage accounts; a station supervisor may look at the staff of the station. */
const STAFF_ADMINS: readonly Role[] = ['districtAdmin', 'streetAdmin'];
const STAFF_READERS: readonly Role[] = ['districtAdmin', 'streetAdmin', 'stationSupervisor'];

const rank = (r: Role) => roles.indexOf(r);

// The audit register names who did what through this module's staff.
provideActorLookup((db, ids) => staffActors(db, ids));

async function presentStaff(db: Db, users: StaffUserRow[]): Promise<Staff[]> {
  const assignments = await repo.findAssignments(
    db,
    users.map((u) => u.id),
  );
  const units = await describeUnits(
    db,
    assignments.map((a) => a.org_unit_id),
  );
  return users.map((u) => ({
    id: u.id,
    username: u.username,
    displayName: u.display_name,
    phone: u.phone,
    status: u.status,
    lockedUntil: u.locked_until && u.locked_until > nowIso() ? u.locked_until : null,
    totpEnabled: u.totp_enabled === 1,
    roles: assignments
      .filter((a) => a.user_id === u.id)
      .map((a) => {
        const unit = units.get(a.org_unit_id)!;
        return {
          role: a.role as Role,
          orgUnitId: a.org_unit_id,
          orgUnitName: unit.name,
          orgUnitKind: unit.kind,
          orgUnitTrail: unit.trail,
        };
      }),
    version: u.version,
    createdAt: u.created_at,
    updatedAt: u.updated_at,
  }));
}

const presentOne = async (db: Db, u: StaffUserRow) => (await presentStaff(db, [u]))[0];

/** Staff whose every assignment lies in the caller's scope for the given roles; others are not theirs to see or change. */
async function staffInScope(
  db: Db,
  caller: Caller,
  id: string,
  asRoles: readonly Role[],
): Promise<StaffUserRow> {
  const user = await repo.getStaffUser(db, id);
  if (!user) throw notFound();
  const units = await describeUnits(
    db,
    (await repo.findAssignments(db, [id])).map((a) => a.org_unit_id),
  );
  const paths = [...units.values()].map((u) => u.path);
  const readable = user.id === caller.userId || paths.some((p) => covers(caller, p, STAFF_READERS));
  if (!readable) throw notFound();
  if (
    asRoles !== STAFF_READERS &&
    !(paths.length > 0 && paths.every((p) => covers(caller, p, asRoles)))
  )
    throw forbidden();
  return user;
}

/** Each assignment must sit on a live unit the caller administers, with a role no higher than the caller's own there. */
async function checkGrantable(db: Db, caller: Caller, wanted: RoleAssignment[]): Promise<void> {
  const units = await describeUnits(
    db,
    wanted.map((a) => a.orgUnitId),
  );
  wanted.forEach((a, i) => {
    const unit = units.get(a.orgUnitId);
    if (!unit || !covers(caller, unit.path))
      throw new AppError(404, 'NOT_FOUND', {}, { field: `roles.${i}.orgUnitId` });
    const grantors = caller.assignments.filter(
      (g) => STAFF_ADMINS.includes(g.role) && unit.path.startsWith(g.path),
    );
    if (grantors.length === 0) throw forbidden();
    if (!grantors.some((g) => rank(g.role) <= rank(a.role))) {
      throw new AppError(403, 'ROLE_NOT_GRANTABLE', {}, { field: `roles.${i}.role` });
    }
  });
}

const assignmentRows = (wanted: RoleAssignment[]) => {
  const now = nowIso();
  const unique = new Map(wanted.map((a) => [`${a.role}@${a.orgUnitId}`, a]));
  return [...unique.values()].map((a) => ({
    id: newId(),
    role: a.role,
    org_unit_id: a.orgUnitId,
    created_at: now,
  }));
};

export async function listStaff(opts: { db: Db; caller: Caller; query: StaffQuery }) {
  const { db, caller, query } = opts;
  if (!hasRole(caller, STAFF_READERS)) throw forbidden();
  let underPaths = scopePaths(caller, STAFF_READERS);
  if (query.orgUnitId) {
    const unit = (await describeUnits(db, [query.orgUnitId])).get(query.orgUnitId);
    if (!unit || !covers(caller, unit.path, STAFF_READERS)) throw notFound();
    underPaths = [unit.path];
  }
  const unitIds = await unitIdsUnder(db, underPaths);
  const { rows, total } = await repo.findStaffUsers(
    db,
    { q: query.q, role: query.role, status: query.status, unitIds },
    pageOf(query),
  );
  return { items: await presentStaff(db, rows), total, page: query.page, pageSize: query.pageSize };
}

export async function getStaff(opts: { db: Db; caller: Caller; id: string }): Promise<Staff> {
  return presentOne(opts.db, await staffInScope(opts.db, opts.caller, opts.id, STAFF_READERS));
}

export async function createStaff(opts: {
  db: Db;
  caller: Caller;
  input: StaffCreate;
}): Promise<{ staff: Staff; created: boolean }> {
  const { caller, input } = opts;
  if (!hasRole(caller, STAFF_ADMINS)) throw forbidden();
  const passwordHash = await hashPassword(input.password);
  return opts.db.transaction().execute(async (db) => {
    await checkGrantable(db, caller, input.roles);
    const id = input.id ?? newId();
    const existing = await repo.getStaffUser(db, id);
    if (existing) {
      // A resent create: same user name, same person; otherwise the id is someone else's.
      if (existing.username !== input.username || existing.display_name !== input.displayName)
        throw new AppError(409, 'ID_CONFLICT');
      return {
        staff: await presentOne(db, await staffInScope(db, caller, id, STAFF_READERS)),
        created: false,
      };
    }
    if (await repo.findStaffUserByUsername(db, input.username))
      throw new AppError(409, 'USERNAME_TAKEN', {}, { field: 'username' });
    assertStrongPassword(input.password, input.username);
    const now = nowIso();
    await repo.insertStaffUser(db, {
      id,
      username: input.username,
      display_name: input.displayName,
      phone: input.phone ?? null,
      password_hash: passwordHash,
      status: 'active',
      failed_logins: 0,
      locked_until: null,
      totp_secret: null,
      totp_enabled: 0,
      version: 1,
      created_at: now,
      updated_at: now,
    });
    await repo.replaceAssignments(db, id, assignmentRows(input.roles));
    const units = await describeUnits(
      db,
      input.roles.map((r) => r.orgUnitId),
    );
    await recordAudit(db, {
      actor: actorOf(caller),
      action: 'staffUser.create',
      entity: 'staffUser',
      entityId: id,
      changedFields: ['username', 'displayName', 'phone', 'roles'],
      orgPath: units.get(input.roles[0].orgUnitId)?.path,
    });
    return { staff: await presentOne(db, (await repo.getStaffUser(db, id))!), created: true };
  });
}

async function saveVersioned(
  db: Db,
  user: StaffUserRow,
  version: number,
  patch: Parameters<typeof repo.updateStaffUser>[3],
) {
  if (user.version !== version || !(await repo.updateStaffUser(db, user.id, version, patch))) {
    throw stale(await presentOne(db, (await repo.getStaffUser(db, user.id)) ?? user));
  }
}

async function orgPathOf(db: Db, userId: string): Promise<string | undefined> {
  const [first] = await repo.findAssignments(db, [userId]);
  return first
    ? (await describeUnits(db, [first.org_unit_id])).get(first.org_unit_id)?.path
    : undefined;
}

export async function updateStaff(opts: {
  db: Db;
  caller: Caller;
  id: string;
  input: StaffUpdate;
}): Promise<Staff> {
  const { caller, input } = opts;
  return opts.db.transaction().execute(async (db) => {
    const user = await staffInScope(db, caller, opts.id, STAFF_ADMINS);
    const changed = (['displayName', 'phone'] as const).filter((k) => input[k] !== undefined);
    await saveVersioned(db, user, input.version, {
      display_name: input.displayName ?? user.display_name,
      phone: input.phone === undefined ? user.phone : input.phone,
      updated_at: nowIso(),
    });
    await recordAudit(db, {
      actor: actorOf(caller),
      action: 'staffUser.update',
      entity: 'staffUser',
      entityId: user.id,
      changedFields: [...changed],
      orgPath: await orgPathOf(db, user.id),
    });
    return await presentOne(db, (await repo.getStaffUser(db, user.id))!);
  });
}

export async function setStaffStatus(opts: {
  db: Db;
  caller: Caller;
  id: string;
  version: number;
  status: 'active' | 'disabled';
}): Promise<Staff> {
  const { caller } = opts;
  return opts.db.transaction().execute(async (db) => {
    const user = await staffInScope(db, caller, opts.id, STAFF_ADMINS);
    if (user.id === caller.userId && opts.status === 'disabled')
      throw new AppError(400, 'CANNOT_DISABLE_SELF');
    await saveVersioned(db, user, opts.version, { status: opts.status, updated_at: nowIso() });
    if (opts.status === 'disabled') await repo.deleteSessionsOfUser(db, user.id);
    await recordAudit(db, {
      actor: actorOf(caller),
      action: opts.status === 'disabled' ? 'staffUser.disable' : 'staffUser.enable',
      entity: 'staffUser',
      entityId: user.id,
      changedFields: ['status'],
      orgPath: await orgPathOf(db, user.id),
    });
    return await presentOne(db, (await repo.getStaffUser(db, user.id))!);
  });
}

export async function resetStaffPassword(opts: {
  db: Db;
  caller: Caller;
  id: string;
  newPassword: string;
}): Promise<void> {
  const { caller } = opts;
  const passwordHash = await hashPassword(opts.newPassword);
  await opts.db.transaction().execute(async (db) => {
    const user = await staffInScope(db, caller, opts.id, STAFF_ADMINS);
    assertStrongPassword(opts.newPassword, user.username, 'newPassword');
    // A new password also lifts any hold on log-in (the throttle counts failures per password):
    // that is what the held-off worker phones the admin for.
    await repo.updateStaffUser(db, user.id, null, {
      password_hash: passwordHash,
      failed_logins: 0,
      locked_until: null,
      updated_at: nowIso(),
    });
    await repo.deleteSessionsOfUser(db, user.id);
    await recordAudit(db, {
      actor: actorOf(caller),
      action: 'staffUser.resetPassword',
      entity: 'staffUser',
      entityId: user.id,
      changedFields: ['password'],
      orgPath: await orgPathOf(db, user.id),
    });
  });
}

export async function setStaffRoles(opts: {
  db: Db;
  caller: Caller;
  id: string;
  input: StaffRoles;
}): Promise<Staff> {
  const { caller, input } = opts;
  return opts.db.transaction().execute(async (db) => {
    const user = await staffInScope(db, caller, opts.id, STAFF_ADMINS);
    await checkGrantable(db, caller, input.roles);
    await saveVersioned(db, user, input.version, { updated_at: nowIso() });
    await repo.replaceAssignments(db, user.id, assignmentRows(input.roles));
    await repo.deleteSessionsOfUser(
      db,
      user.id,
      user.id === caller.userId ? caller.sessionId : undefined,
    );
    await recordAudit(db, {
      actor: actorOf(caller),
      action: 'staffUser.setRoles',
      entity: 'staffUser',
      entityId: user.id,
      changedFields: ['roles'],
      detail: input.roles.map((r) => `${r.role}@${r.orgUnitId}`).join(', '),
      orgPath: await orgPathOf(db, user.id),
    });
    return await presentOne(db, (await repo.getStaffUser(db, user.id))!);
  });
}

/** For the command line and demo data: an account made without a caller, password strength still checked. */
export async function createStaffDirect(db: Db, input: StaffCreate): Promise<string> {
  assertStrongPassword(input.password, input.username);
  const passwordHash = await hashPassword(input.password);
  const id = input.id ?? newId();
  const now = nowIso();
  await db.transaction().execute(async (trx) => {
    if (await repo.findStaffUserByUsername(trx, input.username))
      throw new AppError(409, 'USERNAME_TAKEN', {}, { field: 'username' });
    await repo.insertStaffUser(trx, {
      id,
      username: input.username,
      display_name: input.displayName,
      phone: input.phone ?? null,
      password_hash: passwordHash,
      status: 'active',
      failed_logins: 0,
      locked_until: null,
      totp_secret: null,
      totp_enabled: 0,
      version: 1,
      created_at: now,
      updated_at: now,
    });
    await repo.replaceAssignments(trx, id, assignmentRows(input.roles));
    await recordAudit(trx, {
      actor: { username: 'cli' },
      action: 'staffUser.create',
      entity: 'staffUser',
      entityId: id,
      changedFields: ['username', 'roles'],
    });
  });
  return id;
}

export const countStaff = (db: Db) => repo.countStaffUsers(db);
export const unitHasStaff = (db: Db, unitId: string) => repo.unitHasAssignments(db, unitId);

/** Who holds one of these roles at one of these units, for pickers of a team (no scope check: the caller's module decides). */
export async function activeStaffAt(
  db: Db,
  unitIds: string[],
  roles: readonly Role[],
): Promise<{ id: string; displayName: string; role: Role; unitId: string }[]> {
  return (await repo.findActiveStaffAt(db, unitIds, roles)).map((r) => ({
    id: r.id,
    displayName: r.display_name,
    role: r.role as Role,
    unitId: r.org_unit_id,
  }));
}

/** Display names of staff by id, for showing who did what in another module's records. */
export const staffDisplayNames = (
  db: Db,
  ids: readonly (string | null | undefined)[],
): Promise<Map<string, string>> =>
  repo.findDisplayNames(
    db,
    ids.filter((id): id is string => !!id),
  );

/** Which of these accounts are active (not disabled, not unknown). */
export async function activeStaffIds(db: Db, ids: readonly string[]): Promise<Set<string>> {
  const users = await repo.findStaffStatuses(db, [...new Set(ids)]);
  return new Set(users.filter((u) => u.status === 'active').map((u) => u.id));
}

/**
 * An active staff member's name and the units and roles they hold (with each unit's path), for a
 * module that hands work to them; undefined for a disabled or unknown account.
 */
export async function activeStaffUnits(
  db: Db,
  userId: string,
): Promise<{ name: string; units: { role: Role; unitId: string; path: string }[] } | undefined> {
  const user = await repo.getStaffUser(db, userId);
  if (!user || user.status !== 'active') return undefined;
  const assignments = await repo.findAssignments(db, [userId]);
  const reach = await unitReach(
    db,
    assignments.map((a) => a.org_unit_id),
  );
  return {
    name: user.display_name,
    units: assignments.flatMap((a) => {
      const unit = reach.get(a.org_unit_id);
      return unit ? [{ role: a.role as Role, unitId: a.org_unit_id, path: unit.path }] : [];
    }),
  };
}

/**
 * Who did something, as a person reads it in a history, an activity or the audit log: the display
 * name and the highest of the person's roles (a supervisor who also holds a caseload reads 社工站督导).
 * Accounts that no longer hold a role keep their name, with no role.
 */
export async function staffActors(db: Db, ids: string[]): Promise<Map<string, StaffActor>> {
  const rows = await repo.findStaffWithRoles(db, ids);
  const actors = new Map<string, StaffActor>();
  for (const r of rows) {
    const role = (roles as readonly string[]).includes(r.role ?? '') ? (r.role as Role) : null;
    const known = actors.get(r.id);
    if (!known) actors.set(r.id, { id: r.id, name: r.display_name, role });
    else if (role && (!known.role || roles.indexOf(role) < roles.indexOf(known.role))) {
      known.role = role;
    }
  }
  return actors;
}
