import { PostgresAdapter, sql, type Kysely } from 'kysely';

/**
 * Indexes for the lists users open all day, in the order each list sorts, so a page is the first
 * rows of one index range (or a keyset seek into it) rather than a sort of the whole scope:
 * - residents by grid and community in name order (a street's are in resident_initials), and for a
 *   whole district in name order and by pinyin or name prefix without a street;
 * - the issue board newest first per street, community, grid, reporter and assignee, and its
 *   counts per status and overdue per street;
 * - the cases list per street in its order (open first, next contact, newest);
 * - places per street in register order.
 */
const indexes: [name: string, table: string, columns: string][] = [
  ['resident_grid_order', 'resident', 'grid_id, name_initials, name, id'],
  ['resident_community_order', 'resident', 'community_id, name_initials, name, id'],
  ['resident_order', 'resident', 'name_initials, name, id'],
  ['issue_created', 'issue', 'created_at, id'],
  ['issue_street_created', 'issue', 'street_id, created_at, id'],
  ['issue_community_created', 'issue', 'community_id, created_at, id'],
  ['issue_grid_created', 'issue', 'grid_id, created_at, id'],
  ['issue_reporter_created', 'issue', 'reporter_id, created_at, id'],
  ['issue_assignee_created', 'issue', 'assignee_id, created_at, id'],
  ['issue_street_deadline', 'issue', 'street_id, step_deadline'],
  ['issue_status_deadline', 'issue', 'status, step_deadline'],
  ['case_street_order', 'social_case', 'street_id, status, next_contact_date, opened_at, id'],
  ['case_order', 'social_case', 'status, next_contact_date, opened_at, id'],
  ['case_form_case', 'case_stage_form', 'case_id, cycle'],
  ['place_street_order', 'place', 'street_id, community_id, grid_id, name, id'],
  ['place_order', 'place', 'community_id, grid_id, name, id'],
  ['household_grid', 'household', 'grid_id, status'],
  ['household_community', 'household', 'community_id, status'],
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const [name, table, columns] of indexes)
    await sql.raw(`CREATE INDEX IF NOT EXISTS ${name} ON ${table} (${columns})`).execute(db);
  // A prefix LIKE on the initials without a street (a district admin's search) needs the pattern
  // operator class on PostgreSQL, whose databases here are not in the C locale.
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) {
    // SQLite's case-sensitive LIKE runs a prefix search on a plain index.
    await sql
      .raw('CREATE INDEX IF NOT EXISTS resident_pinyin_any ON resident (name_pinyin)')
      .execute(db);
    await sql.raw('CREATE INDEX IF NOT EXISTS resident_name_any ON resident (name)').execute(db);
  } else {
    await sql
      .raw(
        'CREATE INDEX IF NOT EXISTS resident_initials_any_pattern ON resident (name_initials text_pattern_ops, name)',
      )
      .execute(db);
    await sql
      .raw(
        'CREATE INDEX IF NOT EXISTS resident_pinyin_any_pattern ON resident (name_pinyin text_pattern_ops)',
      )
      .execute(db);
    await sql
      .raw(
        'CREATE INDEX IF NOT EXISTS resident_name_any_pattern ON resident (name text_pattern_ops)',
      )
      .execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const name of [
    ...indexes.map(([n]) => n),
    'resident_initials_any_pattern',
    'resident_pinyin_any_pattern',
    'resident_name_any_pattern',
    'resident_pinyin_any',
    'resident_name_any',
  ])
    await sql.raw(`DROP INDEX IF EXISTS ${name}`).execute(db);
}
