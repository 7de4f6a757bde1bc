import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { migrateToLatest, openDb, type DbHandle, type DialectName } from '../../server/db';

/** SQLite always; PostgreSQL too when LINLI_TEST_DATABASE_URL names a server to make databases on. */
export const dialects: DialectName[] = process.env.LINLI_TEST_DATABASE_URL
  ? ['sqlite', 'postgres']
  : ['sqlite'];

export interface TestDatabase {
  dialect: DialectName;
  /** Settings to open it: a DATABASE_URL for PostgreSQL, a data dir for SQLite. */
  databaseUrl?: string;
  dataDir: string;
  drop(): Promise<void>;
}

/** A database of its own for one test file: a new SQLite file, or a new PostgreSQL database. */
export async function createTestDatabase(dialect: DialectName): Promise<TestDatabase> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'linli-test-'));
  if (dialect === 'sqlite') {
    return {
      dialect,
      dataDir,
      drop: async () => fs.rmSync(dataDir, { recursive: true, force: true }),
    };
  }
  const adminUrl = process.env.LINLI_TEST_DATABASE_URL!;
  const name = `linli_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    dialect,
    dataDir,
    databaseUrl: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A migrated, empty database handle. */
export async function openTestDb(t: TestDatabase): Promise<DbHandle> {
  const handle = openDb({ databaseUrl: t.databaseUrl, dataDir: t.dataDir });
  await migrateToLatest(handle.db);
  return handle;
}
