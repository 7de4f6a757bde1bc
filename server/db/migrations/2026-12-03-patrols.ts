import type { Kysely } from 'kysely';

// Patrols (巡查) of a grid by its grid worker, and what they found or visited on the way. Each row
// carries the street of its grid (the distribution key).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('patrol')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('street_id', 'text', (c) => c.notNull())
    .addColumn('community_id', 'text', (c) => c.notNull())
    .addColumn('grid_id', 'text', (c) => c.notNull())
    .addColumn('org_path', 'text', (c) => c.notNull())
    .addColumn('worker_id', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('ended_at', 'text')
    .addColumn('note', 'text')
    .addColumn('end_note', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('patrol_grid')
    .on('patrol')
    .columns(['grid_id', 'started_at'])
    .execute();
  await db.schema
    .createIndex('patrol_worker')
    .on('patrol')
    .columns(['worker_id', 'status', 'started_at'])
    .execute();
  await db.schema
    .createIndex('patrol_street')
    .on('patrol')
    .columns(['street_id', 'started_at'])
    .execute();

  await db.schema
    .createTable('patrol_finding')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('patrol_id', 'text', (c) => c.notNull().references('patrol.id'))
    .addColumn('street_id', 'text', (c) => c.notNull())
    .addColumn('grid_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('place_id', 'text')
    .addColumn('place_name', 'text')
    .addColumn('location_text', 'text')
    .addColumn('lat', 'double precision')
    .addColumn('lng', 'double precision')
    .addColumn('description', 'text')
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('issue_id', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('patrol_finding_patrol')
    .on('patrol_finding')
    .columns(['patrol_id', 'at'])
    .execute();
  // Sweep coverage: the places of a grid visited in a period.
  await db.schema
    .createIndex('patrol_finding_place')
    .on('patrol_finding')
    .columns(['grid_id', 'at', 'place_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('patrol_finding').execute();
  await db.schema.dropTable('patrol').execute();
}
