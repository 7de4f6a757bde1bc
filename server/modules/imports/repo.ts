import type { Updateable } from 'kysely';
import type { Db } from '../../db';
import type { ImportJobRow, ImportJobTable } from '../../db/schema';

export async function insertJob(db: Db, row: ImportJobRow): Promise<void> {
  await db.insertInto('import_job').values(row).execute();
}

export function getJob(db: Db, id: string): Promise<ImportJobRow | undefined> {
  return db.selectFrom('import_job').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findJobs(db: Db, userId: string, limit: number): Promise<ImportJobRow[]> {
  return db
    .selectFrom('import_job')
    .selectAll()
    .where('user_id', '=', userId)
    .orderBy('created_at', 'desc')
    .limit(limit)
    .execute();
}

export async function updateJob(
  db: Db,
  id: string,
  patch: Updateable<ImportJobTable>,
): Promise<void> {
  await db.updateTable('import_job').set(patch).where('id', '=', id).execute();
}

/**
 * Marks chunk `done` of a commit as written, inside that chunk's transaction. It answers false when
 * another run got there first (the chunk was written already), and the caller's transaction is then
 * rolled back, so no chunk is written twice.
 */
export async function markChunkDone(
  db: Db,
  id: string,
  done: number,
  counts: { households: number; membersAdded: number; at: string },
): Promise<boolean> {
  const r = await db
    .updateTable('import_job')
    .set((eb) => ({
      chunks_done: done + 1,
      households_registered: eb('households_registered', '+', counts.households),
      members_added: eb('members_added', '+', counts.membersAdded),
      updated_at: counts.at,
    }))
    .where('id', '=', id)
    .where('chunks_done', '=', done)
    .where('status', '=', 'committing')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export function findMapping(db: Db, kind: string, scopeId: string, layoutHash: string) {
  return db
    .selectFrom('import_mapping')
    .select(['mapping', 'fixed'])
    .where('kind', '=', kind)
    .where('scope_id', '=', scopeId)
    .where('layout_hash', '=', layoutHash)
    .executeTakeFirst();
}

export async function saveMapping(
  db: Db,
  row: {
    kind: string;
    scope_id: string;
    layout_hash: string;
    mapping: string;
    fixed: string;
    updated_by: string;
    updated_at: string;
  },
): Promise<void> {
  await db
    .insertInto('import_mapping')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['kind', 'scope_id', 'layout_hash']).doUpdateSet({
        mapping: row.mapping,
        fixed: row.fixed,
        updated_by: row.updated_by,
        updated_at: row.updated_at,
      }),
    )
    .execute();
}
