import type { FastifyReply } from 'fastify';
import { Redis } from 'ioredis';
import { sql } from 'kysely';
import {
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
  type RateLimiterAbstract,
} from 'rate-limiter-flexible';
import RateLimiterStoreAbstract from 'rate-limiter-flexible/lib/RateLimiterStoreAbstract.js';
import type { Db } from '../db';
import { AppError } from './errors';

/**
 * Rate limits and throttles whose counters every Linli process shares: in the database by default,
 * in Redis when LINLI_REDIS_URL is set. A counter kept in one process's memory would let a restart
 * clear it and a second process behind the balancer double every limit.
 */
export interface LimitRule {
  /** Keeps this rule's counters apart from every other rule's. */
  name: string;
  /** What may be spent in a window. */
  points: number;
  seconds: number;
}

export interface Limits {
  /**
   * Counters of one rule. Use them outside any transaction: on SQLite's single connection a counter
   * asked for inside one would wait for that very transaction to end.
   */
  limiter(rule: LimitRule): RateLimiterAbstract;
  close(): Promise<void>;
}

declare module 'fastify' {
  interface FastifyInstance {
    limits: Limits;
  }
  interface FastifyContextConfig {
    /** Requests from one address to this route, at most `points` in `seconds`; then 429. */
    limit?: { points: number; seconds: number };
  }
}

/** Expired rows are left where they are until one sweep every few minutes per process. */
const SWEEP_EVERY_MS = 5 * 60 * 1000;

type StoredCount = { points: number; expire: number | null };

/**
 * rate-limiter-flexible's store on our `rate_limit` table, through Kysely on either dialect. Its own
 * SQLite store takes the raw better-sqlite3 handle, whose writes would land inside whatever Kysely
 * transaction is open on that connection and be undone by that transaction's rollback; through
 * Kysely a counter waits its turn instead.
 */
class RateLimiterKysely extends RateLimiterStoreAbstract {
  private readonly db: Db;
  private readonly sweep: (now: number) => Promise<void>;

  constructor(
    opts: { db: Db; sweep: (now: number) => Promise<void> } & LimitRule & { keyPrefix: string },
  ) {
    super({
      storeClient: opts.db,
      points: opts.points,
      duration: opts.seconds,
      keyPrefix: opts.keyPrefix,
    });
    this.db = opts.db;
    this.sweep = opts.sweep;
  }

  // The methods below are the store's part of the base class's contract (untyped in its types).
  _getRateLimiterRes(_key: string, changedPoints: number, stored: StoredCount): RateLimiterRes {
    const isFirstInDuration = changedPoints === stored.points;
    const consumed = isFirstInDuration ? changedPoints : stored.points;
    return new RateLimiterRes(
      Math.max(this.points - consumed, 0),
      stored.expire === null ? -1 : Math.max(stored.expire - Date.now(), 0),
      consumed,
      isFirstInDuration,
    );
  }

  async _upsert(
    key: string,
    points: number,
    msDuration: number,
    forceExpire = false,
  ): Promise<StoredCount> {
    const now = Date.now();
    await this.sweep(now);
    const expire = msDuration > 0 ? now + msDuration : null;
    // A live counter grows and keeps its window; an expired one starts again. `block` and `set`
    // (forceExpire) overwrite both.
    const live = sql<boolean>`rate_limit.expire IS NULL OR rate_limit.expire > ${now}`;
    const row = await this.db
      .insertInto('rate_limit')
      .values({ key, points, expire })
      .onConflict((oc) =>
        oc.column('key').doUpdateSet(
          forceExpire
            ? { points, expire }
            : {
                points: sql<number>`CASE WHEN ${live} THEN rate_limit.points + excluded.points ELSE excluded.points END`,
                expire: sql<number>`CASE WHEN ${live} THEN rate_limit.expire ELSE excluded.expire END`,
              },
        ),
      )
      .returning(['points', 'expire'])
      .executeTakeFirstOrThrow();
    return storedCount(row);
  }

  async _get(key: string): Promise<StoredCount | null> {
    const now = Date.now();
    const row = await this.db
      .selectFrom('rate_limit')
      .select(['points', 'expire'])
      .where('key', '=', key)
      .where((eb) => eb.or([eb('expire', '>', now), eb('expire', 'is', null)]))
      .executeTakeFirst();
    return row ? storedCount(row) : null;
  }

  async _delete(key: string): Promise<boolean> {
    const r = await this.db.deleteFrom('rate_limit').where('key', '=', key).executeTakeFirst();
    return Number(r.numDeletedRows) > 0;
  }
}

// PostgreSQL hands a bigint back as a string.
const storedCount = (row: { points: number; expire: number | string | null }): StoredCount => ({
  points: Number(row.points),
  expire: row.expire === null ? null : Number(row.expire),
});

function databaseLimits(db: Db): Limits {
  let sweptAt = 0;
  const sweep = async (now: number) => {
    if (now - sweptAt < SWEEP_EVERY_MS) return;
    sweptAt = now;
    await db.deleteFrom('rate_limit').where('expire', '<', now).execute();
  };
  return {
    limiter: (rule) => new RateLimiterKysely({ db, sweep, ...rule, keyPrefix: rule.name }),
    close: async () => undefined,
  };
}

async function redisLimits(url: string, keyPrefix: string): Promise<Limits> {
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1 });
  // A lost connection is retried in the background; until it is back each process counts alone
  // (the insurance limiter below) rather than refusing everybody or letting everything through.
  redis.on('error', () => undefined);
  try {
    await redis.connect();
  } catch (err) {
    redis.disconnect();
    throw new Error(`LINLI_REDIS_URL: cannot connect to Redis (${(err as Error).message})`);
  }
  return {
    limiter: (rule) =>
      new RateLimiterRedis({
        storeClient: redis,
        rejectIfRedisNotReady: true,
        keyPrefix: `${keyPrefix}${rule.name}`,
        points: rule.points,
        duration: rule.seconds,
        insuranceLimiter: new RateLimiterMemory({
          keyPrefix: rule.name,
          points: rule.points,
          duration: rule.seconds,
        }),
      }),
    close: async () => {
      await redis.quit();
    },
  };
}

export async function openLimits(opts: {
  db: Db;
  redisUrl?: string;
  /** Keeps one deployment's (or one test's) counters apart from others on the same Redis. */
  redisKeyPrefix?: string;
}): Promise<Limits> {
  return opts.redisUrl
    ? redisLimits(opts.redisUrl, opts.redisKeyPrefix ?? 'linli:')
    : databaseLimits(opts.db);
}

/** Counts one request; past the limit refuses it with 429, saying when to try again. */
export async function takeOrRefuse(
  limiter: RateLimiterAbstract,
  key: string,
  reply: FastifyReply,
): Promise<void> {
  try {
    await limiter.consume(key);
  } catch (err) {
    if (!(err instanceof RateLimiterRes)) throw err;
    reply.header('retry-after', String(Math.max(1, Math.ceil(err.msBeforeNext / 1000))));
    throw new AppError(429, 'RATE_LIMITED');
  }
}
