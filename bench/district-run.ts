import { execFileSync, fork, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildApp } from '../server/app';
import { migrateToLatest } from '../server/db';
import { BENCH_PASSWORD } from './data';
import { ROLE_KEYS, type DistrictSamples, type RoleKey } from './district-data';
import type { CapturedStatement, FloorReply, FloorRequest } from './district-floor';
import {
  DISTRICT_SECRET_KEY,
  openTarget,
  treeState,
  type DistrictManifest,
  type DistrictTarget,
} from './district-target';
import { writeDistrictReport, type Measured } from './district-report';
import type { LoadReply, Scenario, ScenarioResult } from './load';

/** One read users make all day, as the URLs it cycles through for a role. */
export interface DistrictScenario {
  name: string;
  role: RoleKey;
  paths: string[];
}

/** Children to end if the bench is stopped (a signal, or the 3-hour limit): none outlives it. */
const children = new Set<ChildProcess>();
process.once('exit', () => {
  for (const c of children) c.kill('SIGTERM');
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(130));

const CONCURRENCY = 50;
const MAX_REQUESTS = 3000;
const root = fileURLToPath(new URL('..', import.meta.url));

export function districtScenarios(samples: DistrictSamples): DistrictScenario[] {
  const out: DistrictScenario[] = [];
  const q = (v: string) => `/api/residents?q=${encodeURIComponent(v)}`;
  for (const role of ROLE_KEYS) {
    const s = samples.scope[role];
    const add = (name: string, paths: string[]) => out.push({ name, role, paths });
    add('search by name', s.names.slice(0, 5).map(q));
    add('search by initials', s.initials.slice(0, 5).map(q));
    add('search by ID number', s.idNumbers.slice(0, 5).map(q));
    add('search by phone tail', s.phoneTails.slice(0, 5).map(q));
    add("a grid's residents, page 2", [`/api/residents?gridId=${s.gridId}&page=2`]);
    add('residents with a care tag in a community', [
      `/api/residents?careTag=livingAlone&communityId=${s.communityId}`,
    ]);
    add(
      'household page',
      s.householdIds.slice(0, 5).map((id) => `/api/households/${id}`),
    );
    add('issue board (in progress)', ['/api/issues?tab=inProgress']);
    add('issue counts', ['/api/issues/counts']);
    add('cases list (open)', ['/api/cases?status=open']);
    add('今日 /api/today', ['/api/today']);
    add('places list', ['/api/places']);
    add('org tree', ['/api/org/tree']);
    add('/api/auth/me', ['/api/auth/me']);
  }
  return out;
}

/**
 * The SQL Linli runs per request, recorded by the app built in this process on a Kysely whose log
 * hook keeps each statement. Each URL is asked twice and the second request's statements are kept,
 * so what is cached after a first request (a session, a tree) is not replayed.
 */
async function captureStatements(
  t: DistrictTarget,
  samples: DistrictSamples,
  scenarios: DistrictScenario[],
): Promise<{ routes: Record<string, CapturedStatement[]>; refused: Map<string, string> }> {
  let recording: CapturedStatement[] | undefined;
  // openDb's own log option: the app runs as in production, each statement is also kept here.
  const handle = openTarget(t, (e) => {
    if (e.level === 'query') recording?.push({ sql: e.query.sql, params: [...e.query.parameters] });
  });
  // As the server does at start: a district kept from an earlier tree gets the new migrations.
  await migrateToLatest(handle.db);
  const app = await buildApp({
    dbHandle: handle,
    secretKey: DISTRICT_SECRET_KEY,
    auth: { sessionIdleMinutes: 30, requireTwoFactor: false },
    loginRateLimit: 1_000_000,
    serveWeb: false,
  });
  const routes: Record<string, CapturedStatement[]> = {};
  const refused = new Map<string, string>();
  try {
    for (const role of ROLE_KEYS) {
      const cookie = await logIn(
        (o) =>
          app.inject(o).then((r) => ({ status: r.statusCode, headers: r.headers, body: r.body })),
        samples.accounts[role],
      );
      for (const s of scenarios.filter((x) => x.role === role)) {
        for (const url of s.paths) {
          await app.inject({ method: 'GET', url, headers: { cookie } });
          recording = [];
          const r = await app.inject({ method: 'GET', url, headers: { cookie } });
          const statements = recording;
          recording = undefined;
          if (r.statusCode !== 200) {
            refused.set(`${role} ${s.name}`, `${r.statusCode} ${r.body.slice(0, 120)}`);
            continue;
          }
          // The same URL as two roles is two different requests: the floor keys them by role.
          routes[`/${role}${url}`] = statements;
        }
      }
    }
  } finally {
    await app.close();
    await handle.close();
  }
  return { routes, refused };
}

type Inject = (o: {
  method: 'POST';
  url: string;
  headers: Record<string, string>;
  payload: string;
}) => Promise<{ status: number; headers: Record<string, unknown>; body: string }>;

async function logIn(send: Inject, username: string): Promise<string> {
  const r = await send({
    method: 'POST',
    url: '/api/auth/login',
    headers: { 'content-type': 'application/json' },
    payload: JSON.stringify({ username, password: BENCH_PASSWORD }),
  });
  if (r.status !== 200) throw new Error(`log-in of ${username}: ${r.status} ${r.body}`);
  const setCookie = r.headers['set-cookie'];
  const cookies = Array.isArray(setCookie) ? (setCookie as string[]) : [String(setCookie)];
  return cookies.map((c) => c.split(';')[0]).join('; ');
}

const viaFetch =
  (baseUrl: string): Inject =>
  async (o) => {
    const res = await fetch(baseUrl + o.url, {
      method: o.method,
      headers: o.headers,
      body: o.payload,
    });
    return {
      status: res.status,
      headers: { 'set-cookie': res.headers.getSetCookie() },
      body: await res.text(),
    };
  };

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const a = srv.address();
      srv.close(() => resolve(typeof a === 'object' && a ? a.port : 0));
    });
  });
}

