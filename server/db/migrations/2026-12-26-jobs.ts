import crypto from 'node:crypto';
import { sql, type Kysely } from 'kysely';

// Each group-chat robot's copy of a message is delivered on its own: a delivery row per message ×
// robot with its own attempts, next try and last error, so a robot that took the message is never
// posted to again when another robot of the same unit refuses it. A process claims a delivery for a
// while (`claimed_until`) before posting, so with several processes each delivery is sent by one.
// The jobs themselves (escalation sweeps, the delivery drain) live in pg-boss's own schema on
// PostgreSQL and need no table here.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('notify_delivery')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('outbox_id', 'text', (c) => c.notNull())
    .addColumn('webhook_id', 'text', (c) => c.notNull())
    .addColumn('street_id', 'text')
    // pending → sent, or failed once the tries are used up (or the robot is gone or paused).
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'text', (c) => c.notNull())
    .addColumn('claimed_until', 'text')
    .addColumn('sent_at', 'text')
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('notify_delivery_due')
    .on('notify_delivery')
    .columns(['state', 'next_attempt_at'])
    .execute();
  await db.schema
    .createIndex('notify_delivery_message_robot')
    .on('notify_delivery')
    .columns(['outbox_id', 'webhook_id'])
    .unique()
    .execute();

  // Messages still waiting go on to every active robot of their unit, as they would have.
  const waiting = await db
    .selectFrom('notify_outbox as o')
    .innerJoin('notify_webhook as w', (j) =>
      j.onRef('w.org_unit_id', '=', 'o.org_unit_id').on('w.status', '=', 'active'),
    )
    .where('o.sent_at', 'is', null)
    .select(['o.id as outbox_id', 'w.id as webhook_id', 'o.street_id', 'o.next_attempt_at'])
    .execute();
  const now = new Date().toISOString();
  for (const w of waiting as {
    outbox_id: string;
    webhook_id: string;
    street_id: string | null;
    next_attempt_at: string;
  }[]) {
    await db
      .insertInto('notify_delivery')
      .values({
        id: crypto.randomUUID(),
        ...w,
        state: 'pending',
        attempts: 0,
        created_at: now,
      })
      .execute();
  }

  // The message keeps what it says; its sending is the deliveries' now. (SQLite drops one column per
  // statement, and not while an index names it.)
  await db.schema.dropIndex('notify_outbox_pending').execute();
  for (const column of ['attempts', 'next_attempt_at', 'sent_at', 'last_error'])
    await db.schema.alterTable('notify_outbox').dropColumn(column).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('notify_outbox')
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.alterTable('notify_outbox').addColumn('next_attempt_at', 'text').execute();
  await db.schema.alterTable('notify_outbox').addColumn('sent_at', 'text').execute();
  await db.schema.alterTable('notify_outbox').addColumn('last_error', 'text').execute();
  // A message with a delivery still pending waits again for all its robots; the rest count as sent.
  await db
    .updateTable('notify_outbox')
    .set({
      next_attempt_at: sql`created_at`,
      sent_at: sql`case when exists (select 1 from notify_delivery d where d.outbox_id = notify_outbox.id and d.state = 'pending') then null else created_at end`,
    })
    .execute();
  await db.schema
    .createIndex('notify_outbox_pending')
    .on('notify_outbox')
    .columns(['sent_at', 'next_attempt_at'])
    .execute();
  await db.schema.dropTable('notify_delivery').execute();
}
