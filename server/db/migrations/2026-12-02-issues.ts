import type { Kysely } from 'kysely';

// Issues (事件) and their timeline, the time limits of their steps, and the notices escalation sends.
// Every row carries the street of its grid (the distribution key) and issues the grid's org path.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('issue')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('source_id', 'text')
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('street_id', 'text', (c) => c.notNull())
    .addColumn('community_id', 'text', (c) => c.notNull())
    .addColumn('grid_id', 'text', (c) => c.notNull())
    .addColumn('org_path', 'text', (c) => c.notNull())
    .addColumn('place_id', 'text')
    .addColumn('place_name', 'text')
    .addColumn('location_text', 'text')
    .addColumn('lat', 'double precision')
    .addColumn('lng', 'double precision')
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('reporter_id', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('department_id', 'text')
    .addColumn('assignee_id', 'text')
    .addColumn('escalation_level', 'text', (c) => c.notNull().defaultTo('grid'))
    .addColumn('step_deadline', 'text')
    .addColumn('escalate_at', 'text')
    .addColumn('rectification', 'text')
    .addColumn('rating', 'integer')
    .addColumn('merged_into', 'text')
    .addColumn('closed_at', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  const issueIndexes: [string, string[]][] = [
    ['issue_street_status', ['street_id', 'status', 'created_at']],
    ['issue_community_status', ['community_id', 'status']],
    ['issue_grid_status', ['grid_id', 'status']],
    ['issue_path', ['org_path']],
    ['issue_department', ['department_id', 'status']],
    ['issue_deadline', ['step_deadline']],
    ['issue_escalate_at', ['escalate_at']],
    ['issue_place', ['place_id']],
    ['issue_reporter', ['reporter_id']],
    ['issue_source', ['source', 'source_id']],
  ];
  for (const [name, columns] of issueIndexes)
    await db.schema.createIndex(name).on('issue').columns(columns).execute();

  await db.schema
    .createTable('issue_step')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('issue_id', 'text', (c) => c.notNull().references('issue.id'))
    .addColumn('street_id', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('actor_name', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('department_id', 'text')
    .addColumn('assignee_id', 'text')
    .addColumn('level', 'text')
    .addColumn('related_issue_id', 'text')
    .addColumn('rating', 'integer')
    .execute();
  await db.schema
    .createIndex('issue_step_issue')
    .on('issue_step')
    .columns(['issue_id', 'at'])
    .execute();
  await db.schema
    .createIndex('issue_step_department')
    .on('issue_step')
    .columns(['department_id', 'issue_id'])
    .execute();
  await db.schema
    .createIndex('issue_step_assignee')
    .on('issue_step')
    .columns(['assignee_id', 'issue_id'])
    .execute();

  // street_id null: a district-wide rule. What no rule sets, the code's defaults decide.
  await db.schema
    .createTable('issue_deadline_rule')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('street_id', 'text')
    .addColumn('step', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('amount', 'integer', (c) => c.notNull())
    .addColumn('unit', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('issue_deadline_rule_street')
    .on('issue_deadline_rule')
    .columns(['street_id', 'step', 'category'])
    .execute();

  await db.schema
    .createTable('issue_notice')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('issue_id', 'text', (c) => c.notNull().references('issue.id'))
    .addColumn('street_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('level', 'text')
    .addColumn('unit_id', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('read_at', 'text')
    .addColumn('read_by', 'text')
    .execute();
  await db.schema
    .createIndex('issue_notice_unit')
    .on('issue_notice')
    .columns(['unit_id', 'read_at', 'created_at'])
    .execute();
  await db.schema.createIndex('issue_notice_issue').on('issue_notice').column('issue_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['issue_notice', 'issue_deadline_rule', 'issue_step', 'issue'])
    await db.schema.dropTable(t).execute();
}
