import type { Kysely } from 'kysely';

// Community activities (社区活动) with their partner organisations, check-ins, handouts and the needs
// noticed on the day. Every row carries the street of its community (the distribution key).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('partner')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('street_id', 'text', (c) => c.notNull())
    .addColumn('org_path', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('contact', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('partner_street_name')
    .on('partner')
    .columns(['street_id', 'name'])
    .unique()
    .execute();

  await db.schema
    .createTable('activity')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('street_id', 'text', (c) => c.notNull())
    .addColumn('community_id', 'text', (c) => c.notNull())
    .addColumn('org_path', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('start_at', 'text', (c) => c.notNull())
    .addColumn('end_at', 'text', (c) => c.notNull())
    .addColumn('place', 'text', (c) => c.notNull())
    .addColumn('capacity', 'integer')
    .addColumn('checked_in', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('description', 'text')
    .addColumn('summary', 'text')
    .addColumn('survey_id', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('activity_community')
    .on('activity')
    .columns(['community_id', 'start_at'])
    .execute();
  await db.schema
    .createIndex('activity_street')
    .on('activity')
    .columns(['street_id', 'start_at'])
    .execute();

  await db.schema
    .createTable('activity_partner')
    .addColumn('activity_id', 'text', (c) => c.notNull().references('activity.id'))
    .addColumn('partner_id', 'text', (c) => c.notNull().references('partner.id'))
    .addColumn('street_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('activity_partner_pk', ['activity_id', 'partner_id'])
    .execute();
  await db.schema
    .createIndex('activity_partner_partner')
    .on('activity_partner')
    .column('partner_id')
    .execute();

  await db.schema
    .createTable('activity_attendance')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('activity_id', 'text', (c) => c.notNull().references('activity.id'))
    .addColumn('street_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('resident_id', 'text')
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('phone_sealed', 'text')
    .addColumn('phone_masked', 'text')
    .addColumn('checked_in_at', 'text', (c) => c.notNull())
    .addColumn('registered_at', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .execute();
  // A resident is checked in once per activity (walk-ins have no resident: NULLs are distinct).
  await db.schema
    .createIndex('activity_attendance_resident')
    .on('activity_attendance')
    .columns(['activity_id', 'resident_id'])
    .unique()
    .execute();

  await db.schema
    .createTable('activity_handout_item')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('activity_id', 'text', (c) => c.notNull().references('activity.id'))
    .addColumn('street_id', 'text', (c) => c.notNull())
    .addColumn('item', 'text', (c) => c.notNull())
    .addColumn('unit', 'text', (c) => c.notNull())
    .addColumn('prepared', 'integer', (c) => c.notNull())
    .addColumn('given', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('activity_handout_item_activity')
    .on('activity_handout_item')
    .column('activity_id')
    .execute();

  await db.schema
    .createTable('activity_handout')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('activity_id', 'text', (c) => c.notNull().references('activity.id'))
    .addColumn('item_id', 'text', (c) => c.notNull().references('activity_handout_item.id'))
    .addColumn('street_id', 'text', (c) => c.notNull())
    .addColumn('attendance_id', 'text')
    .addColumn('quantity', 'integer', (c) => c.notNull())
    .addColumn('given_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('activity_handout_activity')
    .on('activity_handout')
    .columns(['activity_id', 'attendance_id'])
    .execute();

  await db.schema
    .createTable('activity_need')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('activity_id', 'text', (c) => c.notNull().references('activity.id'))
    .addColumn('street_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('attendance_id', 'text')
    .addColumn('name', 'text')
    .addColumn('target_id', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('activity_need_activity')
    .on('activity_need')
    .column('activity_id')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('activity_need').execute();
  await db.schema.dropTable('activity_handout').execute();
  await db.schema.dropTable('activity_handout_item').execute();
  await db.schema.dropTable('activity_attendance').execute();
  await db.schema.dropTable('activity_partner').execute();
  await db.schema.dropTable('activity').execute();
  await db.schema.dropTable('partner').execute();
}
