// The package is CommonJS whose named exports Node cannot see from ESM (the compiled server).
import chineseDays from 'chinese-days';
import type { WorkdayOverridePut, WorkdayYear } from '../../../common/schemas/issues';
import type { Db } from '../../db';
import { forbidden, notFound } from '../../lib/errors';
import { nowIso } from '../../lib/time';
import { actorOf, recordAudit } from '../audit/service';
import { hasRole, type Caller } from '../../lib/caller';
import { staffDisplayNames } from '../auth/staff-service';
import * as repo from './workdays-repo';

const { isHoliday, isWorkday } = chineseDays;

/**
 * The working-day calendar every issue and notice deadline counts by (deadlines.ts isWorkingDay): the
 * State Council's as the chinese-days package has it, corrected day by day. The calendar is the
 * district's: its admins correct it, street admins read it.
 */
const READERS = ['districtAdmin', 'streetAdmin'] as const;

const daysOf = (year: number): string[] => {
  const out: string[] = [];
  for (let t = Date.UTC(year, 0, 1); t < Date.UTC(year + 1, 0, 1); t += 86_400_000)
    out.push(new Date(t).toISOString().slice(0, 10));
  return out;
};
const weekend = (day: string) => [0, 6].includes(new Date(`${day}T00:00:00Z`).getUTCDay());

export async function getWorkdayYear(opts: {
  db: Db;
  caller: Caller;
  year: number;
}): Promise<WorkdayYear> {
  if (!hasRole(opts.caller, READERS)) throw forbidden();
  const days = daysOf(opts.year);
  const rows = await repo.findOverridesOfYear(opts.db, opts.year);
  const names = await staffDisplayNames(
    opts.db,
    rows.map((r) => r.updated_by),
  );
  return {
    year: opts.year,
    holidays: days.filter((d) => !weekend(d) && isHoliday(d)),
    swappedWorkdays: days.filter((d) => weekend(d) && isWorkday(d)),
    overrides: rows.map((r) => ({
      day: r.day,
      kind: r.kind,
      note: r.note,
      updatedBy: { id: r.updated_by, name: names.get(r.updated_by) ?? '' },
      updatedAt: r.updated_at,
    })),
  };
}

function districtPathOf(caller: Caller): string {
  const admin = caller.assignments.find((a) => a.role === 'districtAdmin');
  if (!admin) throw forbidden();
  return admin.path;
}

/** Marks a day a working day or a day off, whatever the national calendar says. */
export async function putWorkdayOverride(opts: {
  db: Db;
  caller: Caller;
  day: string;
  input: WorkdayOverridePut;
}): Promise<WorkdayYear> {
  const { caller, day, input } = opts;
  const orgPath = districtPathOf(caller);
  await opts.db.transaction().execute(async (db) => {
    await repo.upsertOverride(db, {
      day,
      kind: input.kind,
      note: input.note || null,
      updated_by: caller.userId,
      updated_at: nowIso(),
    });
    await recordAudit(db, {
      actor: actorOf(caller),
      action: 'workday.set',
      entity: 'workday',
      entityId: day,
      detail: input.kind,
      orgPath,
    });
  });
  return getWorkdayYear({ db: opts.db, caller, year: Number(day.slice(0, 4)) });
}

/** Drops a correction: the day is again as the national calendar has it. */
export async function deleteWorkdayOverride(opts: {
  db: Db;
  caller: Caller;
  day: string;
}): Promise<WorkdayYear> {
  const { caller, day } = opts;
  const orgPath = districtPathOf(caller);
  await opts.db.transaction().execute(async (db) => {
    if (!(await repo.deleteOverride(db, day))) throw notFound();
    await recordAudit(db, {
      actor: actorOf(caller),
      action: 'workday.reset',
      entity: 'workday',
      entityId: day,
      orgPath,
    });
  });
  return getWorkdayYear({ db: opts.db, caller, year: Number(day.slice(0, 4)) });
}
