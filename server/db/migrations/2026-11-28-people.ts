import type { Kysely } from 'kysely';

// Households and residents. Every row carries street_id and the org path of its grid, so scope
// filters are prefix matches and the tables can be distributed by street.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('household')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('street_id', 'text', (c) => c.notNull())
    .addColumn('community_id', 'text', (c) => c.notNull().references('org_unit.id'))
    .addColumn('grid_id', 'text', (c) => c.notNull().references('org_unit.id'))
    .addColumn('org_path', 'text', (c) => c.notNull())
    .addColumn('building', 'text', (c) => c.notNull())
    .addColumn('unit_no', 'text')
    .addColumn('room', 'text', (c) => c.notNull())
    .addColumn('head_resident_id', 'text')
    .addColumn('housing', 'text')
    .addColumn('income_sources', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('economic_status', 'text', (c) => c.notNull().defaultTo('normal'))
    .addColumn('notes', 'text')
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('active'))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('household_scope')
    .on('household')
    .columns(['street_id', 'community_id', 'grid_id'])
    .execute();
  await db.schema.createIndex('household_path').on('household').column('org_path').execute();
  await db.schema
    .createIndex('household_address')
    .on('household')
    .columns(['grid_id', 'building', 'unit_no', 'room'])
    .execute();

  await db.schema
    .createTable('resident')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('household_id', 'text', (c) => c.notNull().references('household.id'))
    .addColumn('street_id', 'text', (c) => c.notNull())
    .addColumn('community_id', 'text', (c) => c.notNull())
    .addColumn('grid_id', 'text', (c) => c.notNull())
    .addColumn('org_path', 'text', (c) => c.notNull())
    .addColumn('relation_to_head', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_pinyin', 'text', (c) => c.notNull())
    .addColumn('name_initials', 'text', (c) => c.notNull())
    .addColumn('gender', 'text')
    .addColumn('birth_date', 'text')
    .addColumn('ethnicity', 'text')
    .addColumn('id_number_sealed', 'text')
    .addColumn('id_number_index', 'text')
    .addColumn('id_number_masked', 'text')
    .addColumn('phone_sealed', 'text')
    .addColumn('phone_index', 'text')
    .addColumn('phone_last4', 'text')
    .addColumn('phone_masked', 'text')
    .addColumn('registration_status', 'text', (c) => c.notNull().defaultTo('localResident'))
    .addColumn('health_notes_sealed', 'text')
    .addColumn('disability_sealed', 'text')
    .addColumn('self_care', 'text')
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('living'))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('resident_household').on('resident').column('household_id').execute();
  await db.schema
    .createIndex('resident_id_number')
    .on('resident')
    .column('id_number_index')
    .execute();
  await db.schema.createIndex('resident_phone').on('resident').column('phone_index').execute();
  await db.schema
    .createIndex('resident_phone_last4')
    .on('resident')
    .columns(['street_id', 'phone_last4'])
    .execute();
  // Covering indexes for name search within a street: initials, full pinyin, characters.
  await db.schema
    .createIndex('resident_initials')
    .on('resident')
    .columns(['street_id', 'name_initials', 'name'])
    .execute();
  await db.schema
    .createIndex('resident_pinyin')
    .on('resident')
    .columns(['street_id', 'name_pinyin'])
    .execute();
  await db.schema
    .createIndex('resident_name')
    .on('resident')
    .columns(['street_id', 'name'])
    .execute();
  await db.schema.createIndex('resident_path').on('resident').column('org_path').execute();

  await db.schema
    .createTable('resident_care_tag')
    .addColumn('resident_id', 'text', (c) =>
      c.notNull().references('resident.id').onDelete('cascade'),
    )
    .addColumn('tag', 'text', (c) => c.notNull())
    .addColumn('street_id', 'text', (c) => c.notNull())
    .addColumn('community_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('resident_care_tag_pk', ['resident_id', 'tag'])
    .execute();
  await db.schema
    .createIndex('care_tag_scope')
    .on('resident_care_tag')
    .columns(['tag', 'street_id', 'community_id', 'resident_id'])
    .execute();

  await db.schema
    .createTable('resident_consent')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('resident_id', 'text', (c) => c.notNull().references('resident.id'))
    .addColumn('given_by', 'text', (c) => c.notNull())
    .addColumn('guardian_name', 'text')
    .addColumn('consent_date', 'text', (c) => c.notNull())
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'text', (c) => c.notNull())
    .addColumn('withdrawn_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('consent_resident')
    .on('resident_consent')
    .column('resident_id')
    .execute();

  await db.schema
    .createTable('record_history')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('household_id', 'text', (c) => c.notNull())
    .addColumn('entity', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => c.notNull())
    .addColumn('operation', 'text', (c) => c.notNull())
    .addColumn('field', 'text')
    .addColumn('old_value', 'text')
    .addColumn('new_value', 'text')
    .addColumn('source_type', 'text', (c) => c.notNull())
    .addColumn('source_id', 'text')
    .addColumn('user_id', 'text')
    .addColumn('username', 'text')
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('history_household')
    .on('record_history')
    .columns(['household_id', 'at'])
    .execute();
  await db.schema
    .createIndex('history_entity')
    .on('record_history')
    .columns(['entity', 'entity_id', 'at'])
    .execute();

  await db.schema
    .createTable('sensitive_access')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('resident_id', 'text', (c) => c.notNull().references('resident.id'))
    .addColumn('street_id', 'text', (c) => c.notNull())
    .addColumn('field', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('username', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('sensitive_access_street')
    .on('sensitive_access')
    .columns(['street_id', 'at'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'sensitive_access',
    'record_history',
    'resident_consent',
    'resident_care_tag',
    'resident',
    'household',
  ]) {
    await db.schema.dropTable(t).execute();
  }
}
