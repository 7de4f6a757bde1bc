import { sql, type Insertable, type Updateable } from 'kysely';
import type { Db } from '../../db';
import { inScope, underPaths } from '../../db/area';
import type { IntakeReferralTable } from '../../db/schema';

export type IntakeReferralRow = IntakeReferralTable;

export const getIntakeReferral = (db: Db, id: string) =>
  db.selectFrom('intake_referral').selectAll().where('id', '=', id).executeTakeFirst();

/** The referral made from a source record (a tip, an activity's need), if any. */
export const findIntakeReferralBySource = (db: Db, source: string, sourceId: string) =>
  db
    .selectFrom('intake_referral')
    .selectAll()
    .where('source', '=', source as IntakeReferralRow['source'])
    .where('source_id', '=', sourceId)
    .executeTakeFirst();

export async function insertIntakeReferral(
  db: Db,
  row: Insertable<IntakeReferralTable>,
): Promise<void> {
  await db.insertInto('intake_referral').values(row).execute();
}

/** Applies the patch, only to the version read when one is named. */
export async function updateIntakeReferral(
  db: Db,
  id: string,
  version: number | null,
  patch: Updateable<IntakeReferralTable>,
): Promise<void> {
  let q = db.updateTable('intake_referral').set(patch).where('id', '=', id);
  if (version !== null) q = q.where('version', '=', version);
  await q.execute();
}

/** Referrals of stations under these paths, pending first, then newest; at most `limit`. */
export function findIntakeReferrals(
  db: Db,
  f: { paths: string[]; status?: IntakeReferralRow['status']; limit: number },
): Promise<IntakeReferralRow[]> {
  let q = inScope(
    db.selectFrom('intake_referral').selectAll(),
    'intake_referral',
    underPaths(f.paths),
  );
  if (f.status) q = q.where('intake_referral.status', '=', f.status);
  return q
    .orderBy(sql`case when intake_referral.status = 'pending' then 0 else 1 end`)
    .orderBy('intake_referral.created_at', 'desc')
    .limit(f.limit)
    .execute();
}

export async function findIntakeReferralsById(
  db: Db,
  ids: string[],
): Promise<Pick<IntakeReferralRow, 'id' | 'status' | 'case_id'>[]> {
  if (ids.length === 0) return [];
  return db
    .selectFrom('intake_referral')
    .select(['id', 'status', 'case_id'])
    .where('id', 'in', ids)
    .execute();
}
