import type { Kysely } from 'kysely';

// Social work cases with their stage forms, service records and timeline; the resource directory,
// referrals and per-street care rules. Every row carries street_id, the distribution key.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('social_case')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('resident_id', 'text', (c) => c.notNull().references('resident.id'))
    .addColumn('household_id', 'text', (c) => c.notNull())
    .addColumn('station_id', 'text', (c) => c.notNull().references('org_unit.id'))
    .addColumn('street_id', 'text', (c) => c.notNull())
    .addColumn('org_path', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('presenting_problem', 'text', (c) => c.notNull())
    .addColumn('risk_level', 'text', (c) => c.notNull())
    .addColumn('stage', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('cycle', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('assigned_worker_id', 'text', (c) => c.notNull())
    .addColumn('next_contact_date', 'text')
    .addColumn('opened_at', 'text', (c) => c.notNull())
    .addColumn('closed_at', 'text')
    .addColumn('closure_reason', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('case_station')
    .on('social_case')
    .columns(['station_id', 'status', 'next_contact_date'])
    .execute();
  await db.schema
    .createIndex('case_worker')
    .on('social_case')
    .columns(['assigned_worker_id', 'status', 'next_contact_date'])
    .execute();
  await db.schema
    .createIndex('case_resident')
    .on('social_case')
    .columns(['resident_id', 'status'])
    .execute();
  await db.schema.createIndex('case_path').on('social_case').column('org_path').execute();

  await db.schema
    .createTable('case_stage_form')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('social_case.id'))
    .addColumn('street_id', 'text', (c) => c.notNull())
    .addColumn('cycle', 'integer', (c) => c.notNull())
    .addColumn('stage', 'text', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('submitted_by', 'text', (c) => c.notNull())
    .addColumn('submitted_at', 'text', (c) => c.notNull())
    .addColumn('review_status', 'text')
    .addColumn('reviewed_by', 'text')
    .addColumn('reviewed_at', 'text')
    .addColumn('review_note', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addUniqueConstraint('case_stage_form_once', ['case_id', 'cycle', 'stage'])
    .execute();
  await db.schema
    .createIndex('case_form_review')
    .on('case_stage_form')
    .columns(['review_status', 'street_id'])
    .execute();

  await db.schema
    .createTable('service_record')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('social_case.id'))
    .addColumn('resident_id', 'text', (c) => c.notNull())
    .addColumn('station_id', 'text', (c) => c.notNull())
    .addColumn('street_id', 'text', (c) => c.notNull())
    .addColumn('cycle', 'integer', (c) => c.notNull())
    .addColumn('stage', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('duration_minutes', 'integer', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('next_follow_up_date', 'text')
    .addColumn('corrections', 'text')
    .addColumn('worker_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('service_record_case')
    .on('service_record')
    .columns(['case_id', 'at'])
    .execute();
  await db.schema
    .createIndex('service_record_resident')
    .on('service_record')
    .columns(['resident_id', 'station_id', 'type', 'at'])
    .execute();

  await db.schema
    .createTable('case_event')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('social_case.id'))
    .addColumn('street_id', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('username', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('stage', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .execute();
  await db.schema
    .createIndex('case_event_case')
    .on('case_event')
    .columns(['case_id', 'at'])
    .execute();

  await db.schema
    .createTable('resource')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('street_id', 'text')
    .addColumn('org_path', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('provider', 'text', (c) => c.notNull())
    .addColumn('contact', 'text')
    .addColumn('area', 'text')
    .addColumn('conditions', 'text')
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('active'))
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('resource_scope')
    .on('resource')
    .columns(['org_path', 'category', 'status'])
    .execute();

  await db.schema
    .createTable('referral')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('social_case.id'))
    .addColumn('resource_id', 'text', (c) => c.notNull().references('resource.id'))
    .addColumn('street_id', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('outcome', 'text')
    .addColumn('requested_by', 'text', (c) => c.notNull())
    .addColumn('requested_at', 'text', (c) => c.notNull())
    .addColumn('accepted_at', 'text')
    .addColumn('ended_at', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('referral_case').on('referral').column('case_id').execute();
  await db.schema.createIndex('referral_resource').on('referral').column('resource_id').execute();

  await db.schema
    .createTable('care_rule')
    .addColumn('street_id', 'text', (c) => c.notNull().references('org_unit.id'))
    .addColumn('tier', 'text', (c) => c.notNull())
    .addColumn('interval_days', 'integer', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('care_rule_pk', ['street_id', 'tier'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'care_rule',
    'referral',
    'resource',
    'case_event',
    'service_record',
    'case_stage_form',
    'social_case',
  ]) {
    await db.schema.dropTable(t).execute();
  }
}
