import type { Kysely } from 'kysely';

// Corrections to the national working-day calendar (the chinese-days package): a day the State
// Council announced after the package was published, or one it has wrong. One row a day, district-wide.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('workday_override')
    .addColumn('day', 'text', (c) => c.primaryKey())
    // 'workday' (a 调休 Saturday, say) or 'holiday'.
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('workday_override').execute();
}
