import type { DialectName } from '../db';
import { localJobs } from './local-jobs';
import { pgBossJobs } from './pg-boss-jobs';

/**
 * Timed and outgoing work (escalation sweeps, group-chat deliveries) as jobs. With PostgreSQL several
 * Linli processes may share one database, so a run must be claimed by exactly one of them: pg-boss
 * keeps the queue in the same database (schema `pgboss`). SQLite is one process by design, so there
 * the same handlers run on in-process timers.
 */
export interface Jobs {
  /**
   * Runs `run` every `everyMs` (at least a second), once per period across all processes sharing the
   * database. A run that throws is logged; the next period tries again. Register before `start`.
   */
  every(name: string, everyMs: number, run: () => Promise<void>): void;
  /** Handles one-off jobs of this name; a run that throws is tried again after a growing delay. */
  handle<T extends object>(name: string, run: (data: T) => Promise<void>, retry?: Retry): void;
  /** Queues a one-off job for the handler of that name; it runs once, in one process. */
  send(name: string, data: object): Promise<void>;
  /**
   * Asks for a periodic job to run soon, ahead of its period (new work was just queued). Waits a
   * moment first: work queued inside a transaction is visible only once it commits.
   */
  nudge(name: string): void;
  start(): Promise<void>;
  /** Stops taking work and waits for the runs under way; called when the app closes. */
  stop(): Promise<void>;
}

export interface Retry {
  /** Tries after the first; 0 gives up at the first failure. */
  limit: number;
  /** Wait before the first retry; each further retry waits twice as long. */
  delaySeconds: number;
}

export const DEFAULT_RETRY: Retry = { limit: 5, delaySeconds: 30 };

export interface JobsLog {
  info(obj: unknown, msg?: string): void;
  error(obj: unknown, msg?: string): void;
}

/** How long `nudge` waits for the transaction that queued the work to commit. */
export const NUDGE_DELAY_MS = 200;

/** pg-boss's throttle works in whole seconds. */
export function periodSeconds(everyMs: number): number {
  return Math.max(1, Math.round(everyMs / 1000));
}

export interface JobsOptions {
  dialect: DialectName;
  /** The PostgreSQL database to keep the queue in; required with the postgres dialect. */
  databaseUrl?: string;
  log: JobsLog;
}

/** The job runner for the database Linli runs on. */
export function createJobs(opts: JobsOptions): Jobs {
  if (opts.dialect === 'postgres') {
    if (!opts.databaseUrl) throw new Error('jobs on PostgreSQL need the database URL');
    return pgBossJobs(opts.databaseUrl, opts.log);
  }
  return localJobs(opts.log);
}
