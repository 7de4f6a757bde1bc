import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, dialects, type TestDatabase } from '../../test/support/db';
import { createJobs, type Jobs } from './jobs';

const quiet = { info: () => undefined, error: () => undefined };

/** A promise with its resolve, for waiting on a run. */
function signal<T = void>() {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

describe.each(dialects)('jobs on %s', (dialect) => {
  let database: TestDatabase;
  const started: Jobs[] = [];
  const runner = () => {
    const jobs = createJobs({ dialect, databaseUrl: database.databaseUrl, log: quiet });
    started.push(jobs);
    return jobs;
  };

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
  });
  afterAll(async () => {
    await Promise.all(started.map((j) => j.stop()));
    await database?.drop();
  });

  it('runs a periodic job every period, and ahead of it when nudged', async () => {
    const jobs = runner();
    let runs = 0;
    const third = signal();
    jobs.every('test.tick', 1000, async () => {
      if (++runs === 3) third.resolve();
    });
    const nudged = signal();
    jobs.every('test.rare', 3_600_000, async () => nudged.resolve());
    await jobs.start();
    await third.promise;
    jobs.nudge('test.rare');
    await nudged.promise;
    await jobs.stop();
  });

  it('tries a failed one-off job again, later, until it succeeds', async () => {
    const jobs = runner();
    const tries: number[] = [];
    const done = signal<object>();
    jobs.handle<{ tip: string }>(
      'test.once',
      async (data) => {
        tries.push(Date.now());
        if (tries.length < 2) throw new Error('mail server busy');
        done.resolve(data);
      },
      { limit: 3, delaySeconds: 1 },
    );
    await jobs.start();
    await jobs.send('test.once', { tip: 'T-1' });
    expect(await done.promise).toEqual({ tip: 'T-1' });
    expect(tries).toHaveLength(2);
    expect(tries[1] - tries[0]).toBeGreaterThanOrEqual(900);
    await jobs.stop();
  });

  it('lets a run under way finish before stop answers', async () => {
    const jobs = runner();
    const running = signal();
    let finished = false;
    jobs.every('test.slow', 1000, async () => {
      running.resolve();
      await new Promise((r) => setTimeout(r, 300));
      finished = true;
    });
    await jobs.start();
    await running.promise;
    await jobs.stop();
    expect(finished).toBe(true);
  });

  it.runIf(dialect === 'postgres')(
    'runs each period once although two runners on one database both keep the timer',
    async () => {
      const [a, b] = [runner(), runner()];
      const by: string[] = [];
      const enough = signal();
      for (const [name, jobs] of [
        ['a', a],
        ['b', b],
      ] as const) {
        jobs.every('test.shared', 1000, async () => {
          if (by.push(name) === 4) enough.resolve();
        });
      }
      await Promise.all([a.start(), b.start()]);
      await enough.promise;
      await Promise.all([a.stop(), b.stop()]);
      // Every run was a job of its own period: one job per period, none run twice.
      const client = new pg.Client({ connectionString: database.databaseUrl });
      await client.connect();
      const { rows } = await client.query<{ periods: string; jobs: string }>(
        `SELECT count(DISTINCT singleton_on) AS periods, count(*) AS jobs
           FROM pgboss.job WHERE name = 'test.shared' AND state = 'completed'`,
      );
      await client.end();
      expect(Number(rows[0].jobs)).toBe(by.length);
      expect(Number(rows[0].periods)).toBe(by.length);
    },
  );
});
