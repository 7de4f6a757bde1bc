import type { Kysely } from 'kysely';

// Door-to-door campaigns (宣传走访活动): what is handed out, to which communities or grids, and each
// visit to a household. Visits are append-only; a household's outcome is its latest visit, and
// coverage is counted from them when asked, never kept as a counter. Every row carries the street.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('campaign')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('street_id', 'text', (c) => c.notNull())
    .addColumn('owner_unit_id', 'text', (c) => c.notNull())
    .addColumn('org_path', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('materials', 'text', (c) => c.notNull())
    .addColumn('survey_id', 'text')
    .addColumn('start_date', 'text', (c) => c.notNull())
    .addColumn('end_date', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('campaign_street')
    .on('campaign')
    .columns(['street_id', 'start_date'])
    .execute();

  await db.schema
    .createTable('campaign_target')
    .addColumn('campaign_id', 'text', (c) => c.notNull().references('campaign.id'))
    .addColumn('unit_id', 'text', (c) => c.notNull())
    .addColumn('unit_kind', 'text', (c) => c.notNull())
    .addColumn('street_id', 'text', (c) => c.notNull())
    .addColumn('org_path', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('campaign_target_pk', ['campaign_id', 'unit_id'])
    .execute();
  await db.schema
    .createIndex('campaign_target_unit')
    .on('campaign_target')
    .column('unit_id')
    .execute();

  await db.schema
    .createTable('campaign_visit')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('campaign_id', 'text', (c) => c.notNull().references('campaign.id'))
    .addColumn('street_id', 'text', (c) => c.notNull())
    .addColumn('community_id', 'text', (c) => c.notNull())
    .addColumn('grid_id', 'text', (c) => c.notNull())
    .addColumn('org_path', 'text', (c) => c.notNull())
    .addColumn('household_id', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('worker_id', 'text', (c) => c.notNull())
    .addColumn('survey_answer_id', 'text')
    .addColumn('issue_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  // The latest visit of each household of a campaign, and a household's visits in order.
  await db.schema
    .createIndex('campaign_visit_household')
    .on('campaign_visit')
    .columns(['campaign_id', 'household_id', 'at'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('campaign_visit').execute();
  await db.schema.dropTable('campaign_target').execute();
  await db.schema.dropTable('campaign').execute();
}
