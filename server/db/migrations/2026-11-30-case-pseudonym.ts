import type { Kysely } from 'kysely';

// The name a case's client goes by when the story is published (化名); null: the default derived
// from the client's name.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('social_case').addColumn('pseudonym', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('social_case').dropColumn('pseudonym').execute();
}
