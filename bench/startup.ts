/**
 * Start-up of the compiled server (`dist/server.js`, as `npm start` and production run it): the time
 * from spawning the process to a healthy /api/health/ready, and its memory then, on the demo
 * database. Needs `npm run build` first. Writes the "startup" section of bench/RESULTS.md.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { machineLine, writeResultsSection } from './results';

const ROOT = path.resolve(import.meta.dirname, '..');
const RUNS = 5;

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });

const rssMiB = (pid: number): number => {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)![1]) / 1024;
};

async function startOnce(args: string[], dataDir: string) {
  const port = await freePort();
  const began = performance.now();
  const child: ChildProcess = spawn(process.execPath, args, {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      LINLI_DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
    },
    stdio: 'ignore',
  });
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (Date.now() > deadline) throw new Error('the server did not become ready in 2 minutes');
    const ok = await fetch(`http://127.0.0.1:${port}/api/health/ready`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    await new Promise((r) => setTimeout(r, 20));
  }
  const ms = performance.now() - began;
  const rss = rssMiB(child.pid!);
  const stopped = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await stopped;
  return { ms, rss };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function measure(label: string, args: string[]) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'linli-bench-startup-'));
  try {
    const first = await startOnce(args, dataDir); // migrates and loads the demo district
    const runs = [];
    for (let i = 0; i < RUNS; i++) runs.push(await startOnce(args, dataDir));
    return {
      label,
      firstMs: first.ms,
      ms: median(runs.map((r) => r.ms)),
      rss: median(runs.map((r) => r.rss)),
    };
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

if (!fs.existsSync(path.join(ROOT, 'dist', 'server.js'))) {
  console.error('dist/server.js is missing: run `npm run build` first.');
  process.exit(1);
}
const rows = [
  await measure('compiled: `node dist/server.js`', ['dist/server.js']),
  await measure('TypeScript at run time: `node --import tsx server/main.ts` (`npm run dev`)', [
    '--import',
    'tsx',
    'server/main.ts',
  ]),
];
const table = [
  '| server | first start (migrate + demo data) | start to ready, demo database (median of 5) | RSS when ready |',
  '| --- | ---: | ---: | ---: |',
  ...rows.map(
    (r) =>
      `| ${r.label} | ${(r.firstMs / 1000).toFixed(1)} s | ${Math.round(r.ms)} ms | ${Math.round(r.rss)} MiB |`,
  ),
].join('\n');
await writeResultsSection(
  'startup',
  `## Start-up of the server

Measured by \`npm run bench:startup\` (bench/startup.ts) on ${new Date().toISOString().slice(0, 10)}.
Machine: ${machineLine()}.
Time from spawning the process to the first 200 of \`/api/health/ready\` on SQLite with the demo
district; memory is the process's resident set at that moment. Target (issue 9): ready in under 2 s.

${table}`,
);
console.log(table);
