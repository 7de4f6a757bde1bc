import type { Db } from '../../db';
import type { WorkdayOverrideTable } from '../../db/schema';

/** Every correction to the national calendar (a handful a year). */
export async function findOverrides(db: Db): Promise<WorkdayOverrideTable[]> {
  return db.selectFrom('workday_override').selectAll().execute();
}

/** A year's corrections with the name of who made each. */
export async function findOverridesOfYear(
  db: Db,
  year: number,
): Promise<(WorkdayOverrideTable & { updated_by_name: string | null })[]> {
  return db
    .selectFrom('workday_override as w')
    .leftJoin('staff_user as u', 'u.id', 'w.updated_by')
    .selectAll('w')
    .select('u.display_name as updated_by_name')
    .where('w.day', '>=', `${year}-01-01`)
    .where('w.day', '<=', `${year}-12-31`)
    .orderBy('w.day')
    .execute();
}

export async function upsertOverride(db: Db, row: WorkdayOverrideTable): Promise<void> {
  await db
    .insertInto('workday_override')
    .values(row)
    .onConflict((oc) =>
      oc.column('day').doUpdateSet({
        kind: row.kind,
        note: row.note,
        updated_by: row.updated_by,
        updated_at: row.updated_at,
      }),
    )
    .execute();
}

export async function deleteOverride(db: Db, day: string): Promise<boolean> {
  const r = await db.deleteFrom('workday_override').where('day', '=', day).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}
