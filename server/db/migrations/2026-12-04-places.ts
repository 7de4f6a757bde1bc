import type { Kysely } from 'kysely';

// Places (实有单位 / 场所), checklists with their versions, inspections and rectification notices.
// Every row carries street_id, and the place's rows its grid's org path, as households do.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('place')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('street_id', 'text', (c) => c.notNull())
    .addColumn('community_id', 'text', (c) => c.notNull().references('org_unit.id'))
    .addColumn('grid_id', 'text', (c) => c.notNull().references('org_unit.id'))
    .addColumn('org_path', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('licence_no', 'text')
    .addColumn('person_in_charge', 'text')
    .addColumn('phone', 'text')
    .addColumn('lat', 'real')
    .addColumn('lng', 'real')
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('active'))
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('place_scope')
    .on('place')
    .columns(['street_id', 'community_id', 'grid_id'])
    .execute();
  await db.schema.createIndex('place_grid').on('place').columns(['grid_id', 'name']).execute();
  await db.schema.createIndex('place_path').on('place').column('org_path').execute();
  await db.schema.createIndex('place_licence').on('place').column('licence_no').execute();

  await db.schema
    .createTable('checklist')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('owner_unit_id', 'text', (c) => c.notNull().references('org_unit.id'))
    .addColumn('street_id', 'text')
    .addColumn('org_path', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('topic', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('active'))
    .addColumn('current_version', 'integer', (c) => c.notNull())
    .addColumn('current_version_id', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('checklist_path').on('checklist').column('org_path').execute();

  // A version is never changed once written: an inspection done with it keeps showing its items.
  await db.schema
    .createTable('checklist_version')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('checklist_id', 'text', (c) => c.notNull().references('checklist.id'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('topic', 'text', (c) => c.notNull())
    .addColumn('items', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('checklist_version_number', ['checklist_id', 'number'])
    .execute();

  await db.schema
    .createTable('inspection')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('place_id', 'text', (c) => c.notNull().references('place.id'))
    .addColumn('street_id', 'text', (c) => c.notNull())
    .addColumn('community_id', 'text', (c) => c.notNull())
    .addColumn('grid_id', 'text', (c) => c.notNull())
    .addColumn('org_path', 'text', (c) => c.notNull())
    .addColumn('checklist_id', 'text', (c) => c.notNull().references('checklist.id'))
    .addColumn('checklist_version_id', 'text', (c) =>
      c.notNull().references('checklist_version.id'),
    )
    .addColumn('mode', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('draft'))
    .addColumn('result', 'text')
    .addColumn('failed_items', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('summary', 'text')
    .addColumn('rectification_deadline', 'text')
    .addColumn('rectification_requirement', 'text')
    .addColumn('issue_id', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('submitted_by', 'text')
    .addColumn('submitted_at', 'text')
    .addColumn('completed_at', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('inspection_place')
    .on('inspection')
    .columns(['place_id', 'at'])
    .execute();
  await db.schema
    .createIndex('inspection_scope')
    .on('inspection')
    .columns(['street_id', 'community_id', 'grid_id', 'at'])
    .execute();
  await db.schema.createIndex('inspection_path').on('inspection').column('org_path').execute();

  await db.schema
    .createTable('inspection_member')
    .addColumn('inspection_id', 'text', (c) => c.notNull().references('inspection.id'))
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('street_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('inspection_member_pk', ['inspection_id', 'user_id'])
    .execute();
  await db.schema
    .createIndex('inspection_member_user')
    .on('inspection_member')
    .column('user_id')
    .execute();

  await db.schema
    .createTable('inspection_department')
    .addColumn('inspection_id', 'text', (c) => c.notNull().references('inspection.id'))
    .addColumn('department_id', 'text', (c) => c.notNull().references('org_unit.id'))
    .addColumn('street_id', 'text', (c) => c.notNull())
    .addColumn('signed_by', 'text')
    .addColumn('signed_at', 'text')
    .addColumn('note', 'text')
    .addPrimaryKeyConstraint('inspection_department_pk', ['inspection_id', 'department_id'])
    .execute();
  await db.schema
    .createIndex('inspection_department_unit')
    .on('inspection_department')
    .column('department_id')
    .execute();

  await db.schema
    .createTable('inspection_result')
    .addColumn('inspection_id', 'text', (c) => c.notNull().references('inspection.id'))
    .addColumn('item_id', 'text', (c) => c.notNull())
    .addColumn('street_id', 'text', (c) => c.notNull())
    .addColumn('result', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('photo_ids', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('recorded_by', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('inspection_result_pk', ['inspection_id', 'item_id'])
    .execute();

  await db.schema
    .createTable('rectification_notice')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('inspection_id', 'text', (c) => c.notNull().unique().references('inspection.id'))
    .addColumn('issue_id', 'text')
    .addColumn('place_id', 'text', (c) => c.notNull().references('place.id'))
    .addColumn('street_id', 'text', (c) => c.notNull())
    .addColumn('org_path', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('number', 'text', (c) => c.notNull())
    .addColumn('deadline', 'text', (c) => c.notNull())
    .addColumn('items', 'text', (c) => c.notNull())
    .addColumn('requirement', 'text')
    .addColumn('legal_basis', 'text', (c) => c.notNull())
    .addColumn('issuing_unit', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('issued'))
    .addColumn('issued_by', 'text', (c) => c.notNull())
    .addColumn('issued_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  // The last guard against a number given twice: the counter below should already prevent it.
  await db.schema
    .createIndex('rectification_notice_number')
    .on('rectification_notice')
    .columns(['street_id', 'year', 'seq'])
    .unique()
    .execute();
  await db.schema
    .createIndex('rectification_notice_place')
    .on('rectification_notice')
    .column('place_id')
    .execute();
  await db.schema
    .createIndex('rectification_notice_path')
    .on('rectification_notice')
    .column('org_path')
    .execute();

  // One row per street and year; issuing a notice takes the next number with one UPDATE … RETURNING.
  await db.schema
    .createTable('notice_counter')
    .addColumn('street_id', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('n', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('notice_counter_pk', ['street_id', 'year'])
    .execute();

  await db.schema
    .createTable('notice_reinspection')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('notice_id', 'text', (c) => c.notNull().references('rectification_notice.id'))
    .addColumn('street_id', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('results', 'text', (c) => c.notNull())
    .addColumn('fixed', 'integer', (c) => c.notNull())
    .addColumn('note', 'text')
    .execute();
  await db.schema
    .createIndex('notice_reinspection_notice')
    .on('notice_reinspection')
    .column('notice_id')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'notice_reinspection',
    'notice_counter',
    'rectification_notice',
    'inspection_result',
    'inspection_department',
    'inspection_member',
    'inspection',
    'checklist_version',
    'checklist',
    'place',
  ])
    await db.schema.dropTable(table).execute();
}
