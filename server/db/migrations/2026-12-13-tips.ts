import type { Kysely } from 'kysely';

// Tips (爆料 / 居民诉求) from the hotline, e-mail, the public web form or in person, each step with the
// reply the resident reads by tracking code; and the intake referrals (转介社工站) that tips and
// activities hand to a street's social work station. Every row carries its street.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('tip')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('street_id', 'text', (c) => c.notNull())
    .addColumn('community_id', 'text')
    .addColumn('org_path', 'text', (c) => c.notNull())
    .addColumn('tracking_code', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('topic', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('address', 'text')
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('contact_name', 'text')
    .addColumn('contact_phone', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('issue_id', 'text')
    .addColumn('intake_referral_id', 'text')
    .addColumn('message_id', 'text')
    .addColumn('rating', 'integer')
    .addColumn('rating_comment', 'text')
    .addColumn('rated_at', 'text')
    .addColumn('closed_at', 'text')
    .addColumn('created_by', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('tip_tracking_code')
    .on('tip')
    .column('tracking_code')
    .unique()
    .execute();
  await db.schema.createIndex('tip_message_id').on('tip').column('message_id').unique().execute();
  await db.schema.createIndex('tip_scope').on('tip').columns(['org_path', 'created_at']).execute();
  await db.schema
    .createIndex('tip_street_status')
    .on('tip')
    .columns(['street_id', 'status', 'created_at'])
    .execute();

  await db.schema
    .createTable('tip_step')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tip_id', 'text', (c) => c.notNull().references('tip.id'))
    .addColumn('street_id', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text', (c) => c.notNull())
    .addColumn('public_reply', 'text')
    .addColumn('internal_note', 'text')
    .addColumn('actor_id', 'text')
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('tip_step_tip').on('tip_step').columns(['tip_id', 'at']).execute();

  await db.schema
    .createTable('intake_referral')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('street_id', 'text', (c) => c.notNull())
    .addColumn('station_id', 'text', (c) => c.notNull())
    .addColumn('org_path', 'text', (c) => c.notNull())
    .addColumn('resident_id', 'text')
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('phone', 'text')
    .addColumn('need', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('source_id', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('case_id', 'text')
    .addColumn('decline_reason', 'text')
    .addColumn('decided_by', 'text')
    .addColumn('decided_at', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('intake_referral_station')
    .on('intake_referral')
    .columns(['station_id', 'status', 'created_at'])
    .execute();
  await db.schema
    .createIndex('intake_referral_source')
    .on('intake_referral')
    .columns(['source', 'source_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('intake_referral').execute();
  await db.schema.dropTable('tip_step').execute();
  await db.schema.dropTable('tip').execute();
}
