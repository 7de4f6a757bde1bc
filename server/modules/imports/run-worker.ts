import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker, type ResourceLimits } from 'node:worker_threads';
import type { WorkerMessage, WorkerTask } from './worker';

/**
 * The worker's script: beside this file under tsx (tests, `npm run dev`), and `import-worker.js`
 * beside the bundle in dist/ (package.json's build:server makes it a separate entry).
 */
function workerScript(): { file: string; execArgv?: string[] } {
  const here = import.meta.url;
  if (here.endsWith('.ts')) {
    const file = fileURLToPath(new URL('./worker.ts', here));
    const hasTsx = process.execArgv.some((a) => a.includes('tsx'));
    return { file, execArgv: hasTsx ? undefined : [...process.execArgv, '--import', 'tsx'] };
  }
  const bundled = fileURLToPath(new URL('./import-worker.js', here));
  if (!fs.existsSync(bundled)) throw new Error(`the import worker is missing: ${bundled}`);
  return { file: bundled };
}

/**
 * The heap a task's worker may grow to. V8 lets a heap grow well past what is live before it
 * collects, and a worker's heap is the server's memory too (what it used stays with the process for
 * the next worker and requests); a cap makes it collect sooner. A commit holds one chunk at a time.
 * A check holds every row of the file until they are planned, so its cap grows with the file: a
 * 100,000-row .xlsx of 5.5 MB keeps about 170 MB live once planned (bench/import.ts), 200,000 rows
 * about twice that; the cap leaves that and some room.
 */
function heapLimits(task: WorkerTask): ResourceLimits | undefined {
  const young = 16;
  if (task.task === 'commit')
    return { maxOldGenerationSizeMb: 128, maxYoungGenerationSizeMb: young };
  if (task.task !== 'check') return undefined;
  const mb = fs.statSync(task.file).size / 2 ** 20;
  const old = Math.round(Math.min(1024, Math.max(192, 64 + 24 * mb)));
  return { maxOldGenerationSizeMb: old, maxYoungGenerationSizeMb: young };
}

export interface RunningWorker {
  done: Promise<void>;
  stop(): Promise<void>;
}

/** Runs one task in a worker thread, handing each of its messages to `onMessage` in order. */
export function runWorker(
  task: WorkerTask,
  onMessage: (m: WorkerMessage) => void | Promise<void>,
): RunningWorker {
  const script = workerScript();
  const worker = new Worker(script.file, {
    workerData: task,
    execArgv: script.execArgv,
    resourceLimits: heapLimits(task),
  });
  let chain = Promise.resolve();
  const done = new Promise<void>((resolve, reject) => {
    worker.on('message', (m: WorkerMessage) => {
      chain = chain
        .then(() => onMessage(m))
        .catch((err: unknown) => {
          reject(err instanceof Error ? err : new Error(String(err)));
          void worker.terminate();
        });
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      void chain.then(() =>
        code === 0 ? resolve() : reject(new Error(`import worker stopped with code ${code}`)),
      );
    });
  });
  return { done, stop: () => worker.terminate().then(() => undefined) };
}
