import type { Kysely } from 'kysely';

// A register import is a job: the file stays on disk under the data directory until the import ends,
// and this row carries its mapping, progress and result. Its commit goes in chunks of households,
// each chunk's transaction also moving `chunks_done` on, so a commit run again after a stop
// continues at the first chunk not done. `import_mapping` remembers a confirmed mapping per header
// layout (kind + hash of the normalised headers) for a street (or a district); `import_household`
// keeps the household number (户号) a file gave each household it registered, so a corrected row of
// a later file joins the household by that number.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('import_job')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('scope_id', 'text', (c) => c.notNull())
    .addColumn('org_path', 'text')
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('file_type', 'text', (c) => c.notNull())
    .addColumn('header_row', 'integer')
    .addColumn('columns', 'text', (c) => c.notNull())
    .addColumn('fixed', 'text', (c) => c.notNull())
    .addColumn('layout_hash', 'text', (c) => c.notNull())
    .addColumn('mapping_remembered', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('total_rows', 'integer')
    .addColumn('rows_checked', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('valid_rows', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('problem_rows', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('households', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('households_registered', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('members_added', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('chunk_size', 'integer', (c) => c.notNull())
    .addColumn('chunks_total', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('chunks_done', 'integer', (c) => c.notNull().defaultTo(0))
    // The first problems (row, column, code, params), in no language: presented in the reader's.
    .addColumn('problems', 'text', (c) => c.notNull())
    .addColumn('error_key', 'text')
    .addColumn('error_params', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .execute();
  await db.schema
    .createIndex('import_job_user')
    .on('import_job')
    .columns(['user_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('import_mapping')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('scope_id', 'text', (c) => c.notNull())
    .addColumn('layout_hash', 'text', (c) => c.notNull())
    .addColumn('mapping', 'text', (c) => c.notNull())
    .addColumn('fixed', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('import_mapping_pk', ['kind', 'scope_id', 'layout_hash'])
    .execute();

  await db.schema
    .createTable('import_household')
    .addColumn('street_id', 'text', (c) => c.notNull())
    .addColumn('household_no', 'text', (c) => c.notNull())
    .addColumn('household_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('import_household_pk', ['street_id', 'household_no'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('import_household').execute();
  await db.schema.dropTable('import_mapping').execute();
  await db.schema.dropTable('import_job').execute();
}