/** The compiled server (npm run build:server) in its own process, as in production. */
async function startLinli(
  t: DistrictTarget,
  log: (l: string) => void,
): Promise<{ child: ChildProcess; baseUrl: string }> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--enable-source-maps', 'dist/server.js'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'pipe'],
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: String(port),
      LOG_LEVEL: 'warn',
      LINLI_DEMO: '0',
      LINLI_SECRET_KEY: DISTRICT_SECRET_KEY,
      LINLI_LOGIN_RATE_LIMIT: '10000',
      ...(t.dialect === 'sqlite' ? { LINLI_DATA_DIR: t.dataDir } : { DATABASE_URL: t.databaseUrl }),
    },
  });
  child.stderr.on('data', (d: Buffer) => log(`  [linli] ${d.toString().trim().slice(0, 300)}`));
  const baseUrl = `http://127.0.0.1:${port}`;
  // A start on a kept district may first migrate it (new indexes over a million rows).
  const until = Date.now() + 15 * 60_000;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`Linli stopped at start (exit ${child.exitCode})`);
    const ok = await fetch(`${baseUrl}/api/health/ready`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return { child, baseUrl };
    await new Promise((r) => setTimeout(r, 500));
  }
  child.kill();
  throw new Error('Linli did not become ready in 15 minutes');
}

async function startFloor(
  request: FloorRequest,
): Promise<{ child: ChildProcess; baseUrl: string }> {
  const child = fork(fileURLToPath(new URL('./district-floor.ts', import.meta.url)), [], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    serialization: 'advanced',
  });
  children.add(child);
  const reply = await new Promise<FloorReply>((resolve, reject) => {
    child.once('message', (m: FloorReply) => resolve(m));
    child.once('exit', (code) => reject(new Error(`the floor server stopped (exit ${code})`)));
    child.send(request);
  });
  if ('error' in reply) throw new Error(`floor server: ${reply.error}`);
  return { child, baseUrl: `http://127.0.0.1:${reply.port}` };
}

