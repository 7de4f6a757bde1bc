import type { Kysely } from 'kysely';

// Facts about the installation itself, one row each: e.g. that the demo district was loaded into this
// database, which a production start must refuse (its accounts share a password printed in the README).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('system_setting')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('system_setting').execute();
}
