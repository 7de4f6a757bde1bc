import { PostgresAdapter, sql, type Kysely } from 'kysely';

/**
 * Prefix searches (name initials, pinyin, name; materialised paths) must be index range scans on
 * both databases. SQLite gets them from case-sensitive LIKE (set when the connection opens);
 * PostgreSQL only when the index uses text_pattern_ops, as databases here are not in the C locale.
 */
export async function up(db: Kysely<any>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  const indexes: [string, string, string][] = [
    ['resident_initials_pattern', 'resident', 'street_id, name_initials text_pattern_ops, name'],
    ['resident_pinyin_pattern', 'resident', 'street_id, name_pinyin text_pattern_ops'],
    ['resident_name_pattern', 'resident', 'street_id, name text_pattern_ops'],
    ['resident_path_pattern', 'resident', 'org_path text_pattern_ops'],
    ['household_path_pattern', 'household', 'org_path text_pattern_ops'],
    ['org_unit_path_pattern', 'org_unit', 'path text_pattern_ops'],
  ];
  for (const [name, table, columns] of indexes) {
    await sql.raw(`CREATE INDEX IF NOT EXISTS ${name} ON ${table} (${columns})`).execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  for (const name of [
    'resident_initials_pattern',
    'resident_pinyin_pattern',
    'resident_name_pattern',
    'resident_path_pattern',
    'household_path_pattern',
    'org_unit_path_pattern',
  ]) {
    await sql.raw(`DROP INDEX IF EXISTS ${name}`).execute(db);
  }
}
