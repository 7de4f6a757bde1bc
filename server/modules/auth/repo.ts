import { sql } from 'kysely';
import type { Db } from '../../db';
import { paginate, type Page } from '../../db/paging';
import type {
  NewStaffUser,
  RoleAssignmentRow,
  SessionRow,
  StaffUserRow,
  StaffUserTable,
} from '../../db/schema';
import type { Updateable } from 'kysely';
import type { unitColumns } from '../org/service';

export async function getStaffUser(db: Db, id: string): Promise<StaffUserRow | undefined> {
  return db.selectFrom('staff_user').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findStaffUserByUsername(
  db: Db,
  username: string,
): Promise<StaffUserRow | undefined> {
  return db
    .selectFrom('staff_user')
    .selectAll()
    .where('username', '=', username)
    .executeTakeFirst();
}

export async function insertStaffUser(db: Db, row: NewStaffUser): Promise<void> {
  await db.insertInto('staff_user').values(row).execute();
}

/** Applies the patch only if the stored version is the one read (or always, when no version is named). */
export async function updateStaffUser(
  db: Db,
  id: string,
  version: number | null,
  patch: Updateable<StaffUserTable>,
): Promise<boolean> {
  let q = db
    .updateTable('staff_user')
    .set({ ...patch, version: sql<number>`version + 1` })
    .where('id', '=', id);
  if (version !== null) q = q.where('version', '=', version);
  const r = await q.executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function findAssignments(db: Db, userIds: string[]): Promise<RoleAssignmentRow[]> {
  if (userIds.length === 0) return [];
  return db
    .selectFrom('role_assignment')
    .selectAll()
    .where('user_id', 'in', userIds)
    .orderBy('created_at')
    .execute();
}

export async function replaceAssignments(
  db: Db,
  userId: string,
  rows: { id: string; role: string; org_unit_id: string; created_at: string }[],
): Promise<void> {
  await db.deleteFrom('role_assignment').where('user_id', '=', userId).execute();
  if (rows.length)
    await db
      .insertInto('role_assignment')
      .values(rows.map((r) => ({ ...r, user_id: userId })))
      .execute();
}

export async function unitHasAssignments(db: Db, unitId: string): Promise<boolean> {
  const row = await db
    .selectFrom('role_assignment')
    .select('id')
    .where('org_unit_id', '=', unitId)
    .executeTakeFirst();
  return row !== undefined;
}

export async function findStaffStatuses(
  db: Db,
  ids: string[],
): Promise<{ id: string; status: string }[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('staff_user').select(['id', 'status']).where('id', 'in', ids).execute();
}

export async function findDisplayNames(db: Db, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('staff_user')
    .select(['id', 'display_name'])
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return new Map(rows.map((r) => [r.id, r.display_name]));
}

/** Staff by id with each one's roles, for naming who did what ("赵晓雯 · 社工"). */
export async function findStaffWithRoles(
  db: Db,
  ids: string[],
): Promise<{ id: string; display_name: string; role: string | null }[]> {
  if (ids.length === 0) return [];
  return db
    .selectFrom('staff_user')
    .leftJoin('role_assignment', 'role_assignment.user_id', 'staff_user.id')
    .select(['staff_user.id', 'staff_user.display_name', 'role_assignment.role'])
    .where('staff_user.id', 'in', [...new Set(ids)])
    .execute();
}

/** Active staff holding one of the roles at one of the units (not below them). */
export async function findActiveStaffAt(
  db: Db,
  unitIds: string[],
  roles: readonly string[],
): Promise<{ id: string; display_name: string; role: string; org_unit_id: string }[]> {
  if (unitIds.length === 0 || roles.length === 0) return [];
  return db
    .selectFrom('role_assignment')
    .innerJoin('staff_user', 'staff_user.id', 'role_assignment.user_id')
    .select([
      'staff_user.id',
      'staff_user.display_name',
      'role_assignment.role',
      'role_assignment.org_unit_id',
    ])
    .where('role_assignment.org_unit_id', 'in', unitIds)
    .where('role_assignment.role', 'in', roles)
    .where('staff_user.status', '=', 'active')
    .orderBy('staff_user.display_name')
    .execute();
}

export interface StaffFilter {
  q?: string;
  role?: string;
  status?: 'active' | 'disabled';
  /** Staff with an assignment on one of these units (the org units under the caller's scope). */
  unitIds: string[];
}

function filteredStaff(db: Db, f: StaffFilter) {
  let q = db.selectFrom('staff_user');
  q = q.where((eb) =>
    eb.exists(
      eb
        .selectFrom('role_assignment')
        .select('role_assignment.id')
        .whereRef('role_assignment.user_id', '=', 'staff_user.id')
        .where('role_assignment.org_unit_id', 'in', f.unitIds)
        .$if(f.role !== undefined, (s) => s.where('role_assignment.role', '=', f.role!)),
    ),
  );
  if (f.status) q = q.where('status', '=', f.status);
  if (f.q) {
    const like = `%${f.q.replace(/[%_\\]/g, '')}%`;
    // User names are lower case; LIKE is case-sensitive on both databases.
    q = q.where((eb) =>
      eb.or([eb('username', 'like', like.toLowerCase()), eb('display_name', 'like', like)]),
    );
  }
  return q;
}

export async function findStaffUsers(
  db: Db,
  f: StaffFilter,
  page: Page,
): Promise<{ rows: StaffUserRow[]; total: number }> {
  if (f.unitIds.length === 0) return { rows: [], total: 0 };
  return paginate(db, filteredStaff(db, f).selectAll().orderBy('username'), page);
}

export async function insertSession(db: Db, row: SessionRow): Promise<void> {
  await db.insertInto('session').values(row).execute();
}

export async function getSession(db: Db, id: string): Promise<SessionRow | undefined> {
  return db.selectFrom('session').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function touchSession(
  db: Db,
  id: string,
  lastSeenAt: string,
  expiresAt: string,
): Promise<void> {
  await db
    .updateTable('session')
    .set({ last_seen_at: lastSeenAt, expires_at: expiresAt })
    .where('id', '=', id)
    .execute();
}

export async function deleteSession(db: Db, id: string): Promise<void> {
  await db.deleteFrom('session').where('id', '=', id).execute();
}

export async function deleteSessionsOfUser(
  db: Db,
  userId: string,
  exceptId?: string,
): Promise<void> {
  let q = db.deleteFrom('session').where('user_id', '=', userId);
  if (exceptId) q = q.where('id', '!=', exceptId);
  await q.execute();
}

export async function deleteExpiredSessions(db: Db, now: string): Promise<void> {
  await db.deleteFrom('session').where('expires_at', '<', now).execute();
}

export async function countStaffUsers(db: Db): Promise<number> {
  const { n } = await db
    .selectFrom('staff_user')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(n);
}

/**
 * A session with its user and the user's role assignments, with each unit's kind and path (the
 * org module's columns, `unit`, on the assignment's unit id `a.org_unit_id`), in one statement:
 * every request resolves its caller, so this is the one read that all of them pay. One row per
 * assignment; a user without any gives one row with null assignment columns.
 */
export async function findSessionWithCaller(
  db: Db,
  id: string,
  unit: ReturnType<typeof unitColumns>,
) {
  return db
    .selectFrom('session as s')
    .innerJoin('staff_user as u', 'u.id', 's.user_id')
    .leftJoin('role_assignment as a', 'a.user_id', 'u.id')
    .select([
      's.id as session_id',
      's.csrf_token',
      's.expires_at',
      's.last_seen_at',
      'u.id as user_id',
      'u.username',
      'u.display_name',
      'u.status',
      'u.totp_enabled',
      'a.role',
      'a.org_unit_id',
      ...unit,
    ])
    .where('s.id', '=', id)
    .orderBy('a.created_at')
    .orderBy('a.id')
    .execute();
}
