import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { LogConfig } from 'kysely';
import pg from 'pg';
import {
  migrateToLatest,
  openDb,
  refreshStatistics,
  sqliteFileIn,
  type DbHandle,
} from '../server/db';
import { createFieldCipher, useFieldCipher } from '../server/lib/crypto';
import { generateDistrict, type DistrictSamples, type GenerationCounts } from './district-data';

/** Where a generated district lives, and how to open it; generation is slow, so it is kept for reuse. */

/** The key the district's fields are sealed with; the measured server must be started with it. */
export const DISTRICT_SECRET_KEY = 'linli-bench-district-secret-key-2026';
const PG_ADMIN_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

export interface DistrictTarget {
  dialect: 'sqlite' | 'postgres';
  scale: number;
  /** SQLite: the data directory holding linli.db. */
  dataDir?: string;
  /** PostgreSQL: the database's URL. */
  databaseUrl?: string;
  /** Where the manifest (counts, samples, generation time) is kept. */
  manifestFile: string;
}

export interface DistrictManifest {
  scale: number;
  dialect: string;
  generatedAt: string;
  /** The tree the data was made from. */
  commit: string;
  seconds: number;
  bytes: number;
  counts: GenerationCounts;
  samples: DistrictSamples;
  /** The planner's statistics were refreshed after the bulk write, as the app does after an import. */
  analyzed?: boolean;
}

export function targetFor(
  dialect: 'sqlite' | 'postgres',
  scale: number,
  dir: string | undefined,
): DistrictTarget {
  const tag = scale === 1 ? '' : `_s${String(scale).replace('.', '')}`;
  if (dialect === 'sqlite') {
    const dataDir = dir ?? path.join(os.tmpdir(), `linli-bench-district${tag}`);
    return { dialect, scale, dataDir, manifestFile: path.join(dataDir, 'district.json') };
  }
  const name = `linli_bench_district${tag}`;
  return {
    dialect,
    scale,
    databaseUrl: `postgres://postgres@127.0.0.1:5432/${name}`,
    manifestFile: path.join(dir ?? os.tmpdir(), `${name}.json`),
  };
}

export function openTarget(t: DistrictTarget, log?: LogConfig): DbHandle {
  return openDb({ dataDir: t.dataDir ?? os.tmpdir(), databaseUrl: t.databaseUrl, log });
}

const databaseName = (url: string) => new URL(url).pathname.slice(1);

async function onPgAdmin(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: PG_ADMIN_URL });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

export function treeState(): string {
  const git = (...args: string[]) =>
    execFileSync('git', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  try {
    const changed = git('status', '--porcelain').split('\n').filter(Boolean).length;
    return `${git('rev-parse', '--short', 'HEAD')}${changed ? ` plus ${changed} uncommitted changes` : ''}`;
  } catch {
    return 'unknown';
  }
}

async function databaseBytes(t: DistrictTarget, handle: DbHandle): Promise<number> {
  if (t.dialect === 'sqlite') {
    handle.sqlite!.pragma('wal_checkpoint(TRUNCATE)');
    return fs.statSync(sqliteFileIn(t.dataDir!)).size;
  }
  const client = new pg.Client({ connectionString: t.databaseUrl });
  await client.connect();
  try {
    const r = await client.query<{ n: string }>('select pg_database_size(current_database()) as n');
    return Number(r.rows[0].n);
  } finally {
    await client.end();
  }
}

export function readManifest(t: DistrictTarget): DistrictManifest | undefined {
  if (!fs.existsSync(t.manifestFile)) return undefined;
  const m = JSON.parse(fs.readFileSync(t.manifestFile, 'utf8')) as DistrictManifest;
  if (t.dialect === 'sqlite' && !fs.existsSync(sqliteFileIn(t.dataDir!))) return undefined;
  return m.scale === t.scale ? m : undefined;
}

/**
 * The generated district, made now unless a complete one is kept from an earlier run (the manifest is
 * written last, so a run stopped half-way is started again from scratch).
 */
export async function ensureDistrict(
  t: DistrictTarget,
  opts: { fresh: boolean; log: (line: string) => void },
): Promise<DistrictManifest> {
  const kept = !opts.fresh && readManifest(t);
  if (kept) {
    opts.log(`Reusing the district generated ${kept.generatedAt} (${t.manifestFile}).`);
    if (!kept.analyzed) {
      // Kept from before the bench refreshed statistics itself: once, now, as an import would have.
      const handle = openTarget(t);
      try {
        await migrateToLatest(handle.db);
        await refreshStatistics(handle);
      } finally {
        await handle.close();
      }
      kept.analyzed = true;
      fs.writeFileSync(t.manifestFile, JSON.stringify(kept, null, 2));
    }
    return kept;
  }
  fs.rmSync(t.manifestFile, { force: true });
  if (t.dialect === 'sqlite') {
    fs.rmSync(t.dataDir!, { recursive: true, force: true });
    fs.mkdirSync(t.dataDir!, { recursive: true });
  } else {
    const name = databaseName(t.databaseUrl!);
    await onPgAdmin(`drop database if exists ${name} with (force)`);
    await onPgAdmin(`create database ${name}`);
  }
  opts.log(`Generating the district at scale ${t.scale} on ${t.dialect} …`);
  const started = Date.now();
  const handle = openTarget(t);
  try {
    // Generation only: a crash half-way just means generating again.
    if (handle.sqlite) handle.sqlite.pragma('synchronous = OFF');
    await migrateToLatest(handle.db);
    useFieldCipher(createFieldCipher(DISTRICT_SECRET_KEY));
    const { counts, samples } = await generateDistrict(handle.db, t.scale, opts.log);
    if (handle.sqlite) handle.sqlite.pragma('synchronous = FULL');
    // What the app does after an import commits: the planner learns the new rows' shape.
    await refreshStatistics(handle);
    const seconds = (Date.now() - started) / 1000;
    const manifest: DistrictManifest = {
      scale: t.scale,
      dialect: t.dialect,
      generatedAt: new Date().toISOString(),
      commit: treeState(),
      seconds,
      bytes: await databaseBytes(t, handle),
      counts,
      samples,
      analyzed: true,
    };
    fs.mkdirSync(path.dirname(t.manifestFile), { recursive: true });
    fs.writeFileSync(t.manifestFile, JSON.stringify(manifest, null, 2));
    opts.log(
      `Generated in ${seconds.toFixed(0)} s, ${(manifest.bytes / 2 ** 20).toFixed(0)} MiB: ${JSON.stringify(counts)}`,
    );
    return manifest;
  } finally {
    await handle.close();
  }
}

export async function dropDistrict(t: DistrictTarget): Promise<void> {
  fs.rmSync(t.manifestFile, { force: true });
  if (t.dialect === 'sqlite') fs.rmSync(t.dataDir!, { recursive: true, force: true });
  else await onPgAdmin(`drop database if exists ${databaseName(t.databaseUrl!)} with (force)`);
}
