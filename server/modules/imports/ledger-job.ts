import { openDb, type Db, type DbConnection } from '../../db';
import { createFieldCipher, useFieldCipher } from '../../lib/crypto';
import { nowIso } from '../../lib/time';
import type { Caller } from '../../lib/caller';
import type { GridPlacement } from '../org/service';
import { buildLedgerChunk, writeLedgerChunk } from '../people/ledger';
import {
  planLedger,
  sortProblems,
  type FixedPlace,
  type PlannedHousehold,
} from '../people/ledger-check';
import type { ParsedRow, Problem } from '../people/ledger-parse';
import { eachLine, writeLines } from './lines';
import * as repo from './repo';

/**
 * The residents import's database work, done in the import's worker thread on a connection of its
 * own: the plan of the checked rows, and the commit, chunk by chunk. The rows, the plan and the
 * sealing, hashing and pinyin of every resident stay off the main thread, whose requests then neither
 * wait for the event loop nor (on SQLite, where Kysely has one connection) for a chunk's transaction:
 * in WAL a reader never waits for the writer.
 */

/** What the worker needs to work on the database as the caller. */
export interface LedgerJobContext {
  connection: DbConnection;
  /** LINLI_SECRET_KEY: the worker seals ID numbers and phones and hashes them itself. */
  secretKey: string;
  caller: Caller;
}

/** Opens the worker's own connection for the work, and closes it after. */
export async function withWorkerDb<T>(
  ctx: LedgerJobContext,
  work: (db: Db) => Promise<T>,
): Promise<T> {
  useFieldCipher(createFieldCipher(ctx.secretKey));
  const handle = openDb(ctx.connection);
  if (handle.sqlite) {
    // It writes in chunks and reads little: a smaller page cache and no memory map keep the server's
    // memory for its requests.
    handle.sqlite.pragma('cache_size = -16384');
    handle.sqlite.pragma('mmap_size = 0');
    // A request's write (or another process's) holds the one write lock for a moment; a background
    // job can wait longer for it than a request would, rather than fail the import.
    handle.sqlite.pragma('busy_timeout = 60000');
  }
  try {
    return await work(handle.db);
  } finally {
    await handle.close();
  }
}

export interface LedgerCheckSummary {
  validRows: number;
  problemRows: number;
  households: number;
  /** The first problems, in row order, for the dialog; all of them are in the problems file. */
  problems: Problem[];
}

/** Plans the checked rows into households and writes the plan and the problems, one a line. */
export async function planLedgerFiles(
  db: Db,
  o: {
    caller: Caller;
    rows: ParsedRow[];
    fixed: FixedPlace;
    planFile: string;
    problemsFile: string;
    shown: number;
  },
): Promise<LedgerCheckSummary> {
  const plan = await planLedger(db, o.caller, o.rows, o.fixed);
  o.rows.length = 0;
  await writeLines(o.planFile, plan.households);
  const problems = sortProblems(plan.problems);
  await writeLines(o.problemsFile, problems);
  return {
    validRows: plan.validRows,
    problemRows: plan.problemRows,
    households: plan.households.length,
    problems: problems.slice(0, o.shown),
  };
}

/** Another run wrote the chunk first (a second commit call, another process). */
class ChunkTaken extends Error {}

/**
 * Writes the plan's chunks from the first one not done, each in its own transaction that also
 * records it as done; the plan is read a chunk at a time. Answers false when another run took a
 * chunk: that run carries on.
 */
export async function commitLedgerChunks(
  db: Db,
  o: { caller: Caller; jobId: string; planFile: string },
): Promise<boolean> {
  const job = await repo.getJob(db, o.jobId);
  if (!job || job.status !== 'committing') return false;
  const source = { type: 'import', id: o.jobId } as const;
  const placements = new Map<string, GridPlacement>();
  const size = job.chunk_size;
  const skip = job.chunks_done * size;
  let k = job.chunks_done;
  let seen = 0;
  let slice: PlannedHousehold[] = [];
  const write = async (): Promise<boolean> => {
    // Sealing, pinyin and history are built before the transaction, which is then a few statements.
    const chunk = await buildLedgerChunk(db, o.caller, slice, source, placements);
    slice = [];
    const written = await db
      .transaction()
      .execute(async (trx) => {
        const counts = await writeLedgerChunk(trx, chunk);
        if (!(await repo.markChunkDone(trx, o.jobId, k, { ...counts, at: nowIso() })))
          throw new ChunkTaken();
        return true;
      })
      .catch((err: unknown) => {
        if (err instanceof ChunkTaken) return false;
        throw err;
      });
    k++;
    return written;
  };
  for await (const line of eachLine(o.planFile)) {
    // The chunks written before (by a run the server's stop cut short) are not read again.
    if (seen++ < skip) continue;
    slice.push(JSON.parse(line) as PlannedHousehold);
    if (slice.length === size && !(await write())) return false;
  }
  return slice.length ? write() : true;
}
