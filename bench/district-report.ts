import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { RoleKey } from './district-data';
import type { DistrictManifest, DistrictTarget } from './district-target';
import type { ScenarioResult } from './load';
import { machineLine, writeResultsSection } from './results';

/** One scenario for one role: its runs against Linli and against the floor. */
export interface Measured {
  role: RoleKey;
  name: string;
  /** Statements Linli ran for one request (the floor runs the same). */
  statements: number;
  linli: ScenarioResult[];
  floor: ScenarioResult[];
}

const RESULTS = fileURLToPath(new URL('./RESULTS.md', import.meta.url));
const P99_TARGET = { sqlite: 100, postgres: 200 };
const ROLE_NAMES: Record<RoleKey, string> = {
  districtAdmin: 'district admin',
  streetAdmin: 'street admin',
  socialWorker: 'social worker',
  gridWorker: 'grid worker',
};

const ms = (n: number) => (n < 10 ? n.toFixed(2) : n.toFixed(0));
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
/** Over several rounds: the mean rate, the mean of each percentile. */
function combine(runs: ScenarioResult[]) {
  return {
    perSecond: mean(runs.map((r) => r.perSecond)),
    p50: mean(runs.map((r) => r.p50)),
    p99: mean(runs.map((r) => r.p99)),
    requests: runs.reduce((a, r) => a + r.requests, 0),
    errors: runs.reduce((a, r) => a + r.errors, 0),
    firstError: runs.find((r) => r.firstError)?.firstError,
    bytes: mean(runs.map((r) => r.meanBytes)),
  };
}
const size = (n: number) => (n < 1024 ? `${n.toFixed(0)} B` : `${(n / 1024).toFixed(1)} KiB`);

/**
 * The district section holds one block per database and scale, so that a run on SQLite leaves the
 * PostgreSQL numbers of an earlier run in place.
 */
function currentBlocks(): Map<string, string> {
  const text = fs.existsSync(RESULTS) ? fs.readFileSync(RESULTS, 'utf8') : '';
  const blocks = new Map<string, string>();
  for (const m of text.matchAll(/<!-- district:([\w.-]+) -->([\s\S]*?)<!-- \/district:\1 -->/g))
    blocks.set(m[1], m[2].trim());
  return blocks;
}

export async function writeDistrictReport(r: {
  target: DistrictTarget;
  manifest: DistrictManifest;
  measured: Measured[];
  refused: Map<string, string>;
  tree: string;
  loadBefore: number;
  loadAfter: number;
  seconds: number;
  warmup: number;
  concurrency: number;
}): Promise<number> {
  const { target: t, manifest: m } = r;
  const target = P99_TARGET[t.dialect];
  const c = m.counts;
  const lines = [
    `### ${t.dialect === 'sqlite' ? 'SQLite' : 'PostgreSQL 15'}, scale ${t.scale} (${c.residents.toLocaleString('en')} residents)`,
    '',
    `Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on tree ${r.tree}; load average (1 min) ${r.loadBefore.toFixed(2)} before, ${r.loadAfter.toFixed(2)} after (other work shares the 2 cores).`,
    '',
    `- Generated in ${(m.seconds / 60).toFixed(1)} min (${m.generatedAt.slice(0, 10)}, tree ${m.commit}); database ${(m.bytes / 2 ** 20).toFixed(0)} MiB: ${c.units} org units, ${c.staff} staff, ${c.households.toLocaleString('en')} households, ${c.residents.toLocaleString('en')} residents (${c.careTags.toLocaleString('en')} care tags, ${c.history.toLocaleString('en')} history rows), ${c.places.toLocaleString('en')} places, ${c.issues.toLocaleString('en')} issues, ${c.cases.toLocaleString('en')} cases, ${c.serviceRecords.toLocaleString('en')} service records.`,
    `- Each row: ${r.concurrency} keep-alive connections for up to ${r.seconds} s (at most 3,000 requests) after ${r.warmup} warm-up requests, Linli then the floor, interleaved per scenario. Targets: p99 < ${target} ms; Linli's req/s at least half the floor's.`,
    '',
    `| role | scenario | SQL | Linli req/s | p50 ms | p99 ms | floor req/s | p50 ms | p99 ms | Linli ÷ floor | p99 < ${target} ms | ≥ ½ floor |`,
    '|---|---|--:|--:|--:|--:|--:|--:|--:|--:|:-:|:-:|',
  ];
  let missed = 0;
  const notes: string[] = [];
  for (const x of r.measured) {
    const l = combine(x.linli);
    const f = combine(x.floor);
    const ratio = l.perSecond / f.perSecond;
    const p99ok = l.p99 < target && l.errors === 0;
    const ratioOk = ratio >= 0.5;
    if (!p99ok || !ratioOk) missed++;
    lines.push(
      `| ${ROLE_NAMES[x.role]} | ${x.name} | ${x.statements} | ${l.perSecond.toFixed(0)} | ${ms(l.p50)} | ${ms(l.p99)} | ${f.perSecond.toFixed(0)} | ${ms(f.p50)} | ${ms(f.p99)} | ${ratio.toFixed(2)} | ${p99ok ? 'met' : '**not met**'} | ${ratioOk ? 'met' : '**not met**'} |`,
    );
    if (l.errors || f.errors)
      notes.push(
        `- ${ROLE_NAMES[x.role]}, ${x.name}: ${l.errors} Linli / ${f.errors} floor failed requests; first: ${l.firstError ?? f.firstError}`,
      );
    if (l.bytes > 4 * f.bytes || f.bytes > 4 * l.bytes)
      notes.push(
        `- ${ROLE_NAMES[x.role]}, ${x.name}: replies of ${size(l.bytes)} (Linli) and ${size(f.bytes)} (floor).`,
      );
  }
  for (const [k, why] of r.refused) notes.push(`- Not measured, ${k}: Linli answers ${why}`);
  lines.push(
    '',
    `${r.measured.length - missed} of ${r.measured.length} rows meet both targets.`,
    '',
    ...notes,
  );

  const blocks = currentBlocks();
  blocks.set(`${t.dialect}-${t.scale}`, lines.join('\n'));
  const order = ['sqlite-1', 'postgres-1', 'sqlite-0.1', 'postgres-0.1'];
  const keys = [...blocks.keys()].sort((a, b) => order.indexOf(a) - order.indexOf(b));
  const section = [
    '## A district: every read users make all day, against the floor',
    '',
    'Measured by `npm run bench:district` (bench/district.ts; see bench/README.md). Linli is the compiled server (`dist/server.js`, `NODE_ENV=production`, `LOG_LEVEL=warn`) in its own process on the generated database; the floor is a bare Fastify server with no Linli code (bench/district-floor.ts) that runs, per request, exactly the statements Linli ran for that request (recorded once through a logging Kysely in the bench process), with prepared statements kept, and replies with their rows as JSON. "SQL" is the number of statements per request.',
    '',
    `- Machine: ${machineLine()}.`,
    '',
    ...keys.flatMap((k) => [
      `<!-- district:${k} -->`,
      blocks.get(k)!,
      `<!-- /district:${k} -->`,
      '',
    ]),
  ].join('\n');
  await writeResultsSection('district', section);
  console.log(lines.join('\n'));
  return 0;
}
