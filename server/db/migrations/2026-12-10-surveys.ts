import type { Kysely } from 'kysely';

// Surveys (问卷): a survey with its editable draft, its frozen published versions, and the answers
// given to those versions. Every row carries the street of its survey (the distribution key).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('survey')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('street_id', 'text', (c) => c.notNull())
    .addColumn('org_unit_id', 'text', (c) => c.notNull())
    .addColumn('org_path', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('allow_multiple_per_household', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('draft', 'text', (c) => c.notNull())
    .addColumn('current_version', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('current_version_id', 'text')
    .addColumn('published_at', 'text')
    .addColumn('closed_at', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('survey_street')
    .on('survey')
    .columns(['street_id', 'updated_at'])
    .execute();
  await db.schema.createIndex('survey_path').on('survey').column('org_path').execute();

  await db.schema
    .createTable('survey_version')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('survey_id', 'text', (c) => c.notNull().references('survey.id'))
    .addColumn('street_id', 'text', (c) => c.notNull())
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('sections', 'text', (c) => c.notNull())
    .addColumn('published_by', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('survey_version_number')
    .on('survey_version')
    .columns(['survey_id', 'number'])
    .unique()
    .execute();

  await db.schema
    .createTable('survey_answer')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('survey_id', 'text', (c) => c.notNull().references('survey.id'))
    .addColumn('version_id', 'text', (c) => c.notNull().references('survey_version.id'))
    .addColumn('street_id', 'text', (c) => c.notNull())
    .addColumn('org_path', 'text', (c) => c.notNull())
    .addColumn('household_id', 'text')
    // The household again where the survey takes one answer per household, null otherwise: a unique
    // index on it refuses a second answer even when two arrive at once (nulls never collide).
    .addColumn('household_key', 'text')
    .addColumn('household_label', 'text')
    .addColumn('resident_id', 'text')
    .addColumn('resident_label', 'text')
    .addColumn('answers', 'text', (c) => c.notNull())
    .addColumn('context_kind', 'text')
    .addColumn('context_id', 'text')
    .addColumn('recorded_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('survey_answer_survey')
    .on('survey_answer')
    .columns(['survey_id', 'version_id', 'created_at'])
    .execute();
  await db.schema
    .createIndex('survey_answer_household')
    .on('survey_answer')
    .columns(['survey_id', 'household_key'])
    .unique()
    .execute();
  await db.schema
    .createIndex('survey_answer_context')
    .on('survey_answer')
    .columns(['context_kind', 'context_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('survey_answer').execute();
  await db.schema.dropTable('survey_version').execute();
  await db.schema.dropTable('survey').execute();
}