function runLoad(scenarios: Scenario[]): Promise<ScenarioResult[]> {
  const child = fork(fileURLToPath(new URL('./load.ts', import.meta.url)), [], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  children.add(child);
  return new Promise((resolve, reject) => {
    child.once('message', (reply: LoadReply) =>
      'error' in reply ? reject(new Error(reply.error)) : resolve(reply.results),
    );
    child.once('exit', (code) => reject(new Error(`the load generator stopped (exit ${code})`)));
    child.send({ baseUrl: '', scenarios });
  });
}

export async function measureDistrict(
  t: DistrictTarget,
  manifest: DistrictManifest,
  opts: {
    seconds: number;
    rounds: number;
    warmup: number;
    only?: RegExp;
    log: (line: string) => void;
  },
): Promise<number> {
  const { log } = opts;
  const loadBefore = os.loadavg()[0];
  const tree = treeState();
  const scenarios = districtScenarios(manifest.samples).filter(
    (s) => !opts.only || opts.only.test(`${s.role} ${s.name}`),
  );
  // The server measured is the tree's as it is now, the same code the capture below runs.
  log('Building the server (npm run build:server) …');
  execFileSync('npm', ['run', '--silent', 'build:server'], { cwd: root, stdio: 'inherit' });
  log(`Capturing the SQL of ${scenarios.length} scenarios …`);
  const { routes, refused } = await captureStatements(t, manifest.samples, scenarios);
  // What each request runs, for whoever tunes the queries (EXPLAIN them on the same database).
  const sqlFile = path.join(os.tmpdir(), `linli-district-sql-${t.dialect}-${t.scale}.json`);
  fs.writeFileSync(sqlFile, JSON.stringify(routes, null, 1));
  log(`The statements per request are in ${sqlFile}.`);
  const linli = await startLinli(t, log);
  const floor = await startFloor({
    dialect: t.dialect,
    sqliteFile: t.dataDir && `${t.dataDir}/linli.db`,
    databaseUrl: t.databaseUrl,
    routes,
  });
  try {
    const cookies = new Map<RoleKey, string>();
    for (const role of ROLE_KEYS)
      cookies.set(role, await logIn(viaFetch(linli.baseUrl), manifest.samples.accounts[role]));
    const runs: Scenario[] = [];
    const measured = scenarios.filter((s) => !refused.has(`${s.role} ${s.name}`));
    for (const s of measured)
      for (let round = 0; round < opts.rounds; round++) {
        const common = {
          method: 'GET' as const,
          requests: MAX_REQUESTS,
          concurrency: CONCURRENCY,
          warmup: opts.warmup,
          maxSeconds: opts.seconds,
        };
        runs.push({
          ...common,
          name: `linli|${s.role}|${s.name}`,
          baseUrl: linli.baseUrl,
          paths: s.paths,
          headers: { cookie: cookies.get(s.role)! },
        });
        runs.push({
          ...common,
          name: `floor|${s.role}|${s.name}`,
          baseUrl: floor.baseUrl,
          paths: s.paths.map((p) => `/${s.role}${p}`),
          headers: {},
        });
      }
    log(
      `Measuring ${runs.length} runs at ${CONCURRENCY} connections, up to ${opts.seconds} s each …`,
    );
    const results = await runLoad(runs);
    const statementsPer = new Map(
      measured.map((s) => [`${s.role}|${s.name}`, routes[`/${s.role}${s.paths[0]}`]?.length ?? 0]),
    );
    const byKey = new Map<string, Measured>();
    for (const r of results) {
      const [side, role, name] = r.name.split('|');
      const key = `${role}|${name}`;
      const m = byKey.get(key) ?? {
        role: role as RoleKey,
        name,
        statements: statementsPer.get(key) ?? 0,
        linli: [],
        floor: [],
      };
      m[side as 'linli' | 'floor'].push(r);
      byKey.set(key, m);
    }
    return await writeDistrictReport({
      target: t,
      manifest,
      measured: [...byKey.values()],
      refused,
      tree,
      loadBefore,
      loadAfter: os.loadavg()[0],
      seconds: opts.seconds,
      warmup: opts.warmup,
      concurrency: CONCURRENCY,
    });
  } finally {
    linli.child.kill('SIGTERM');
    floor.child.kill('SIGTERM');
  }
}
