import fs from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import type { PdfDocument } from './pdf';
import type { RenderTask } from './render-worker';
import type { WorkbookDescription } from './workbook';

/**
 * Excel and PDF files are built in worker threads: a register of tens of thousands of rows takes
 * exceljs seconds, and on the main thread every other request would wait for it. The main thread
 * reads the database and hands over plain data; copying it costs it tens of milliseconds.
 */

/** Idle workers end after this, so a server at rest holds no exceljs or pdfmake heap. */
const IDLE_MS = 10_000;

/**
 * The worker's script: beside this file under tsx (tests, `npm run dev`), and `render-worker.js`
 * beside the bundle in dist/ (package.json's build:server makes it a separate entry).
 */
function workerScript(): { file: string; execArgv?: string[] } {
  const here = import.meta.url;
  if (here.endsWith('.ts')) {
    const file = fileURLToPath(new URL('./render-worker.ts', here));
    const hasTsx = process.execArgv.some((a) => a.includes('tsx'));
    return { file, execArgv: hasTsx ? undefined : [...process.execArgv, '--import', 'tsx'] };
  }
  const bundled = fileURLToPath(new URL('./render-worker.js', here));
  if (!fs.existsSync(bundled)) throw new Error(`the render worker is missing: ${bundled}`);
  return { file: bundled };
}

let pool: Piscina<RenderTask, Uint8Array> | undefined;

function renderPool(): Piscina<RenderTask, Uint8Array> {
  if (pool) return pool;
  const script = workerScript();
  pool = new Piscina<RenderTask, Uint8Array>({
    filename: script.file,
    execArgv: script.execArgv,
    // Started on the first file, not at boot; one thread on a two-core machine, so the main thread
    // keeps a core, two on larger ones. Further files wait in the queue.
    minThreads: 0,
    maxThreads: Math.max(1, Math.min(2, os.availableParallelism() - 1)),
    idleTimeout: IDLE_MS,
    // Between tasks a worker waits on its event loop, not in Atomics.wait, which would pause
    // whatever a build left pending (a stream's last callback) until the next task came.
    atomics: 'disabled',
  });
  return pool;
}

/** A worker's bytes arrive as a plain Uint8Array; this views them as a Buffer without copying. */
const asBuffer = (bytes: Uint8Array) =>
  Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

export async function renderWorkbookInWorker(workbook: WorkbookDescription): Promise<Buffer> {
  return asBuffer(await renderPool().run({ kind: 'xlsx', workbook }));
}

export async function renderPdfInWorker(document: PdfDocument): Promise<Buffer> {
  return asBuffer(await renderPool().run({ kind: 'pdf', document }));
}

/** Lets the files being built finish, then ends the workers; the next file starts a new pool. */
export async function closeRenderPool(): Promise<void> {
  const closing = pool;
  pool = undefined;
  await closing?.close();
}
