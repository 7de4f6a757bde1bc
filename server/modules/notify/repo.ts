import { PostgresAdapter, type ExpressionBuilder, type Insertable, type Updateable } from 'kysely';
import type { Db } from '../../db';
import type {
  Database,
  NotifyDeliveryRow,
  NotifyDeliveryTable,
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

export async function getOutbox(db: Db, id: string): Promise<NotifyOutboxRow | undefined> {
  return db.selectFrom('notify_outbox').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertDeliveries(
  db: Db,
  rows: Insertable<NotifyDeliveryTable>[],
): Promise<void> {
  if (rows.length > 0) await db.insertInto('notify_delivery').values(rows).execute();
}

/**
 * Takes up to `limit` deliveries that are due and that no other process holds, and holds them until
 * `until`. One statement, so two processes never take the same row: on PostgreSQL the candidates
 * are locked with SKIP LOCKED (a second process passes over them instead of waiting) and the hold is
 * checked again on the row being updated; SQLite runs one writer at a time.
 */
export async function claimDueDeliveries(
  db: Db,
  now: string,
  until: string,
  limit: number,
): Promise<NotifyDeliveryRow[]> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  const free = (eb: ExpressionBuilder<Database, 'notify_delivery'>) =>
    eb.and([
      eb('state', '=', 'pending'),
      eb('next_attempt_at', '<=', now),
      eb.or([eb('claimed_until', 'is', null), eb('claimed_until', '<', now)]),
    ]);
  let due = db
    .selectFrom('notify_delivery')
    .select('id')
    .where(free)
    .orderBy('next_attempt_at')
    .limit(limit);
  if (postgres) due = due.forUpdate().skipLocked();
  return db
    .updateTable('notify_delivery')
    .set({ claimed_until: until })
    .where('id', 'in', due)
    .where(free)
    .returningAll()
    .execute();
}

/** Records a try; only while this process still holds the delivery it claimed. */
export async function settleDelivery(
  db: Db,
  id: string,
  claimedUntil: string,
  patch: Updateable<NotifyDeliveryTable>,
): Promise<void> {
  await db
    .updateTable('notify_delivery')
    .set({ ...patch, claimed_until: null })
    .where('id', '=', id)
    .where('claimed_until', '=', claimedUntil)
    .execute();
}
