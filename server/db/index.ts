import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, sql, SqliteDialect, type LogConfig } from 'kysely';
import { Migrator, type Migration } from 'kysely/migration';
import pg from 'pg';
import type { Database } from './schema';
import * as foundation from './migrations/2026-11-28-foundation';
import * as people from './migrations/2026-11-28-people';
import * as cases from './migrations/2026-11-29-cases';
import * as files from './migrations/2026-12-01-files';
import * as casePseudonym from './migrations/2026-11-30-case-pseudonym';
import * as places from './migrations/2026-12-04-places';
import * as issues from './migrations/2026-12-02-issues';
import * as patrols from './migrations/2026-12-03-patrols';
import * as searchIndexes from './migrations/2026-12-09-search-indexes';
import * as notify from './migrations/2026-12-20-notify';
import * as jobs from './migrations/2026-12-26-jobs';
import * as activities from './migrations/2026-12-12-activities';
import * as surveys from './migrations/2026-12-10-surveys';
import * as campaigns from './migrations/2026-12-11-campaigns';
import * as tips from './migrations/2026-12-13-tips';
import * as operations from './migrations/2026-12-14-operations';
import * as systemSetting from './migrations/2026-12-24-system-setting';
import * as limits from './migrations/2026-12-25-limits';
import * as imports from './migrations/2026-12-27-imports';
import * as listIndexes from './migrations/2026-12-28-list-indexes';
import * as workdayCalendar from './migrations/2026-12-29-workday-calendar';
import * as countAndSearchIndexes from './migrations/2026-12-30-count-and-search-indexes';

export type Db = Kysely<Database>;
export type DialectName = 'sqlite' | 'postgres';

export interface DbHandle {
  db: Db;
  dialect: DialectName;
  /** The SQLite file, for online backup; undefined on PostgreSQL. */
  sqlite?: SQLite.Database;
  /** How to open another connection to the same database (an import's worker thread opens its own). */
  connection: DbConnection;
  close(): Promise<void>;
}

export interface DbConnection {
  databaseUrl?: string;
  dataDir: string;
}

/**
 * Every migration; listed here rather than read from disk so they bundle and run under tsx alike.
 * Kysely runs them in the order of their names, so a new one needs a name that sorts last.
 */
const migrations: Record<string, Migration> = {
  '2026-11-28-foundation': foundation,
  '2026-11-28-people': people,
  '2026-11-29-cases': cases,
  '2026-11-30-case-pseudonym': casePseudonym,
  '2026-12-01-files': files,
  '2026-12-04-places': places,
  '2026-12-02-issues': issues,
  '2026-12-03-patrols': patrols,
  '2026-12-09-search-indexes': searchIndexes,
  '2026-12-20-notify': notify,
  '2026-12-26-jobs': jobs,
  '2026-12-12-activities': activities,
  '2026-12-10-surveys': surveys,
  '2026-12-11-campaigns': campaigns,
  '2026-12-13-tips': tips,
  '2026-12-14-operations': operations,
  '2026-12-24-system-setting': systemSetting,
  '2026-12-25-limits': limits,
  '2026-12-27-imports': imports,
  '2026-12-28-list-indexes': listIndexes,
  '2026-12-29-workday-calendar': workdayCalendar,
  '2026-12-30-count-and-search-indexes': countAndSearchIndexes,
};

/** Where the SQLite database lives inside the data directory. */
export const sqliteFileIn = (dataDir: string): string => path.join(dataDir, 'linli.db');

/** How many prepared statements a SQLite connection keeps: every distinct query the app makes, with room. */
const STATEMENT_CACHE_SIZE = 500;

/**
 * The connection as Kysely's SQLite driver sees it, with prepare() answered from a cache keyed by the
 * SQL text: the driver prepares every statement on every call, and preparing cost as much as running
 * the query for the short reads most requests make. A better-sqlite3 statement is reusable with any
 * parameters; one that is still being iterated (a stream) is busy, so that caller gets a fresh one.
 */
