import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { PASSWORD } from './app';

const ROOT = path.resolve(import.meta.dirname, '../..');

export interface ChildServer {
  url: string;
  proc: ChildProcess;
  /** SIGTERM, or SIGKILL to stop it as a crash would; resolves once it has exited. */
  stop(signal?: NodeJS.Signals): Promise<void>;
}

/**
 * The server as `npm run dev` runs it (tsx; or dist/server.js when `bundle` is set), in a process of
 * its own on a free port, with demo data in the given data directory.
 */
export function spawnServer(
  dataDir: string,
  opts: { bundle?: boolean; env?: NodeJS.ProcessEnv } = {},
): Promise<ChildServer> {
  const args = opts.bundle ? ['dist/server.js'] : ['--import', 'tsx', 'server/main.ts'];
  const proc = spawn(process.execPath, args, {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      LINLI_DATA_DIR: dataDir,
      LINLI_DEMO: '1',
      LOG_LEVEL: 'warn',
      LINLI_LOGIN_RATE_LIMIT: '1000',
      ...opts.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
  const stop = async (signal: NodeJS.Signals = 'SIGTERM') => {
    if (proc.exitCode === null && proc.signalCode === null) proc.kill(signal);
    await exited;
  };
  return new Promise((resolve, reject) => {
    let out = '';
    proc.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const url = /Open (http:\/\/\S+)/.exec(out)?.[1];
      if (url) resolve({ url: url.replace('localhost', '127.0.0.1'), proc, stop });
    });
    proc.stderr.on('data', (d: Buffer) => (out += d.toString()));
    proc.once('exit', (code) =>
      reject(new Error(`server exited (${code}) before listening:\n${out}`)),
    );
  });
}

/** A log-in over HTTP: requests carry the session cookie, and the CSRF header on writes. */
export async function httpLogin(url: string, username: string) {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: PASSWORD }),
  });
  if (res.status !== 200)
    throw new Error(`log-in of ${username}: ${res.status} ${await res.text()}`);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return (p: string, init: RequestInit = {}) =>
    fetch(`${url}${p}`, {
      ...init,
      headers: {
        cookie,
        ...(init.method && init.method !== 'GET' ? { 'x-csrf-token': csrfToken } : {}),
        ...(init.headers as Record<string, string>),
      },
    });
}
