import type { Kysely } from 'kysely';

// Group-chat robots (企业微信 / 钉钉) of an org unit, and the outbox of messages for them. A message is
// queued in the transaction of what caused it (an escalation, an urging) and sent afterwards, so a
// rolled-back step sends nothing and a crash before sending loses nothing.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('notify_webhook')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_unit_id', 'text', (c) => c.notNull())
    .addColumn('street_id', 'text')
    .addColumn('org_path', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    // The robot's address holds its key: sealed like any secret.
    .addColumn('url_sealed', 'text', (c) => c.notNull())
    .addColumn('url_hint', 'text', (c) => c.notNull())
    .addColumn('secret_sealed', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('last_sent_at', 'text')
    .addColumn('last_error', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('notify_webhook_unit')
    .on('notify_webhook')
    .columns(['org_unit_id', 'status'])
    .execute();

  await db.schema
    .createTable('notify_outbox')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_unit_id', 'text', (c) => c.notNull())
    .addColumn('street_id', 'text')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text')
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('notify_outbox_pending')
    .on('notify_outbox')
    .columns(['sent_at', 'next_attempt_at'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('notify_outbox').execute();
  await db.schema.dropTable('notify_webhook').execute();
}
