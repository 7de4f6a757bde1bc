import net from 'node:net';
import path from 'node:path';
import { z } from 'zod';

/** The documented default for the demo accounts' shared password (README: LINLI_DEMO_PASSWORD). */
export const DEFAULT_DEMO_PASSWORD = 'Linli@2026';

/** What Fastify's `trustProxy` takes from us: off, a hop count, or the proxies' addresses. */
export type TrustProxy = false | number | string[];

export interface Config {
  production: boolean;
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  secretKey: string | undefined;
  demo: boolean;
  demoPassword: string;
  /** LINLI_DEMO_PASSWORD was given, so the banner need not print the documented default. */
  demoPasswordFromEnv: boolean;
  requireTwoFactor: boolean;
  /** Log-in attempts allowed per address per minute. */
  loginRateLimit: number;
  sessionIdleMinutes: number;
  logLevel: string;
  trustProxy: TrustProxy;
  /** Rate-limit counters and spent challenges go here when set, else to the database. */
  redisUrl: string | undefined;
  /** How long a stop waits for requests in flight before it closes anyway. */
  shutdownTimeoutMs: number;
  /** LINLI_IMAP_STREET: the street whose tip mailbox (LINLI_IMAP_*) the server reads every few minutes. */
  imapStreet: string | undefined;
}

/** A configuration that cannot run; its message names the variable to fix. */
export class ConfigError extends Error {}

const flag = z.enum(['0', '1']);
const LOG_LEVELS = ['silent', 'fatal', 'error', 'warn', 'info', 'debug', 'trace'] as const;

/**
 * LINLI_TRUST_PROXY: `0` (no proxy), a hop count (`1` = one proxy in front), or the proxies'
 * addresses and CIDR ranges separated by commas. Never "trust everything": that would take the
 * left-most X-Forwarded-For, which any client can write.
 */
export function parseTrustProxy(value: string | undefined): TrustProxy {
  const v = (value ?? '').trim();
  if (v === '' || v === '0') return false;
  if (/^\d+$/.test(v)) return Number(v);
  const entries = v.split(',').map((s) => s.trim());
  for (const e of entries) {
    const [address, bits] = e.split('/');
    const family = net.isIP(address);
    const maxBits = family === 6 ? 128 : 32;
    if (family === 0 || (bits !== undefined && (!/^\d+$/.test(bits) || Number(bits) > maxBits))) {
      throw new ConfigError(
        `LINLI_TRUST_PROXY "${e}" is neither a hop count nor an IP address or CIDR range (e.g. 1, or 127.0.0.1,10.0.0.0/8).`,
      );
    }
  }
  return entries;
}

const zEnv = z.object({
  NODE_ENV: z.enum(['production', 'development', 'test']).optional(),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\/.+/, 'a postgres:// URL')
    .optional(),
  LINLI_DATA_DIR: z.string().min(1).default('./data'),
  LINLI_SECRET_KEY: z.string().min(32, 'at least 32 characters').optional(),
  LINLI_DEMO: flag.optional(),
  LINLI_DEMO_PASSWORD: z.string().min(8, 'at least 8 characters').optional(),
  LINLI_REQUIRE_2FA: flag.default('0'),
  LINLI_LOGIN_RATE_LIMIT: z.coerce.number().int().min(1).max(10_000).default(20),
  LINLI_TRUST_PROXY: z.string().optional(),
  LINLI_REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\/.+/, 'a redis:// URL')
    .optional(),
  LINLI_SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).max(600_000).default(10_000),
  LINLI_IMAP_STREET: z.string().min(1).optional(),
  LOG_LEVEL: z.enum(LOG_LEVELS).optional(),
});

/**
 * Reads the configuration once, at start-up. An unset or empty variable takes its default; a bad value
 * stops the start with a message that names the variable.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const given = Object.fromEntries(
    Object.entries(env).filter(([k, v]) => k in zEnv.shape && v !== undefined && v !== ''),
  );
  const parsed = zEnv.safeParse(given);
  if (!parsed.success) {
    const lines = parsed.error.issues.map(
      (i) => `  ${String(i.path[0])}=${JSON.stringify(given[String(i.path[0])])}: ${i.message}`,
    );
    throw new ConfigError(
      `Linli cannot start, the configuration is not valid:\n${lines.join('\n')}`,
    );
  }
  const e = parsed.data;
  const production = e.NODE_ENV === 'production';
  // Demo data only when asked for; `npm start` on a fresh clone (the embedded SQLite, not production)
  // keeps asking for it by default so that the two commands of the README show a working street.
  const demo = e.LINLI_DEMO === undefined ? !production && !e.DATABASE_URL : e.LINLI_DEMO === '1';
  return {
    production,
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir: path.resolve(e.LINLI_DATA_DIR),
    secretKey: e.LINLI_SECRET_KEY,
    demo,
    demoPassword: e.LINLI_DEMO_PASSWORD ?? DEFAULT_DEMO_PASSWORD,
    demoPasswordFromEnv: e.LINLI_DEMO_PASSWORD !== undefined,
    requireTwoFactor: e.LINLI_REQUIRE_2FA === '1',
    loginRateLimit: e.LINLI_LOGIN_RATE_LIMIT,
    sessionIdleMinutes: 30,
    logLevel: e.LOG_LEVEL ?? 'info',
    trustProxy: parseTrustProxy(e.LINLI_TRUST_PROXY),
    redisUrl: e.LINLI_REDIS_URL,
    shutdownTimeoutMs: e.LINLI_SHUTDOWN_TIMEOUT_MS,
    imapStreet: e.LINLI_IMAP_STREET,
  };
}

/**
 * What a production start refuses before it touches the database: demo data, a demo password, and
 * running without the key that seals ID numbers and phones (a key file made beside the data would be
 * lost or copied with it).
 */
export function productionProblems(config: Config): string[] {
  if (!config.production) return [];
  const problems: string[] = [];
  if (!config.secretKey)
    problems.push(
      'LINLI_SECRET_KEY is not set. Generate one (openssl rand -base64 32), keep it safe outside the data directory, and set it.',
    );
  if (config.demo)
    problems.push(
      'LINLI_DEMO=1: the demo district and its accounts are never loaded in production.',
    );
  if (config.demoPasswordFromEnv)
    problems.push(
      'LINLI_DEMO_PASSWORD is set: demo accounts do not exist in production; remove it.',
    );
  return problems;
}
