import { PostgresAdapter, sql, type Kysely } from 'kysely';

/**
 * Indexes that let PostgreSQL, not only SQLite, answer every list and its capped count from an index:
 * - the issue board's indexes also carry status and step deadline, so a tab's or the overdue count
 *   reads the index alone (an index-only scan) instead of fetching each row to test it, which on
 *   PostgreSQL lost to reading the whole table;
 * - the cases list's order (open first, next contact, newest opened) per street, per station and for
 *   the whole district, with the directions it sorts in, so a page is the first rows of one index;
 * - a phone tail across a whole district;
 * - on PostgreSQL, trigrams of a household's address, for the infix search a number in the search box
 *   also runs (when the pg_trgm extension is there to be had).
 */
const issueIndexes: [name: string, columns: string][] = [
  ['issue_created', 'created_at, id'],
  ['issue_street_created', 'street_id, created_at, id'],
  ['issue_community_created', 'community_id, created_at, id'],
  ['issue_grid_created', 'grid_id, created_at, id'],
  ['issue_reporter_created', 'reporter_id, created_at, id'],
  ['issue_assignee_created', 'assignee_id, created_at, id'],
];

const caseOrder = 'status DESC, next_contact_date, opened_at DESC, id';
const caseIndexes: [name: string, columns: string][] = [
  ['case_street_order', `street_id, ${caseOrder}`],
  ['case_station_order', `station_id, ${caseOrder}`],
  ['case_order', caseOrder],
];
const oldCaseIndexes: [name: string, columns: string][] = [
  ['case_street_order', 'street_id, status, next_contact_date, opened_at, id'],
  ['case_order', 'status, next_contact_date, opened_at, id'],
];

const ADDRESS = "(building || '-' || coalesce(unit_no, '') || '-' || room)";

async function recreate(db: Kysely<any>, table: string, name: string, columns: string) {
  await sql.raw(`DROP INDEX IF EXISTS ${name}`).execute(db);
  await sql.raw(`CREATE INDEX ${name} ON ${table} (${columns})`).execute(db);
}

/** Whether pg_trgm is installed, or this role may install it (a trusted extension needs CREATE on the database). */
async function trigramsAvailable(db: Kysely<any>): Promise<boolean> {
  const { rows } = await sql<{ ok: boolean }>`
    select exists (select 1 from pg_extension where extname = 'pg_trgm')
      or (
        exists (
          select 1 from pg_available_extension_versions v
          where v.name = 'pg_trgm'
            and (v.trusted or (select rolsuper from pg_roles where rolname = current_user))
        )
        and has_database_privilege(current_database(), 'CREATE')
      ) as ok`.execute(db);
  return rows[0]?.ok === true;
}

export async function up(db: Kysely<any>): Promise<void> {
  for (const [name, columns] of issueIndexes)
    await recreate(db, 'issue', name, `${columns}, status, step_deadline`);
  for (const [name, columns] of caseIndexes) await recreate(db, 'social_case', name, columns);
  await sql.raw('CREATE INDEX resident_last4 ON resident (phone_last4)').execute(db);
  if (db.getExecutor().adapter instanceof PostgresAdapter && (await trigramsAvailable(db))) {
    await sql.raw('CREATE EXTENSION IF NOT EXISTS pg_trgm').execute(db);
    await sql
      .raw(`CREATE INDEX household_address_trgm ON household USING gin (${ADDRESS} gin_trgm_ops)`)
      .execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  // The extension stays: something else in the database may use it.
  await sql.raw('DROP INDEX IF EXISTS household_address_trgm').execute(db);
  await sql.raw('DROP INDEX IF EXISTS resident_last4').execute(db);
  await sql.raw('DROP INDEX IF EXISTS case_station_order').execute(db);
  for (const [name, columns] of oldCaseIndexes) await recreate(db, 'social_case', name, columns);
  for (const [name, columns] of issueIndexes) await recreate(db, 'issue', name, columns);
}
