import type { Insertable, Updateable } from 'kysely';
import type { Db } from '../../db';
import type {
  NotifyOutboxRow,
  NotifyOutboxTable,
  NotifyWebhookRow,
  NotifyWebhookTable,
} from '../../db/schema';

export async function getWebhook(db: Db, id: string): Promise<NotifyWebhookRow | undefined> {
  return db.selectFrom('notify_webhook').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findWebhooks(
  db: Db,
  unitIds: string[],
  activeOnly: boolean,
): Promise<NotifyWebhookRow[]> {
  if (unitIds.length === 0) return [];
  let q = db.selectFrom('notify_webhook').selectAll().where('org_unit_id', 'in', unitIds);
  if (activeOnly) q = q.where('status', '=', 'active');
  return q.orderBy('created_at').execute();
}

export async function insertWebhook(db: Db, row: Insertable<NotifyWebhookTable>): Promise<void> {
  await db.insertInto('notify_webhook').values(row).execute();
}

/** Applies the patch only over the version read; false when someone saved in between. */
export async function updateWebhook(
  db: Db,
  id: string,
  version: number,
  patch: Updateable<NotifyWebhookTable>,
): Promise<boolean> {
  const r = await db
    .updateTable('notify_webhook')
    .set({ ...patch, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** What a send did to the robot: kept beside it so the admin sees a broken key. */
export async function noteDelivery(
  db: Db,
  id: string,
  at: string,
  error: string | null,
): Promise<void> {
  await db
    .updateTable('notify_webhook')
    .set(error ? { last_error: error } : { last_sent_at: at, last_error: null })
    .where('id', '=', id)
    .execute();
}

export async function deleteWebhook(db: Db, id: string): Promise<void> {
  await db.deleteFrom('notify_webhook').where('id', '=', id).execute();
}

export async function insertOutbox(db: Db, row: Insertable<NotifyOutboxTable>): Promise<void> {
  await db.insertInto('notify_outbox').values(row).execute();
}

export async function findDue(db: Db, now: string, limit: number): Promise<NotifyOutboxRow[]> {
  return db
    .selectFrom('notify_outbox')
    .selectAll()
    .where('sent_at', 'is', null)
    .where('next_attempt_at', '<=', now)
    .orderBy('next_attempt_at')
    .limit(limit)
    .execute();
}

export async function markOutbox(
  db: Db,
  id: string,
  patch: Updateable<NotifyOutboxTable>,
): Promise<void> {
  await db.updateTable('notify_outbox').set(patch).where('id', '=', id).execute();
}