export function cachingStatements(sqlite: SQLite.Database, size = STATEMENT_CACHE_SIZE) {
  const cache = new Map<string, SQLite.Statement>();
  return {
    close: () => {
      cache.clear();
      sqlite.close();
    },
    prepare: (sqlText: string): SQLite.Statement => {
      // A transaction takes the write lock when it begins. Kysely begins deferred: one that read
      // first and then wrote, after another connection (the import's worker, another process) had
      // committed in between, failed at once with "database is locked", whatever the busy timeout.
      const text = sqlText === 'begin' ? 'begin immediate' : sqlText;
      const hit = cache.get(text);
      if (hit) {
        if (hit.busy) return sqlite.prepare(text);
        // Least recently used goes first: a Map iterates in insertion order.
        cache.delete(text);
        cache.set(text, hit);
        return hit;
      }
      const stmt = sqlite.prepare(text);
      cache.set(text, stmt);
      if (cache.size > size) cache.delete(cache.keys().next().value!);
      return stmt;
    },
  };
}

export function openDb(opts: { databaseUrl?: string; dataDir: string; log?: LogConfig }): DbHandle {
  if (opts.databaseUrl && /^postgres(ql)?:\/\//.test(opts.databaseUrl)) {
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: 10 });
    // An idle connection dropped by the server (restart, failover) is replaced on next use; without
    // a listener its error would end the process.
    pool.on('error', () => undefined);
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }), log: opts.log });
    const connection = { databaseUrl: opts.databaseUrl, dataDir: opts.dataDir };
    return { db, dialect: 'postgres', connection, close: () => db.destroy() };
  }
  fs.mkdirSync(opts.dataDir, { recursive: true });
  const file = sqliteFileIn(opts.dataDir);
  const sqlite = new SQLite(file);
  // WAL lets readers go on while one writer writes, and a busy timeout makes a second process wait
  // instead of failing.
  sqlite.pragma('journal_mode = WAL');
  // FULL syncs the WAL on every commit: NORMAL survives a process crash but may lose the last
  // acknowledged writes on power loss.
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // LIKE 'wp%' then becomes an index range scan (as on PostgreSQL, LIKE is case-sensitive there too).
  sqlite.pragma('case_sensitive_like = ON');
  sqlite.pragma('cache_size = -65536');
  // Pages read through the memory map count in the server's resident memory: with 256 MB mapped, a
  // street's import (while others searched) peaked at 672 MB; with 64 MB, at 554 MB, and the others'
  // searches were no slower (bench/import.ts).
  sqlite.pragma('mmap_size = 67108864');
  const db = new Kysely<Database>({
    dialect: new SqliteDialect({ database: cachingStatements(sqlite) }),
    log: opts.log,
  });
  const connection = { dataDir: opts.dataDir };
  return { db, dialect: 'sqlite', sqlite, connection, close: () => db.destroy() };
}

export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: () => Promise.resolve(migrations) },
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(JSON.stringify(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/**
 * Refreshes the planner's statistics, so it sees how selective each index is (without them SQLite
 * walked a whole district's path range instead of the name index it had). Run after migrations, after
 * an import commits and on a schedule. SQLite samples a bounded number of rows per index, so this
 * stays quick at a million residents.
 */
export async function refreshStatistics(handle: Pick<DbHandle, 'db' | 'dialect'>): Promise<void> {
  if (handle.dialect === 'postgres') {
    // VACUUM sets the visibility map too: without it an index-only scan (the capped counts are
    // those) fetches every row it reads, and the planner rightly prefers reading the whole table.
    // Autovacuum sets it as well, but only some time after an import, and never where it is off.
    await sql`VACUUM (ANALYZE)`.execute(handle.db);
    return;
  }
  await sql`PRAGMA analysis_limit = 1000`.execute(handle.db);
  await sql`ANALYZE`.execute(handle.db);
}
