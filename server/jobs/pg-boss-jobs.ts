import type { PgBoss } from 'pg-boss';
import {
  DEFAULT_RETRY,
  NUDGE_DELAY_MS,
  periodSeconds,
  type Jobs,
  type JobsLog,
  type Retry,
} from './jobs';

/** Kept a day for looking into what ran; the queue table stays small. */
const KEEP_DONE_SECONDS = 24 * 3600;
/** How long a run may take before pg-boss counts it lost and lets another process have it. */
const EXPIRE_SECONDS = 15 * 60;
const STOP_TIMEOUT_MS = 10_000;

/**
 * Jobs in PostgreSQL through pg-boss. A periodic job is a queue with the `singleton` policy (never
 * two runs active at once); every process's timer sends that period's job with a throttle key
 * (`singletonSeconds`), which lets only the first send of each period in, and whichever process
 * fetches it (SKIP LOCKED) runs it.
 */
export function pgBossJobs(databaseUrl: string, log: JobsLog): Jobs {
  let boss: PgBoss | undefined;
  const periodic = new Map<string, { everyMs: number; run: () => Promise<void> }>();
  const handlers = new Map<string, { run: (data: object) => Promise<void>; retry: Retry }>();
  const timers = new Set<NodeJS.Timeout>();
  let started = false;
  let stopped = false;

  const sendPeriod = (name: string, key: string, seconds: number) => {
    if (stopped || !boss) return;
    boss
      .send(name, null, { singletonKey: key, singletonSeconds: seconds })
      .catch((err: unknown) => log.error({ err, job: name }, 'could not queue job'));
  };

  return {
    every(name, everyMs, run) {
      if (started) throw new Error(`job ${name} registered after start`);
      periodic.set(name, { everyMs, run });
    },
    handle(name, run, retry = DEFAULT_RETRY) {
      if (started) throw new Error(`job ${name} registered after start`);
      handlers.set(name, { run: run as (data: object) => Promise<void>, retry });
    },
    async send(name, data) {
      if (!handlers.has(name)) throw new Error(`no handler for job ${name}`);
      if (!boss) throw new Error(`job ${name} sent before the jobs started`);
      await boss.send(name, data);
    },
    nudge(name) {
      if (!started || stopped || !periodic.has(name)) return;
      // Its own throttle key, so a period's job that ran a moment before the work committed does
      // not swallow the nudge; nudges within one second make one run.
      const t = setTimeout(() => {
        timers.delete(t);
        sendPeriod(name, `${name}.nudge`, 1);
      }, NUDGE_DELAY_MS);
      t.unref();
      timers.add(t);
    },
    async start() {
      started = true;
      // Loaded here, so a start on SQLite does not pay for it.
      const { PgBoss } = await import('pg-boss');
      boss = new PgBoss({
        connectionString: databaseUrl,
        schema: 'pgboss',
        max: 4,
        application_name: 'linli-jobs',
      });
      // Without a listener an 'error' event (a dropped connection) would end the process.
      boss.on('error', (err) => log.error({ err }, 'job queue error'));
      await boss.start();
      for (const [name, job] of periodic) {
        const seconds = periodSeconds(job.everyMs);
        // A failed run is not retried: the next period runs it again anyway.
        await boss.createQueue(name, {
          policy: 'singleton',
          retryLimit: 0,
          expireInSeconds: EXPIRE_SECONDS,
          deleteAfterSeconds: KEEP_DONE_SECONDS,
        });
        await boss.work(
          name,
          { pollingIntervalSeconds: Math.min(2, Math.max(0.5, seconds / 2)) },
          async () => {
            try {
              await job.run();
            } catch (err) {
              log.error({ err, job: name }, 'job failed');
              throw err;
            }
          },
        );
        const t = setInterval(() => sendPeriod(name, name, seconds), seconds * 1000);
        t.unref();
        timers.add(t);
      }
      for (const [name, handler] of handlers) {
        await boss.createQueue(name, {
          retryLimit: handler.retry.limit,
          retryDelay: handler.retry.delaySeconds,
          retryBackoff: true,
          expireInSeconds: EXPIRE_SECONDS,
          deleteAfterSeconds: KEEP_DONE_SECONDS,
        });
        await boss.work<object>(name, async (jobs) => {
          for (const j of jobs) {
            try {
              await handler.run(j.data);
            } catch (err) {
              log.error({ err, job: name, retry: j.retryCount }, 'job failed');
              throw err;
            }
          }
        });
      }
    },
    async stop() {
      stopped = true;
      for (const t of timers) clearTimeout(t);
      timers.clear();
      await boss?.stop({ graceful: true, timeout: STOP_TIMEOUT_MS });
    },
  };
}
