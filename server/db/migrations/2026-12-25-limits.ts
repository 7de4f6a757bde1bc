import type { Kysely } from 'kysely';

// What several Linli processes on one database must agree on. Rate-limit counters (unless Redis
// keeps them): one row per limited key, `expire` in epoch milliseconds as rate-limiter-flexible's own
// stores keep it. Spent proof-of-work challenges of the public tip form: a solved challenge is good
// for one tip, so its signature is kept until the challenge would have expired anyway.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('rate_limit')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('points', 'integer', (c) => c.notNull())
    .addColumn('expire', 'bigint')
    .execute();
  await db.schema.createIndex('rate_limit_expire').on('rate_limit').column('expire').execute();
  await db.schema
    .createTable('spent_challenge')
    .addColumn('signature', 'text', (c) => c.primaryKey())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('spent_challenge_expires_at')
    .on('spent_challenge')
    .column('expires_at')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('spent_challenge').execute();
  await db.schema.dropTable('rate_limit').execute();
}
