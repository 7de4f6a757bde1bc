import type { Db } from '../../db';
import type { StoredFileTable } from '../../db/schema';
import type { Selectable } from 'kysely';

export type StoredFileRow = Selectable<StoredFileTable>;

export async function insertFile(db: Db, row: StoredFileRow): Promise<void> {
  await db.insertInto('stored_file').values(row).execute();
}

export async function getFile(db: Db, id: string): Promise<StoredFileRow | undefined> {
  return db.selectFrom('stored_file').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function getFiles(db: Db, ids: string[]): Promise<StoredFileRow[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('stored_file').selectAll().where('id', 'in', ids).execute();
}

export async function setFileEntity(
  db: Db,
  ids: string[],
  entity: string,
  entityId: string,
): Promise<void> {
  if (ids.length === 0) return;
  await db
    .updateTable('stored_file')
    .set({ entity, entity_id: entityId })
    .where('id', 'in', ids)
    .execute();
}

export async function findFilesOf(
  db: Db,
  entity: string,
  entityIds: string[],
): Promise<StoredFileRow[]> {
  if (entityIds.length === 0) return [];
  return db
    .selectFrom('stored_file')
    .selectAll()
    .where('entity', '=', entity)
    .where('entity_id', 'in', entityIds)
    .orderBy('created_at')
    .execute();
}
