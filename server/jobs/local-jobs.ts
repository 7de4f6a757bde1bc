import { DEFAULT_RETRY, NUDGE_DELAY_MS, type Jobs, type JobsLog, type Retry } from './jobs';

/**
 * The jobs of a single process (SQLite): periodic runs on timers, one-off jobs in memory. A one-off
 * job still waiting when the process stops is lost, so work that must survive a restart keeps its
 * own rows (as group-chat deliveries do) and is picked up by a periodic run.
 */
export function localJobs(log: JobsLog): Jobs {
  const periodic = new Map<string, { everyMs: number; run: () => Promise<void> }>();
  const handlers = new Map<string, { run: (data: object) => Promise<void>; retry: Retry }>();
  const timers = new Set<NodeJS.Timeout>();
  const running = new Set<Promise<void>>();
  /** A periodic run under way, and whether another was asked for meanwhile. */
  const busy = new Map<string, { again: boolean }>();
  let started = false;
  let stopped = false;

  const later = (ms: number, fn: () => void) => {
    const t = setTimeout(() => {
      timers.delete(t);
      fn();
    }, ms);
    t.unref();
    timers.add(t);
  };
  const track = (p: Promise<void>) => {
    running.add(p);
    void p.finally(() => running.delete(p));
  };

  // Never two runs of one job at once: a run asked for while one is under way follows it.
  const runPeriodic = (name: string) => {
    const job = periodic.get(name);
    if (!job || stopped) return;
    const state = busy.get(name);
    if (state) {
      state.again = true;
      return;
    }
    busy.set(name, { again: false });
    track(
      job
        .run()
        .catch((err: unknown) => log.error({ err, job: name }, 'job failed'))
        .finally(() => {
          const again = busy.get(name)?.again;
          busy.delete(name);
          if (again) runPeriodic(name);
        }),
    );
  };

  const runOnce = (name: string, data: object, attempt: number) => {
    const handler = handlers.get(name);
    if (!handler || stopped) return;
    track(
      handler.run(data).catch((err: unknown) => {
        if (attempt < handler.retry.limit) {
          log.error({ err, job: name, attempt }, 'job failed; will try again');
          later(handler.retry.delaySeconds * 1000 * 2 ** attempt, () =>
            runOnce(name, data, attempt + 1),
          );
        } else log.error({ err, job: name, attempt }, 'job failed; given up');
      }),
    );
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
    send(name, data) {
      if (!handlers.has(name)) throw new Error(`no handler for job ${name}`);
      later(0, () => runOnce(name, data, 0));
      return Promise.resolve();
    },
    nudge(name) {
      if (started && !stopped) later(NUDGE_DELAY_MS, () => runPeriodic(name));
    },
    start() {
      started = true;
      for (const [name, job] of periodic) {
        const t = setInterval(() => runPeriodic(name), job.everyMs);
        t.unref();
        timers.add(t);
      }
      return Promise.resolve();
    },
    async stop() {
      stopped = true;
      for (const t of timers) clearTimeout(t);
      timers.clear();
      await Promise.allSettled([...running]);
    },
  };
}
