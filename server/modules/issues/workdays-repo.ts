import type { Db } from '../../db';
import type { WorkdayOverrideTable } from '../../db/schema';

/** Every correction to the national calendar (a handful a year). */
export async function findOverrides(db: Db): Promise<WorkdayOverrideTable[]> {
  return db.selectFrom('workday_override').selectAll().execute();
}

/** A year's corrections. */
export async function findOverridesOfYear(db: Db, year: number): Promise<WorkdayOverrideTable[]> {
  return db
    .selectFrom('workday_override')
    .selectAll()
    .where('day', '>=', `${year}-01-01`)
    .where('day', '<=', `${year}-12-31`)
    .orderBy('day')
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
