import type { Kysely } from 'kysely';

// Support operations (保障任务) of an org unit — e.g. 市军供站's troop transport — with their batches,
// supplies and issues of them, the duty roster and the log. Each row carries the street of the owning
// unit (null for a district's department) and the operation's org path.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('operation')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('owner_unit_id', 'text', (c) => c.notNull())
    .addColumn('street_id', 'text')
    .addColumn('org_path', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('start_date', 'text', (c) => c.notNull())
    .addColumn('end_date', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('completion_note', 'text')
    .addColumn('completed_at', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('operation_path')
    .on('operation')
    .columns(['org_path', 'start_date'])
    .execute();

  await db.schema
    .createTable('operation_batch')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('operation_id', 'text', (c) => c.notNull().references('operation.id'))
    .addColumn('street_id', 'text')
    .addColumn('planned_at', 'text', (c) => c.notNull())
    .addColumn('head_count', 'integer', (c) => c.notNull())
    .addColumn('train_no', 'text', (c) => c.notNull())
    .addColumn('from_place', 'text', (c) => c.notNull())
    .addColumn('to_place', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('arrived_at', 'text')
    .addColumn('served_at', 'text')
    .addColumn('departed_at', 'text')
    .addColumn('note', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('operation_batch_operation')
    .on('operation_batch')
    .columns(['operation_id', 'planned_at'])
    .execute();

  await db.schema
    .createTable('operation_supply')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('operation_id', 'text', (c) => c.notNull().references('operation.id'))
    .addColumn('street_id', 'text')
    .addColumn('item', 'text', (c) => c.notNull())
    .addColumn('unit', 'text', (c) => c.notNull())
    .addColumn('prepared', 'integer', (c) => c.notNull())
    .addColumn('issued', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('operation_supply_operation')
    .on('operation_supply')
    .columns(['operation_id'])
    .execute();

  await db.schema
    .createTable('operation_supply_issue')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('supply_id', 'text', (c) => c.notNull().references('operation_supply.id'))
    .addColumn('operation_id', 'text', (c) => c.notNull())
    .addColumn('street_id', 'text')
    .addColumn('batch_id', 'text')
    .addColumn('quantity', 'integer', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('operation_supply_issue_supply')
    .on('operation_supply_issue')
    .columns(['supply_id', 'at'])
    .execute();

  await db.schema
    .createTable('operation_shift')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('operation_id', 'text', (c) => c.notNull().references('operation.id'))
    .addColumn('street_id', 'text')
    .addColumn('starts_at', 'text', (c) => c.notNull())
    .addColumn('ends_at', 'text', (c) => c.notNull())
    // JSON: [{ "userId": string | null, "name": string }] — staff accounts and volunteers by name.
    .addColumn('people', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('operation_shift_operation')
    .on('operation_shift')
    .columns(['operation_id', 'starts_at'])
    .execute();

  await db.schema
    .createTable('operation_log')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('operation_id', 'text', (c) => c.notNull().references('operation.id'))
    .addColumn('street_id', 'text')
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('author_id', 'text', (c) => c.notNull())
    .addColumn('author_name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('operation_log_operation')
    .on('operation_log')
    .columns(['operation_id', 'at'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('operation_log').execute();
  await db.schema.dropTable('operation_shift').execute();
  await db.schema.dropTable('operation_supply_issue').execute();
  await db.schema.dropTable('operation_supply').execute();
  await db.schema.dropTable('operation_batch').execute();
  await db.schema.dropTable('operation').execute();
}
