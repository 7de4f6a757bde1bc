import { maskPhone } from '../../../common/people';
import type {
  Attendance,
  AttendanceCreate,
  AttendanceList,
  AttendanceRegister,
} from '../../../common/schemas/activities';
import type { ActivityAttendanceRow } from '../../db/schema';
import { fieldCipher } from '../../lib/crypto';
import { AppError, forbidden, notFound } from '../../lib/errors';
import { newId } from '../../lib/ids';
import { nowIso } from '../../lib/time';
import { actorOf, recordAudit } from '../audit/service';
import { normalisePhone } from '../people/fields';
import { insertHouseholdWith, residentInScope } from '../people/service';
import { helpableActivity, readableActivity, rightsAt } from './access';
import * as repo from './repo';
import type { Ctx } from './service';

/**
 * Check-in (签到): a resident found in the register, or a walk-in by name and phone (sealed, masked in
 * lists) who can be added to the register afterwards. The place is taken with one conditional update,
 * so two phones at the door cannot both take the last one.
 */
export function presentAttendance(
  r: ActivityAttendanceRow & { handouts?: number | string | null },
): Attendance {
  return {
    id: r.id,
    kind: r.kind,
    residentId: r.resident_id,
    name: r.name,
    phone: r.phone_masked,
    checkedInAt: r.checked_in_at,
    registeredAt: r.registered_at,
    handouts: Number(r.handouts ?? 0),
  };
}

export async function listAttendance(opts: Ctx & { id: string }): Promise<AttendanceList> {
  const a = await readableActivity(opts.db, opts.caller, opts.id);
  const rows = await repo.findAttendance(opts.db, a.id);
  return {
    items: rows.map(presentAttendance),
    checkedIn: Number(a.checked_in),
    capacity: a.capacity === null ? null : Number(a.capacity),
  };
}

export async function checkIn(
  opts: Ctx & { id: string; input: AttendanceCreate },
): Promise<{ attendance: Attendance; created: boolean }> {
  const { caller, input } = opts;
  return opts.db.transaction().execute(async (db) => {
    const present = async (id: string) =>
      presentAttendance((await repo.findAttendance(db, opts.id)).find((r) => r.id === id)!);
    if (input.id) {
      const existing = await repo.getAttendance(db, input.id);
      if (existing) {
        const same =
          existing.activity_id === opts.id &&
          existing.created_by === caller.userId &&
          ('residentId' in input
            ? existing.resident_id === input.residentId
            : existing.kind === 'walkIn' && existing.name === input.name);
        if (!same) throw new AppError(409, 'ID_CONFLICT');
        return { attendance: await present(existing.id), created: false };
      }
    }
    const a = await helpableActivity(db, caller, opts.id);
    const now = nowIso();
    let row: ActivityAttendanceRow;
    if ('residentId' in input) {
      const resident = await residentInScope(db, caller, input.residentId, false).catch(
        (error: unknown) => {
          if (error instanceof AppError && error.statusCode === 404)
            throw new AppError(400, 'NOT_FOUND', {}, { field: 'residentId' });
          throw error;
        },
      );
      const twice = await repo.findResidentAttendance(db, a.id, resident.id);
      if (twice)
        throw new AppError(
          409,
          'ACTIVITY_ALREADY_CHECKED_IN',
          { name: resident.name },
          { field: 'residentId', current: presentAttendance(twice) },
        );
      row = {
        id: input.id ?? newId(),
        activity_id: a.id,
        street_id: a.street_id,
        kind: 'resident',
        resident_id: resident.id,
        name: resident.name,
        phone_sealed: null,
        phone_masked: resident.phone_masked,
        checked_in_at: now,
        registered_at: null,
        created_by: caller.userId,
      };
    } else {
      const phone = input.phone ? normalisePhone(input.phone) : null;
      row = {
        id: input.id ?? newId(),
        activity_id: a.id,
        street_id: a.street_id,
        kind: 'walkIn',
        resident_id: null,
        name: input.name,
        phone_sealed: phone ? fieldCipher().seal(phone) : null,
        phone_masked: phone ? maskPhone(phone) : null,
        checked_in_at: now,
        registered_at: null,
        created_by: caller.userId,
      };
    }
    if (!(await repo.takePlace(db, a.id)))
      throw new AppError(409, 'ACTIVITY_FULL', { capacity: Number(a.capacity) });
    try {
      await repo.insertAttendance(db, row);
    } catch (e) {
      if (repo.isUniqueViolation(e))
        throw new AppError(
          409,
          'ACTIVITY_ALREADY_CHECKED_IN',
          { name: row.name },
          { field: 'residentId' },
        );
      throw e;
    }
    await recordAudit(db, {
      actor: actorOf(caller),
      action: 'activity.checkIn',
      entity: 'activity',
      entityId: a.id,
      detail: row.id,
      orgPath: a.org_path,
    });
    return { attendance: await present(row.id), created: true };
  });
}

/**
 * Adds a walk-in to the register as the head of a new household at the address they gave, through the
 * people module in this same transaction; the check-in then points at the new resident. Asking again
 * answers the resident already made.
 */
export async function registerWalkIn(
  opts: Ctx & { id: string; attendanceId: string; input: AttendanceRegister },
): Promise<{ residentId: string; householdId: string; created: boolean }> {
  const { caller, input } = opts;
  return opts.db.transaction().execute(async (db) => {
    const a = await readableActivity(db, caller, opts.id);
    const att = await repo.getAttendance(db, opts.attendanceId);
    if (!att || att.activity_id !== a.id) throw notFound();
    if (att.resident_id) {
      const r = await residentInScope(db, caller, att.resident_id, false);
      return { residentId: r.id, householdId: r.household_id, created: false };
    }
    if (!rightsAt(caller, a).checkIn) throw forbidden();
    const residentId = input.residentId ?? newId();
    const household = await insertHouseholdWith(
      db,
      caller,
      {
        id: input.householdId,
        gridId: input.gridId,
        building: input.building,
        unitNo: input.unitNo,
        room: input.room,
        head: {
          id: residentId,
          name: att.name,
          phone: att.phone_sealed ? fieldCipher().open(att.phone_sealed) : null,
          gender: input.gender ?? null,
          birthDate: input.birthDate ?? null,
        },
      },
      { type: 'manual', id: att.id },
    );
    const now = nowIso();
    if (!(await repo.setAttendanceResident(db, att.id, residentId, now)))
      throw new AppError(409, 'STALE_VERSION');
    await recordAudit(db, {
      actor: actorOf(caller),
      action: 'activity.registerWalkIn',
      entity: 'activity',
      entityId: a.id,
      detail: `${att.id} → ${residentId}`,
      orgPath: a.org_path,
    });
    return { residentId, householdId: household.id, created: true };
  });
}
