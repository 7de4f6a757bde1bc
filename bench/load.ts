import http from 'node:http';
import { performance } from 'node:perf_hooks';

/**
 * The load generator. It runs as a child process of bench/run.ts so that making requests and
 * timing them does not take turns on the server's event loop.
 */

export interface Scenario {
  name: string;
  method: 'GET' | 'POST';
  /** Cycled through, one per request. */
  paths: string[];
  /** JSON bodies, cycled through alongside the paths. */
  bodies?: string[];
  headers: Record<string, string>;
  requests: number;
  concurrency: number;
  /** Requests sent first and not counted: connections opened, statements prepared, code warmed. */
  warmup: number;
  /** Another server than the request's baseUrl, for runs that alternate between two servers. */
  baseUrl?: string;
  /** Stop sending after this long (warm-up and measured part each), however many were asked for. */
  maxSeconds?: number;
}

export interface ScenarioResult {
  name: string;
  requests: number;
  concurrency: number;
  errors: number;
  /** The first unexpected reply, to say what went wrong. */
  firstError?: string;
  p50: number;
  p95: number;
  p99: number;
  perSecond: number;
  meanBytes: number;
}

export type LoadRequest = { baseUrl: string; scenarios: Scenario[] };
export type LoadReply = { results: ScenarioResult[] } | { error: string };

function send(
  agent: http.Agent,
  url: string,
  method: string,
  headers: Record<string, string>,
  body: string | undefined,
): Promise<{ status: number; bytes: number; text: string }> {
  return new Promise((resolve, reject) => {
    const extra: Record<string, string | number> = body
      ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }
      : {};
    const req = http.request(url, { method, agent, headers: { ...headers, ...extra } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('error', reject);
      res.on('end', () => {
        const all = Buffer.concat(chunks);
        const status = res.statusCode ?? 0;
        resolve({ status, bytes: all.length, text: status === 200 ? '' : all.toString() });
      });
    });
    req.setTimeout(30_000, () => req.destroy(new Error(`no answer in 30 s: ${method} ${url}`)));
    req.on('error', reject);
    req.end(body);
  });
}

/** Nearest-rank percentile of sorted values. */
const percentile = (sorted: number[], p: number) =>
  sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)];

async function runScenario(baseUrl: string, s: Scenario): Promise<ScenarioResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: s.concurrency });
  let errors = 0;
  let firstError: string | undefined;
  let bytes = 0;
  const one = async (i: number): Promise<number> => {
    const started = performance.now();
    const path = s.paths[i % s.paths.length];
    const body = s.bodies?.[i % s.bodies.length];
    try {
      const res = await send(agent, baseUrl + path, s.method, s.headers, body);
      bytes += res.bytes;
      if (res.status !== 200) {
        errors++;
        firstError ??= `${res.status} ${s.method} ${path}: ${res.text.slice(0, 200)}`;
      }
    } catch (err) {
      errors++;
      firstError ??= err instanceof Error ? err.message : String(err);
    }
    return performance.now() - started;
  };
  const drive = async (total: number, record: (ms: number) => void) => {
    let next = 0;
    const until = performance.now() + (s.maxSeconds ?? 3600) * 1000;
    const worker = async () => {
      while (next < total && performance.now() < until) record(await one(next++));
    };
    await Promise.all(Array.from({ length: Math.min(s.concurrency, total) }, worker));
  };

  await drive(s.warmup, () => {});
  errors = 0;
  firstError = undefined;
  bytes = 0;
  const latencies: number[] = [];
  const started = performance.now();
  await drive(s.requests, (ms) => latencies.push(ms));
  const wallSeconds = (performance.now() - started) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return {
    name: s.name,
    requests: latencies.length,
    concurrency: s.concurrency,
    errors,
    firstError,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    perSecond: latencies.length / wallSeconds,
    meanBytes: bytes / Math.max(1, latencies.length),
  };
}

process.once('message', (message: LoadRequest) => {
  void (async () => {
    let reply: LoadReply;
    try {
      const results: ScenarioResult[] = [];
      for (const s of message.scenarios) {
        process.stderr.write(`  ${s.name} …\n`);
        results.push(await runScenario(s.baseUrl ?? message.baseUrl, s));
      }
      reply = { results };
    } catch (err) {
      reply = { error: err instanceof Error ? err.message : String(err) };
    }
    process.send!(reply, () => process.exit(0));
  })();
});
